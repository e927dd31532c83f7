// The teacher's own lessons through createBackend over real SQLite: a draft from a text, glossed in small saves,
// published, read and answered by a learner, edited into version 2 without touching the answers given on version 1,
// deleted (archived, as it was answered), and carried to a fresh data folder as a lesson pack.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../backend';
import { createBackend } from '../backend';
import type { ArchiveOutcome, AuthoringList, DraftOutline, PackImport, Published, SavedDraft, ValidationReport } from '../../shared/contract/authoring';
import type { LessonLibrary } from '../../shared/contract/lessons';
import type { LessonWire } from '../../shared/lesson-wire';
import type { AttemptView } from '../../shared/contract/quiz';
import type { ClassReport, LearnerReport } from '../../shared/contract/reports';
import type { ExportOutcome, Learner } from '../../shared/types';
import { buildPack } from '../../core/authoring/lesson-pack';
import { chatFiles, errorOf, reasonOf, useBackend, value } from '../../../test/support/backend';
import { wordReason } from '../../shared/error-messages';
import { makeTempDir, removeTempDir } from '../../../test/support/db';

const PARAGRAPHS = ['Le chat dort.', 'Il mange bien.'];
const TEXT = 'Le chat dort.\n\nIl mange bien.';
const WORDS: [form: string, entry: string, lemma: string, pos: string, sense: string][] = [
  ['Le', 'le', 'le', 'article', 'the'],
  ['chat', 'chat', 'chat', 'noun', 'cat'],
  ['dort', 'dormir', 'dormir', 'verb', 'to sleep'],
  ['Il', 'il', 'il', 'pronoun', 'he'],
  ['mange', 'manger', 'manger', 'verb', 'to eat'],
  ['bien', 'bien', 'bien', 'adverb', 'well'],
];

function glossPatch(revision: number) {
  let cursor = 0;
  const tokens = WORDS.map(([form, entry]) => {
    const at = TEXT.indexOf(form, cursor);
    cursor = at + form.length;
    return { at, gloss: { at, form, entry }, confirm: true as const };
  });
  const entries = WORDS.map(([, id, lemma, pos, sense]) => ({ id, entry: { lemma, pos, sense } }));
  return { lessonId: 'le-chat', revision, entries, tokens };
}

const question = (prompt: string) => ({
  id: 'chat-dort',
  type: 'true-false',
  prompt,
  promptLang: 'en',
  explanation: 'The first sentence says so.',
  evidence: { paragraph: 1, quote: 'Le chat dort.' },
  skill: 'fact',
  correct: true,
});

async function teacher(backend: Backend): Promise<string> {
  return value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' })).teacherToken;
}

/** A published "le-chat" lesson, made as the editor makes it: create, gloss, translate, details, quiz, publish. */
async function publishChat(backend: Backend, teacherToken: string, translations = [{ paragraph: 0, translation: 'The cat sleeps.' }, { paragraph: 1, translation: 'He eats well.' }]): Promise<void> {
  const draft = value<DraftOutline>(await backend.call('authoring:create', { teacherToken, title: 'Le chat', level: 'A1', paragraphs: PARAGRAPHS }));
  expect(draft).toMatchObject({ lessonId: 'le-chat', version: 1, revision: 0, text: TEXT, translations: [null, null] });
  let { revision } = value<SavedDraft>(await backend.call('authoring:saveGlosses', { teacherToken, ...glossPatch(0) }));
  if (translations.length > 0) ({ revision } = value<SavedDraft>(await backend.call('authoring:saveTranslations', { teacherToken, lessonId: 'le-chat', revision, translations })));
  ({ revision } = value<SavedDraft>(await backend.call('authoring:saveDetails', { teacherToken, lessonId: 'le-chat', revision, title: 'Le chat', titleEn: 'The cat', level: 'A1', summary: 'A cat sleeps.' })));
  ({ revision } = value<SavedDraft>(await backend.call('authoring:saveQuiz', { teacherToken, lessonId: 'le-chat', revision, quiz: { questions: [question('The cat sleeps.')] } })));
  expect(value<ValidationReport>(await backend.call('authoring:validate', { teacherToken, lessonId: 'le-chat' }))).toEqual({ valid: true, problems: [], unconfirmed: 0 });
  expect(value<Published>(await backend.call('authoring:publish', { teacherToken, lessonId: 'le-chat', revision }))).toMatchObject({ lessonId: 'le-chat', version: 1 });
}

