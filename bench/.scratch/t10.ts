import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../src/backend/backend';
import { plausibleAnswer } from '../lib/answers';
import { ROOT } from '../lib/app';
import { summarise } from '../lib/stats';
import type { QuestionView } from '../../src/core/quiz-view';
const work = mkdtempSync(join(tmpdir(), 'lb-'));
const b = createBackend({ dataDir: work, lessonsDir: join(ROOT, 'resources/lessons'), mode: 'browser', version: 'x' });
const ok = async <T>(n: string, i: unknown) => { const r = await b.call(n, i); if (!r.ok) throw new Error(JSON.stringify(r)); return r.value as T; };
const l = await ok<{ id: string }>('learners:create', { name: 'X' });
const bodies: unknown[] = [];
for (let k = 0; k < 10; k++) { const a = await ok<{ id: string; questions: QuestionView[] }>('quiz:start', { learnerId: l.id, lessonId: 'kim-russie', kind: 'comprehension' }); for (const q of a.questions) bodies.push({ learnerId: l.id, attemptId: a.id, questionId: q.id, answer: plausibleAnswer(q), timeMs: 1 }); }
const db = new Database(join(work, 'floor.db')); db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
db.exec('CREATE TABLE answers (id INTEGER PRIMARY KEY, body TEXT NOT NULL)'); const ins = db.prepare('INSERT INTO answers (body) VALUES (?)');
const tx = db.prepare('INSERT INTO answers (body) VALUES (?)');
const ts: number[] = [], fs: number[] = [], fs2: number[] = [];
for (const body of bodies) {
  let s = performance.now(); await ok('quiz:answer', body); ts.push(performance.now() - s);
  s = performance.now(); ins.run('x'); fs.push(performance.now() - s);
  s = performance.now(); db.transaction(() => { tx.run('{"a":1}'); db.prepare('SELECT count(*) FROM answers').get(); tx.run('y'); })(); fs2.push(performance.now() - s);
}
console.log('app', summarise(ts.slice(20)));
console.log('bare', summarise(fs.slice(20)));
console.log('bare 2 inserts txn', summarise(fs2.slice(20)));
console.log(b.db.pragma('journal_mode'), b.db.pragma('synchronous'), b.db.pragma('wal_autocheckpoint'), b.db.pragma('page_size'));
b.close(); db.close(); rmSync(work, { recursive: true, force: true });
