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
const ts: number[] = [];
for (const body of bodies) { const s = performance.now(); await ok('quiz:answer', body); ts.push(performance.now() - s); }
console.log('backend.call quiz:answer', summarise(ts.slice(20)));
// with synchronous NORMAL for comparison
b.db.pragma('synchronous = NORMAL');
const l2 = await ok<{ id: string }>('learners:create', { name: 'Y' });
const bodies2: unknown[] = [];
for (let k = 0; k < 10; k++) { const a = await ok<{ id: string; questions: QuestionView[] }>('quiz:start', { learnerId: l2.id, lessonId: 'kim-russie', kind: 'comprehension' }); for (const q of a.questions) bodies2.push({ learnerId: l2.id, attemptId: a.id, questionId: q.id, answer: plausibleAnswer(q), timeMs: 1 }); }
const ts2: number[] = [];
for (const body of bodies2) { const s = performance.now(); await ok('quiz:answer', body); ts2.push(performance.now() - s); }
console.log('backend.call quiz:answer, synchronous=NORMAL', summarise(ts2.slice(20)));
b.close(); rmSync(work, { recursive: true, force: true });