const attemptVersions = (backend: Backend) => backend.db.prepare('SELECT lesson_version AS v FROM quiz_attempts ORDER BY rowid').all();

describe('lesson authoring', () => {
  const fixture = useBackend();

  it('publishes a lesson with a paragraph left untranslated; learners read it without that translation', async () => {
    const backend = fixture.start();
    await publishChat(backend, await teacher(backend), [{ paragraph: 1, translation: 'He eats well.' }]);
    const lesson = value<LessonWire>(await backend.call('lessons:get', { lessonId: 'le-chat' }));
    expect(lesson.parts[0]?.paragraphs.map((p) => p.translation)).toEqual([undefined, 'He eats well.']);
  });

  it('a draft stays in the teacher area until published; then learners read it and attempts keep their version', async () => {
    const backend = fixture.start();
    const teacherToken = await teacher(backend);
    const ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
    await backend.call('authoring:create', { teacherToken, title: 'Brouillon', level: 'B1', paragraphs: ['Un texte.'] });
    const libraryIds = async () => value<LessonLibrary>(await backend.call('lessons:list', undefined)).lessons.map((l) => l.id);
    expect(await libraryIds()).toEqual(['kim-russie']);
    expect(errorOf(await backend.call('lessons:get', { lessonId: 'brouillon' })).code).toBe('not_found');

    await publishChat(backend, teacherToken);
    expect(await libraryIds()).toEqual(['kim-russie', 'le-chat']);
    const first = value<AttemptView>(await backend.call('quiz:start', { learnerId: ana.id, lessonId: 'le-chat', kind: 'comprehension' }));
    expect(first.questions.map((q) => q.prompt)).toEqual(['The cat sleeps.']);

    // Version 2: the question is reworded. The attempt on version 1 still shows version 1's question.
    const v2 = value<DraftOutline>(await backend.call('authoring:editPublished', { teacherToken, lessonId: 'le-chat' }));
    expect(v2).toMatchObject({ version: 2, revision: 0, translations: ['The cat sleeps.', 'He eats well.'] });
    expect(errorOf(await backend.call('authoring:editPublished', { teacherToken, lessonId: 'le-chat' })).code).toBe('conflict');
    const saved = value<SavedDraft>(await backend.call('authoring:saveQuiz', { teacherToken, lessonId: 'le-chat', revision: 0, quiz: { questions: [question('Is the cat asleep?')] } }));
    value(await backend.call('authoring:publish', { teacherToken, lessonId: 'le-chat', revision: saved.revision }));
    const second = value<AttemptView>(await backend.call('quiz:start', { learnerId: ana.id, lessonId: 'le-chat', kind: 'comprehension' }));
    expect(second.questions.map((q) => q.prompt)).toEqual(['Is the cat asleep?']);
    expect(value<AttemptView>(await backend.call('quiz:attempt', { learnerId: ana.id, attemptId: first.id })).questions.map((q) => q.prompt)).toEqual(['The cat sleeps.']);
    expect(attemptVersions(backend)).toEqual([{ v: 1 }, { v: 2 }]);
    // Reports are of one version and say which: the old attempt is in version 1's, with version 1's question.
    const current = value<ClassReport>(await backend.call('reports:class', { teacherToken, lessonId: 'le-chat' }));
    expect(current.lesson).toMatchObject({ version: 2, versions: [1, 2], questionCount: 1 });
    const old = value<LearnerReport>(await backend.call('reports:learner', { teacherToken, lessonId: 'le-chat', learnerId: ana.id, lessonVersion: 1 }));
    expect(old.lesson).toMatchObject({ version: 1, versions: [1, 2] });
    expect(old.attempts.map((a) => a.id)).toEqual([first.id]);
    // A published version cannot be changed behind the service's back either.
    expect(() => backend.db.prepare("UPDATE lesson_versions SET text = 'x' WHERE lesson_id = 'le-chat' AND version = 1").run()).toThrow(/cannot change/);

    const list = value<AuthoringList>(await backend.call('authoring:list', { teacherToken })).lessons;
    expect(list.map((l) => [l.lessonId, l.published?.version ?? null, l.draft?.version ?? null, l.attempts])).toEqual([
      ['brouillon', null, 1, 0],
      ['kim-russie', 1, null, 0],
      ['le-chat', 2, null, 2],
    ]);

    // Delete: the answered lesson is archived (its attempts stay), the never-answered draft is erased.
    expect(value<ArchiveOutcome>(await backend.call('authoring:archive', { teacherToken, lessonId: 'le-chat' }))).toEqual({ outcome: 'archived', lessonId: 'le-chat' });
    expect(value<ArchiveOutcome>(await backend.call('authoring:archive', { teacherToken, lessonId: 'brouillon' }))).toEqual({ outcome: 'erased', lessonId: 'brouillon' });
    expect(errorOf(await backend.call('authoring:archive', { teacherToken, lessonId: 'kim-russie' })).code).toBe('conflict');
    expect(await libraryIds()).toEqual(['kim-russie']);
    expect(attemptVersions(backend)).toEqual([{ v: 1 }, { v: 2 }]);
    expect(value<AttemptView>(await backend.call('quiz:attempt', { learnerId: ana.id, attemptId: first.id })).questions).toHaveLength(1);
  });

  it('refuses a stale save by name, answers a repeated save with the same revision, and remembers confirmed senses', async () => {
    const backend = fixture.start();
    const teacherToken = await teacher(backend);
    value(await backend.call('authoring:create', { teacherToken, title: 'Le chat', level: 'A1', paragraphs: PARAGRAPHS }));
    const patch = { teacherToken, ...glossPatch(0) };
    const once = value<SavedDraft>(await backend.call('authoring:saveGlosses', patch));
    expect(value<SavedDraft>(await backend.call('authoring:saveGlosses', patch))).toEqual(once);
    const stale = errorOf(await backend.call('authoring:saveDetails', { teacherToken, lessonId: 'le-chat', revision: 0, title: 'Autre', level: 'A2' }));
    expect(stale.code).toBe('conflict');
    expect(stale.message).toContain('revision 1');
    expect(value<DraftOutline>(await backend.call('authoring:get', { teacherToken, lessonId: 'le-chat' })).manifest.title).toBe('Le chat');
    const house = backend.db.prepare("SELECT lemma, pos, sense, context, lesson_id FROM house_senses WHERE lemma = 'chat'").all();
    expect(house).toEqual([{ lemma: 'chat', pos: 'noun', sense: 'cat', context: JSON.stringify(['le', 'dormir']), lesson_id: 'le-chat' }]);
  });

  it('names every problem that keeps a draft from being published, and publishes nothing', async () => {
    const backend = fixture.start();
    const teacherToken = await teacher(backend);
    value(await backend.call('authoring:create', { teacherToken, title: 'Le chat', level: 'A1', paragraphs: PARAGRAPHS }));
    const report = value<ValidationReport>(await backend.call('authoring:validate', { teacherToken, lessonId: 'le-chat' }));
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([
      { file: 'lesson.json', message: 'the English title is missing', fact: { problem: 'titleMissing' } },
      { file: 'lesson.json', message: 'the summary is missing', fact: { problem: 'summaryMissing' } },
      { file: 'quiz.json', message: 'the quiz has no question yet', fact: { problem: 'quizEmpty' } },
    ]);
    const publishing = await backend.call('authoring:publish', { teacherToken, lessonId: 'le-chat', revision: 0 });
    const refused = errorOf(publishing);
    expect(refused.code).toBe('lesson_invalid');
    expect(refused.message).toContain('the English title is missing');
    expect(wordReason(reasonOf(publishing), 'fr')).toBe('Cette leçon ne peut pas encore être publiée (3\u00a0problèmes)\u00a0: lesson.json\u00a0: le titre anglais manque\u202f; …');
    expect(value<LessonLibrary>(await backend.call('lessons:list', undefined)).lessons.map((l) => l.id)).toEqual(['kim-russie']);
  });

  it('carries a lesson to another computer as a pack: added, then a newer version updates, an equal one is a copy', async () => {
    const home = fixture.start();
    const teacherToken = await teacher(home);
    await publishChat(home, teacherToken);
    const exported = async (version?: number) =>
      (value<ExportOutcome>(await home.call('authoring:exportPack', { teacherToken, lessonId: 'le-chat', ...(version ? { version } : {}) })) as { download: { fileName: string; base64: string } }).download;
    const v1 = await exported();
    expect(v1.fileName).toBe('le-chat-v1.liseuse');

    const otherDir = makeTempDir('liseuse-data-');
    const school = createBackend({ dataDir: otherDir, lessonsDir: fixture.lessonsDir, mode: 'browser', version: '9.9.9' });
    try {
      const schoolToken = await teacher(school);
      const importPack = async (file: { fileName: string; base64: string }) => school.call('authoring:importPack', { teacherToken: schoolToken, fileName: file.fileName, base64: file.base64 });
      expect(value<PackImport>(await importPack(v1))).toMatchObject({ outcome: 'added', lessonId: 'le-chat', version: 1 });
      expect(value(await school.call('lessons:get', { lessonId: 'le-chat' }))).toEqual(value(await home.call('lessons:get', { lessonId: 'le-chat' })));

      const again = value<PackImport>(await importPack(v1));
      expect(again).toMatchObject({ outcome: 'copy', lessonId: 'le-chat-copie', copyOf: 'le-chat', version: 1 });
      expect(again.message).toContain('le-chat-copie');

      const draft = value<DraftOutline>(await home.call('authoring:editPublished', { teacherToken, lessonId: 'le-chat' }));
      const saved = value<SavedDraft>(await home.call('authoring:saveQuiz', { teacherToken, lessonId: 'le-chat', revision: draft.revision, quiz: { questions: [question('Is the cat asleep?')] } }));
      value(await home.call('authoring:publish', { teacherToken, lessonId: 'le-chat', revision: saved.revision }));
      expect(value<PackImport>(await importPack(await exported()))).toMatchObject({ outcome: 'updated', lessonId: 'le-chat', version: 2 });
      expect(value<LessonLibrary>(await school.call('lessons:list', undefined)).lessons.map((l) => [l.id, l.quizQuestions])).toEqual([
        ['le-chat', 1],
        ['le-chat-copie', 1],
      ]);
    } finally {
      school.close();
      removeTempDir(otherDir);
    }
  });

  it('a results file says which version each attempt was answered on, and is graded on that version or refused by name', async () => {
    const home = fixture.start();
    const teacherToken = await teacher(home);
    await publishChat(home, teacherToken);
    const v1 = (value<ExportOutcome>(await home.call('authoring:exportPack', { teacherToken, lessonId: 'le-chat' })) as { download: { fileName: string; base64: string } }).download;
    const draft = value<DraftOutline>(await home.call('authoring:editPublished', { teacherToken, lessonId: 'le-chat' }));
    const saved = value<SavedDraft>(await home.call('authoring:saveQuiz', { teacherToken, lessonId: 'le-chat', revision: draft.revision, quiz: { questions: [question('Is the cat asleep?')] } }));
    value(await home.call('authoring:publish', { teacherToken, lessonId: 'le-chat', revision: saved.revision }));
    const v2 = (value<ExportOutcome>(await home.call('authoring:exportPack', { teacherToken, lessonId: 'le-chat' })) as { download: { fileName: string; base64: string } }).download;
    const ana = value<Learner>(await home.call('learners:create', { name: 'Ana' }));
    const attempt = value<AttemptView>(await home.call('quiz:start', { learnerId: ana.id, lessonId: 'le-chat', kind: 'comprehension' }));
    value(await home.call('quiz:answer', { learnerId: ana.id, attemptId: attempt.id, questionId: 'chat-dort', answer: { type: 'true-false', value: true }, timeMs: 1000 }));
    const results = (value<ExportOutcome>(await home.call('results:export', { learnerId: ana.id })) as { download: { fileName: string; base64: string } }).download;
    const content = Buffer.from(results.base64, 'base64').toString('utf8');
    expect((JSON.parse(content) as { attempts: { lessonVersion: number }[] }).attempts.map((a) => a.lessonVersion)).toEqual([2]);

    const otherDir = makeTempDir('liseuse-data-');
    const school = createBackend({ dataDir: otherDir, lessonsDir: fixture.lessonsDir, mode: 'browser', version: '9.9.9' });
    try {
      const schoolToken = await teacher(school);
      value(await school.call('authoring:importPack', { teacherToken: schoolToken, fileName: v1.fileName, base64: v1.base64 }));
      const refused = errorOf(await school.call('results:import', { teacherToken: schoolToken, fileName: results.fileName, content }));
      expect(refused.code).toBe('invalid_input');
      expect(refused.message).toContain('answered on version 2 of lesson "le-chat", which this computer does not have');
      expect(school.db.prepare('SELECT COUNT(*) AS n FROM quiz_attempts').get()).toEqual({ n: 0 });
      value(await school.call('authoring:importPack', { teacherToken: schoolToken, fileName: v2.fileName, base64: v2.base64 }));
      value(await school.call('results:import', { teacherToken: schoolToken, fileName: results.fileName, content }));
      expect(school.db.prepare('SELECT lesson_version AS v, score FROM quiz_attempts').all()).toEqual([{ v: 2, score: 1 }]);
    } finally {
      school.close();
      removeTempDir(otherDir);
    }
  });

  it('refuses a hostile or broken pack by name and writes nothing', async () => {
    const backend = fixture.start();
    const teacherToken = await teacher(backend);
    const manifest = { format: 'liseuse-lesson', formatVersion: 1, lessonId: 'chat', version: 1, exportedAt: '2024-05-01T10:00:00.000Z' } as const;
    const broken = { ...chatFiles(), 'translations.json': JSON.stringify(['Only one.']) };
    const attempts = [
      { base64: Buffer.from(buildPack(manifest, broken)).toString('base64'), code: 'lesson_invalid', says: 'translations.json: has 1 translations for 2 paragraphs', fr: 'translations.json\u00a0: 1\u00a0traduction pour 2\u00a0paragraphes' },
      { base64: Buffer.from(buildPack({ ...manifest, lessonId: 'autre' }, chatFiles())).toString('base64'), code: 'lesson_invalid', says: 'does not match the lesson "autre"', fr: 'l’identifiant «\u00a0chat\u00a0» ne correspond pas à la leçon «\u00a0autre\u00a0»' },
      { base64: Buffer.from('not a zip at all').toString('base64'), code: 'invalid_input', says: 'not a zip file', fr: 'ce n’est pas un fichier zip que Liseuse sait lire' },
    ];
    for (const { base64, code, says, fr } of attempts) {
      const importing = await backend.call('authoring:importPack', { teacherToken, fileName: 'chat.liseuse', base64 });
      const refused = errorOf(importing);
      expect(refused.code).toBe(code);
      expect(refused.message).toContain('« chat.liseuse »');
      expect(refused.message).toContain(says);
      expect(wordReason(reasonOf(importing), 'fr')).toContain(fr);
      expect(wordReason(reasonOf(importing), 'fr')).toMatch(/^«\u00a0chat\.liseuse\u00a0» .*Rien n’a été importé\.$/);
    }
    expect(backend.db.prepare('SELECT COUNT(*) AS n FROM lesson_versions').get()).toEqual({ n: 0 });
  });
});
