// The bundled French–English dictionary: time to open it and memory it adds, each run in a fresh Node process
// (as the backend's first import that needs senses pays it), against reading, gunzip and splitting lines alone.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../lib/app';
import { summarise } from '../lib/stats';
import type { Row } from '../lib/table';

interface Probe {
  openMs: number;
  addedMB: number;
  headwords: number;
}

const RUNS = 7;

function probe(floor: boolean): Probe {
  const args = ['--import', 'tsx', join(ROOT, 'bench', 'lib', 'dictionary-probe.ts'), ...(floor ? ['--floor'] : [])];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`dictionary probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Probe;
}

export function dictionaryRows(): Row[] {
  const runs = Array.from({ length: RUNS }, () => probe(false));
  const floors = Array.from({ length: RUNS }, () => probe(true));
  const open = summarise(runs.map((r) => r.openMs));
  const openFloor = summarise(floors.map((r) => r.openMs));
  const added = summarise(runs.map((r) => r.addedMB));
  const addedFloor = summarise(floors.map((r) => r.addedMB));
  const headwords = runs[0]?.headwords ?? 0; // the floor's count is lines, not headwords
  return [
    {
      what: `open the French–English dictionary (${headwords.toLocaleString('en')} headwords, fresh process)`,
      unit: 'ms',
      stat: 'median',
      value: open.median,
      budget: { max: 200 },
      floor: openFloor.median,
      floorWhat: 'read + gunzip + split lines only',
      details: { runs: RUNS, openMs: runs.map((r) => r.openMs), floorMs: floors.map((r) => r.openMs) },
    },
    {
      what: 'memory the open dictionary adds (RSS)',
      unit: 'MB',
      stat: 'median',
      value: added.median,
      budget: { max: 80 },
      floor: addedFloor.median,
      floorWhat: 'the text and its lines alone',
      details: { addedMB: runs.map((r) => r.addedMB), floorAddedMB: floors.map((r) => r.addedMB) },
    },
  ];
}
