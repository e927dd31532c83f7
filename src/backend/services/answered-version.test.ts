// An attempt keeps the lesson version it was answered on, and what is read of it later is read on that version:
// the teacher grades an open answer under the question the learner was asked, the learner's note quotes it, and
// a results file's look-ups are checked against the text the learner read, not a newer one.
import { describe, expect, it } from 'vitest';
import { buildPack, type PackManifest } from '../../core/authoring/lesson-pack';
import type { OpenAnswers, TeacherNote } from '../../shared/contract/open-answers';
import type { ExportOutcome, Learner } from '../../shared/types';
import type { Backend } from '../backend';
import { callOk, chatFiles, chatLexicon, downloadedFile, useBackend } from '../../../test/support/backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';

const V1_PROMPT = 'Pourquoi le chat dort-il ?';
const V2_PROMPT = 'Que mange le chat ?';

/** The "chat" lesson as a pack of one version, with one open question; version 2 has its paragraphs swapped. */
function pack(version: number): string {
  const files = chatFiles();
  const quiz = {
    version: 1,
    lesson: 'chat',
    questions: [
      {
        id: 'pourquoi',
        type: 'open',
        prompt: version === 1 ? V1_PROMPT : V2_PROMPT,
        promptLang: 'fr',
        answerLang: 'fr',
        guidance: version === 1 ? 'Guidance one.' : 'Guidance two.',
        explanation: 'Le texte le dit.',
        explanationLang: 'fr',
        evidence: { paragraph: 1, quote: 'Le chat dort.' },
        skill: 'inference',
      },
    ],
  };
  let text = files['text.fr.txt'];
  let lexicon = chatLexicon() as { tokens: { at: number; form: string; entry: string }[] };
  let translations = files['translations.json'];
  if (version === 2) {
    // The same words, the paragraphs the other way round: word 0 is now "Il", in the other paragraph.
    const [first, second] = ['Le chat dort. Le chat mange.', 'Il dort bien.'];
    text = `${second}\n${first}\n`;
    const shift = second.length + 1;
    const tokens = lexicon.tokens.map((t) => (t.at < first.length ? { ...t, at: t.at + shift } : { ...t, at: t.at - first.length - 1 }));
    lexicon = { ...lexicon, tokens: tokens.sort((a, b) => a.at - b.at) };
    translations = JSON.stringify(['He sleeps well.', 'The cat sleeps. The cat eats.']);
    quiz.questions[0]!.evidence = { paragraph: 2, quote: 'Le chat dort.' };
  }
  const manifest: PackManifest = { format: 'liseuse-lesson', formatVersion: 1, lessonId: 'chat', version, exportedAt: '2024-05-01T10:00:00.000Z', lineage: 'chat-lineage' };
  return Buffer.from(
    buildPack(manifest, { ...files, 'text.fr.txt': text, 'lexicon.json': JSON.stringify(lexicon), 'translations.json': translations, 'quiz.json': JSON.stringify(quiz) }),
  ).toString('base64');
}

async function installVersion(backend: Backend, teacherToken: string, version: number): Promise<void> {
  await callOk(backend, 'authoring:importPack', { teacherToken, fileName: `chat-v${version}.liseuse`, base64: pack(version) });
}

/** Ana answers the open question of the version learners read now, and looks up the lesson's first word. */
async function answerAndLookUp(backend: Backend, learner: Learner, text: string): Promise<void> {
  const attempt = await callOk(backend, 'quiz:start', { learnerId: learner.id, lessonId: 'chat', kind: 'comprehension' });
  await callOk(backend, 'quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: 'pourquoi', answer: { type: 'open', text }, timeMs: 1000 });
  await callOk(backend, 'reading:lookup', { learnerId: learner.id, lessonId: 'chat', token: 0, paragraph: 0 });
}

describe('what was answered on an older version', () => {
  const fixture = useBackend();

  it('is graded under the question that version asked, and the learner’s note quotes it', async () => {
    const backend = fixture.start(fixture.lessonsDir);
    const { teacherToken } = await callOk(backend, 'teacher:setPin', { pin: '246813' });
    const ana = await callOk(backend, 'learners:create', { name: 'Ana' });
    await installVersion(backend, teacherToken, 1);
    await answerAndLookUp(backend, ana, 'Il est fatigué.');
    await installVersion(backend, teacherToken, 2);
    await answerAndLookUp(backend, ana, 'Il mange.');

    const list = await callOk(backend, 'openAnswers:list', { teacherToken, lessonId: 'chat' });
    const promptOf = (answerText: string): string | undefined => {
      const answer = list.answers.find((a) => a.text === answerText);
      return list.questions.find((q) => q.id === answer?.questionId && q.lessonVersion === answer?.lessonVersion)?.prompt;
    };
    expect(promptOf('Il est fatigué.')).toBe(V1_PROMPT);
    expect(promptOf('Il mange.')).toBe(V2_PROMPT);
    expect(list.questions.map((q) => [q.lessonVersion, q.prompt, q.guidance])).toEqual<[number, string, string | null][]>([
      [2, V2_PROMPT, 'Guidance two.'],
      [1, V1_PROMPT, 'Guidance one.'],
    ]);

    const old = list.answers.find((a) => a.text === 'Il est fatigué.') as OpenAnswers['answers'][number];
    const graded = await callOk(backend, 'openAnswers:grade', { teacherToken, answerId: old.answerId, score: 0.75, comment: 'Bien vu.' });
    expect(graded).toMatchObject({ lessonVersion: 1, grade: { score: 0.75, comment: 'Bien vu.' } });
    const notes: TeacherNote[] = (await callOk(backend, 'progress:get', { learnerId: ana.id })).teacherNotes;
    expect(notes.map((n) => [n.prompt, n.answer])).toEqual([[V1_PROMPT, 'Il est fatigué.']]);
  });

  it('a results file’s look-ups are checked against the version the learner read, not the newest', async () => {
    const home = fixture.start(fixture.lessonsDir);
    const { teacherToken } = await callOk(home, 'teacher:setPin', { pin: '246813' });
    const ana = await callOk(home, 'learners:create', { name: 'Ana' });
    await installVersion(home, teacherToken, 1);
    await answerAndLookUp(home, ana, 'Il est fatigué.');
    await installVersion(home, teacherToken, 2);
    await answerAndLookUp(home, ana, 'Il mange.');
    const file = downloadedFile(await callOk(home, 'results:export', { learnerId: ana.id }) as ExportOutcome);
    const content = file.bytes.toString('utf8');
    expect((JSON.parse(content) as { lookups: { lemma: string }[] }).lookups.map((l) => l.lemma)).toEqual(['le', 'il']);

    // The school has both versions: every record goes in, each look-up on its own version's word.
    const schoolDir = makeTempDir('liseuse-data-');
    try {
      const school = fixture.start(fixture.lessonsDir, undefined, { dataDir: schoolDir });
      const schoolToken = (await callOk(school, 'teacher:setPin', { pin: '246813' })).teacherToken;
      await installVersion(school, schoolToken, 1);
      await installVersion(school, schoolToken, 2);
      const outcome = await callOk(school, 'results:import', { teacherToken: schoolToken, fileName: file.fileName, content });
      expect(outcome).toMatchObject({ added: { attempts: 2, answers: 2, lookups: 2 } });
      expect(school.db.prepare('SELECT lemma FROM lookups ORDER BY looked_up_at, rowid').all()).toEqual([{ lemma: 'le' }, { lemma: 'il' }]);
      school.close();
    } finally {
      removeTempDir(schoolDir);
    }
  });
});
