import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const read = (bytes: Buffer): string[][] => parse(bytes.toString('utf8'), { bom: true, relax_column_count: false }) as string[][];

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends records with CRLF', () => {
    const bytes = toCsv(['a', 'b'], [['x', 1]]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('a,b\r\nx,1\r\n');
  });

  it('round-trips through a real CSV parser: accents, quotes, commas and line breaks come back as they were', () => {
    const values = ['Élodie', 'Jean-François', 'O’Brien', 'say "hi", then leave', 'two\nlines', 'à ce jour; « guillemets »', ''];
    const bytes = toCsv(['value', 'n'], values.map((v, i) => [v, i]));
    expect(read(bytes)).toEqual([['value', 'n'], ...values.map((v, i) => [v, String(i)])]);
  });

  it('keeps numbers numeric: never quoted, never prefixed', () => {
    const text = toCsv(['score', 'negative'], [[0.75, -3]]).toString('utf8');
    expect(text).toContain('\r\n0.75,-3\r\n');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['@SUM(1)'],
    ['+1+1'],
    ['-2+3'],
    ['\t=1'],
    ['\r=1'],
    ['＝1+1'],
    ['＠SUM(1)'],
    ['  =1+1'],
  ])('neutralises a formula: %j', (payload) => {
    const [, row] = read(toCsv(['cell'], [[payload]]));
    expect(row?.[0]).toBe(`'${payload}`);
    expect(row?.[0]?.startsWith("'")).toBe(true);
  });

  it('a quote-breaking payload stays inside its cell: a";=1+2', () => {
    const rows = read(toCsv(['cell', 'next'], [['a";=1+2', 'ok']]));
    expect(rows[1]).toEqual(['a";=1+2', 'ok']);
  });

  it('leaves ordinary text alone', () => {
    const rows = read(toCsv(['cell'], [['Kim a traversé la frontière'], ['e-mail'], ['1 000 missiles']]));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Kim a traversé la frontière', 'e-mail', '1 000 missiles']);
  });
});
