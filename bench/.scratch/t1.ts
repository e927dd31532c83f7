import { lessonLoadRow, tokenizeRow } from '../rows/core';
import { formatTable } from '../lib/table';
const rows = [await lessonLoadRow(), await tokenizeRow()];
console.log(formatTable(rows));
console.log(rows.map(r => ({...r.details, timesMs: undefined, floorTimesMs: undefined})));
