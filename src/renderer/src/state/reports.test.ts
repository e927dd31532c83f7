// @vitest-environment happy-dom
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { COMPLETION_HELP } from '../../../core/reports/completion';
import type { LessonLibrary } from '../../../shared/contract/lessons';
import type { ClassReport, LearnerReport, QuestionResponses } from '../../../shared/contract/reports';
import type { ImportOutcome } from '../../../shared/contract/results';
import { fakeApi, refused, type FakeApi } from './fake-api';
import { ReportsState } from './reports.svelte';
import { SessionState } from './session.svelte';

const lesson = (id: string, title: string): LessonLibrary['lessons'][number] => ({
  id,
  title,
  titleEn: title,
  level: 'B1',
  summary: '…',
  wordCount: 437,
  paragraphCount: 9,
  quizQuestions: 23,
});
const row = (id: string, name: string): ClassReport['learners'][number] => ({
  id,
  name,
  attempts: 1,
  finishedAttempts: 1,
  lastScore: 0.9,
  bestScore: 0.9,
  completion: 1,
  readingSeconds: 300,
  lookups: 2,
  wordsLookedUp: 2,
  learning: 1,
  known: 0,
});
const classReport = (learners: ClassReport['learners']): ClassReport => ({
  format: 'liseuse-class-report',
  version: 1,
  generatedAt: '2026-11-30T10:00:00.000Z',
  lesson: { id: 'kim-russie', title: 'Kim Jong-un rentre de Russie', questionCount: 23, version: 1, versions: [1] },
  countedAttempt: 'first finished',
  completionRule: COMPLETION_HELP,
  learners,
  questions: [],
  paragraphs: [],
  regradings: [],
});
const learnerReport = (learner: ClassReport['learners'][number]): LearnerReport => ({
  format: 'liseuse-learner-report',
  version: 1,
  generatedAt: '2026-11-30T10:00:00.000Z',
  lesson: { id: 'kim-russie', title: 'Kim Jong-un rentre de Russie', version: 1, versions: [1] },
  learner,
  attempts: [],
  lookups: [],
  regradings: [],
});
const amelie = row('l-1', 'Amélie');
const bruno = row('l-2', 'Bruno');
const locked = 'The teacher area is locked. Enter the teacher PIN again.';

function reportsWith(fake: FakeApi, lessons = [lesson('kim-russie', 'Kim Jong-un rentre de Russie')]): { reports: ReportsState; app: SessionState } {
  const app = new SessionState(fake.api);
  app.library = { lessons, problems: [] };
  return { reports: new ReportsState('tok-1', fake.api, app), app };
}

const file = (name: string, content: string): File => new File([content], name, { type: 'application/json' });

describe('the teacher’s reports', () => {
  it('opens on the class overview of the first lesson', () => {
    const { reports } = reportsWith(fakeApi({}), [lesson('kim-russie', 'Kim'), lesson('autre', 'Autre')]);
    expect(reports.lessonId).toBe('kim-russie');
    expect(reports.tab).toBe('class');
    expect(reports.report).toBeNull();
  });

  it('loads the class report and picks its first learner', async () => {
    const fake = fakeApi({ 'reports:class': async () => classReport([amelie, bruno]) });
    const { reports } = reportsWith(fake);
    await reports.load();
    expect(fake.inputsOf('reports:class')).toEqual([{ teacherToken: 'tok-1', lessonId: 'kim-russie' }]);
    expect(reports.report?.learners).toEqual([amelie, bruno]);
    expect(reports.learnerId).toBe('l-1');
  });

  it('keeps the learner chosen while they are in the report, and moves off one who is not', async () => {
    let learners = [amelie, bruno];
    const { reports } = reportsWith(fakeApi({ 'reports:class': async () => classReport(learners) }));
    reports.learnerId = 'l-2';
    await reports.load();
    expect(reports.learnerId).toBe('l-2');
    learners = [amelie];
    await reports.load();
    expect(reports.learnerId).toBe('l-1');
    learners = [];
    await reports.load();
    expect(reports.learnerId).toBe('');
  });

  it('asks nothing without a lesson', async () => {
    const fake = fakeApi({});
    const { reports } = reportsWith(fake, []);
    await reports.load();
    await reports.loadLearner();
    expect(fake.calls).toEqual([]);
  });

  it('a report the backend refuses is not shown, and the reason is in the app’s alert', async () => {
    const { reports, app } = reportsWith(fakeApi({ 'reports:class': refused('unauthorized', locked) }));
    await reports.load();
    expect(reports.report).toBeNull();
    expect(app.error).toBe(locked);
  });

  it('loads the chosen learner’s answers, and nothing when none is chosen', async () => {
    const fake = fakeApi({ 'reports:learner': async () => learnerReport(bruno) });
    const { reports } = reportsWith(fake);
    await reports.loadLearner();
    expect(fake.calls).toEqual([]);
    reports.learnerId = 'l-2';
    await reports.loadLearner();
    expect(fake.inputsOf('reports:learner')).toEqual([{ teacherToken: 'tok-1', lessonId: 'kim-russie', learnerId: 'l-2' }]);
    expect(reports.learnerReport).toEqual(learnerReport(bruno));
  });

  it('exports and says where the file went; busy meanwhile', async () => {
    const fake = fakeApi({ 'reports:export': async () => ({ saved: { fileName: 'liseuse-class-kim-russie.csv' } }) });
    const { reports, app } = reportsWith(fake);
    const exporting = reports.exportFile({ report: 'class', format: 'csv' });
    expect(reports.busy).toBe(true);
    await exporting;
    expect(reports.busy).toBe(false);
    // The teacher's own zone goes with the request (the backend writes the file's times in it), and a CSV's dialect.
    expect(fake.inputsOf('reports:export')).toEqual([
      { teacherToken: 'tok-1', lessonId: 'kim-russie', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, language: app.language, report: 'class', format: 'csv', csvLocale: 'standard' },
    ]);
    expect(reports.status).toBe('Saved as liseuse-class-kim-russie.csv.');
  });

  it('asks for the file in the language on screen, so a French teacher area gets a French PDF', async () => {
    const fake = fakeApi({ 'reports:export': async () => ({ saved: { fileName: 'bilan.pdf' } }) });
    const { reports, app } = reportsWith(fake);
    app.computerLanguage = 'fr';
    await reports.exportFile({ report: 'class', format: 'pdf' });
    app.computerLanguage = 'en';
    await reports.exportFile({ report: 'class', format: 'pdf' });
    expect(fake.inputsOf('reports:export')).toMatchObject([{ language: 'fr' }, { language: 'en' }]);
  });

  it('writes CSV files in the dialect the teacher saved, keeps a new choice, and sends no dialect with a workbook', async () => {
    const fake = fakeApi({
      'lms:exportSettings': async () => ({ csvLocale: 'fr' }),
      'lms:setExportSettings': async ({ csvLocale }) => ({ csvLocale }),
      'reports:export': async () => ({ saved: { fileName: 'f' } }),
    });
    const { reports } = reportsWith(fake);
    expect(reports.csvLocale).toBe('standard');
    await reports.loadExportSettings();
    expect(reports.csvLocale).toBe('fr');
    await reports.exportFile({ report: 'attempts', format: 'csv' });
    await reports.exportFile({ report: 'attempts', format: 'xlsx' });
    expect((fake.inputsOf('reports:export') as { format: string; csvLocale?: string }[]).map((input) => [input.format, input.csvLocale])).toEqual([
      ['csv', 'fr'],
      ['xlsx', undefined],
    ]);
    await reports.setCsvLocale('standard');
    expect(fake.inputsOf('lms:setExportSettings')).toEqual([{ teacherToken: 'tok-1', csvLocale: 'standard' }]);
    expect(reports.csvLocale).toBe('standard');
  });

  it('exports the lesson’s quiz for Moodle and says where the file went', async () => {
    const fake = fakeApi({ 'lms:exportQuiz': async () => ({ saved: { fileName: 'liseuse-kim-russie-quiz-2024-05-01.gift.txt' } }) });
    const { reports } = reportsWith(fake);
    await reports.exportQuiz('gift');
    expect(fake.inputsOf('lms:exportQuiz')).toEqual([{ teacherToken: 'tok-1', lessonId: 'kim-russie', format: 'gift' }]);
    expect(reports.status).toBe('Saved as liseuse-kim-russie-quiz-2024-05-01.gift.txt.');
  });

  it('exports the shown learner’s statement file and says where it went', async () => {
    const fake = fakeApi({ 'results:exportStatements': async () => ({ saved: { fileName: 'liseuse-statements-amelie-l-1-2024-05-01-1000.json' } }) });
    const { reports } = reportsWith(fake);
    await reports.exportStatements('l-1');
    expect(fake.inputsOf('results:exportStatements')).toEqual([{ learnerId: 'l-1' }]);
    expect(reports.status).toBe('Saved as liseuse-statements-amelie-l-1-2024-05-01-1000.json.');
  });

  it('a cancelled export says so; a refused one leaves the status alone and shows the reason', async () => {
    const wrongFormat = 'A learner report is exported as PDF or JSON; the attempts CSV holds every answer.';
    let answer: () => Promise<{ cancelled: true }> = async () => ({ cancelled: true });
    const { reports, app } = reportsWith(fakeApi({ 'reports:export': () => answer() }));
    await reports.exportFile({ report: 'class', format: 'pdf' });
    expect(reports.status).toBe('Export cancelled.');
    answer = refused('invalid_input', wrongFormat);
    await reports.exportFile({ report: 'learner', format: 'csv', learnerId: 'l-1' });
    expect(reports.status).toBe('Export cancelled.');
    expect(reports.busy).toBe(false);
    expect(app.error).toBe(wrongFormat);
  });

  it('imports file by file: a bad file is refused by name, the good ones go in, then the report is read again', async () => {
    const imported: ImportOutcome = {
      fileName: 'liseuse-results-amelie.json',
      learner: 'Amélie',
      createdLearner: true,
      added: { attempts: 1, answers: 1, lookups: 0, statusChanges: 0 },
      duplicates: 0,
      alreadyImported: false,
    };
    const broken = 'broken.json: it is not valid JSON (it may be cut short or damaged).';
    const fake = fakeApi({
      'results:import': async (input) => {
        if (input.fileName === 'broken.json') return refused('invalid_input', broken)();
        return input.fileName === 'again.json' ? { ...imported, fileName: 'again.json', added: { attempts: 0, answers: 0, lookups: 0, statusChanges: 0 }, duplicates: 2, alreadyImported: true } : imported;
      },
      'reports:class': async () => classReport([amelie]),
    });
    const { reports, app } = reportsWith(fake);
    await reports.importFiles([file('liseuse-results-amelie.json', '{"a":1}'), file('broken.json', '{"format":'), file('again.json', '{}')]);
    expect(fake.inputsOf('results:import')).toEqual([
      { teacherToken: 'tok-1', fileName: 'liseuse-results-amelie.json', content: '{"a":1}' },
      { teacherToken: 'tok-1', fileName: 'broken.json', content: '{"format":' },
      { teacherToken: 'tok-1', fileName: 'again.json', content: '{}' },
    ]);
    expect(reports.importResults).toEqual([
      { ok: true, text: 'liseuse-results-amelie.json: Amélie, 2 new records.' },
      { ok: false, text: broken },
      { ok: true, text: 'again.json: Amélie, nothing new (already imported).' },
    ]);
    expect(reports.status).toBe('2 files imported: 1 learner, 1 new attempt, 2 duplicates ignored; 1 refused.');
    expect(reports.busy).toBe(false);
    expect(fake.calls.at(-1)?.name).toBe('reports:class');
    expect(reports.report?.learners).toEqual([amelie]);
    expect(app.error).toBeNull();
  });

  it('a zip and loose files in one go: the zip opened, each results file imported, the others named with their reason, one summary', async () => {
    const outcome = (fileName: string, learner: string): ImportOutcome => ({
      fileName, learner, createdLearner: true, added: { attempts: 2, answers: 10, lookups: 1, statusChanges: 0 }, duplicates: 1, alreadyImported: false,
    });
    const fake = fakeApi({
      'results:import': async (input) => outcome(input.fileName, input.fileName.includes('jules') ? 'Jules' : 'Inès'),
      'reports:class': async () => classReport([amelie]),
    });
    const { reports } = reportsWith(fake);
    const archive = zipSync({ 'ines.json': strToU8('{"i":1}'), 'jules.json': strToU8('{"j":1}'), 'notes.txt': strToU8('x') });
    await reports.importFiles([new File([archive], 'classe.zip', { type: 'application/zip' }), file('loose-ines.json', '{"l":1}'), new File([archive.slice(0, 40)], 'cut.zip')]);
    expect((fake.inputsOf('results:import') as { fileName: string; content: string }[]).map((i) => [i.fileName, i.content])).toEqual([
      ['classe.zip › ines.json', '{"i":1}'],
      ['classe.zip › jules.json', '{"j":1}'],
      ['loose-ines.json', '{"l":1}'],
    ]);
    expect(reports.importResults.filter((r) => !r.ok).map((r) => r.text)).toEqual([
      'classe.zip › notes.txt: not a results file (Liseuse imports .json results files and .zip archives of them).',
      'cut.zip: not a readable zip archive (it may be damaged or cut short).',
    ]);
    expect(reports.status).toBe('3 files imported: 2 learners, 6 new attempts, 3 duplicates ignored; 2 refused.');
  });

  it('opens what learners typed, accepts an answer, says what was regraded and reads the reports again', async () => {
    const typed = (accepted: boolean): QuestionResponses => ({
      questionId: 'trip-length',
      number: 1,
      prompt: 'How long did Kim stay in Russia?',
      promptLang: 'en',
      answerLang: 'fr',
      quizAccepted: ['sept jours'],
      accepted: accepted ? ['sept jours', 'huit jours'] : ['sept jours'],
      responses: [{ answer: 'huit jours', count: 2, verdict: accepted ? 'correct' : 'wrong', score: accepted ? 1 : 0, learners: ['Amélie', 'Bruno'], accepted }],
      regradings: [],
    });
    let decided = false;
    const fake = fakeApi({
      'reports:responses': async () => typed(decided),
      'reports:decideAnswer': async () => {
        decided = true;
        return { questionId: 'trip-length', number: 1, prompt: '…', at: '2026-12-01T09:30:00.000Z', by: 'teacher', change: 'accepted', answer: 'huit jours', answersChanged: 2, attempts: [] };
      },
      'reports:class': async () => classReport([amelie]),
      'reports:learner': async () => learnerReport(amelie),
    });
    const { reports, app } = reportsWith(fake);
    await reports.load();
    await reports.openResponses('trip-length');
    expect(reports.responses?.responses[0]?.verdict).toBe('wrong');
    await reports.decideAnswer('huit jours', true);
    expect(fake.inputsOf('reports:decideAnswer')).toEqual([{ teacherToken: 'tok-1', lessonId: 'kim-russie', questionId: 'trip-length', text: 'huit jours', accept: true }]);
    expect(reports.status).toBe('Regraded: accepted « huit jours »: 2 answers regraded, 0 scores changed.');
    expect(reports.responses?.responses[0]?.verdict).toBe('correct');
    expect(fake.calls.slice(-3).map((c) => c.name)).toEqual(['reports:responses', 'reports:class', 'reports:learner']);
    reports.closeResponses();
    expect(reports.responses).toBeNull();
    expect(app.error).toBeNull();
  });

  it('a refused decision is shown and changes nothing on screen', async () => {
    const fake = fakeApi({
      'reports:responses': async () => ({ questionId: 'q', number: 1, prompt: 'p', promptLang: 'en', answerLang: 'fr', quizAccepted: ['a'], accepted: ['a'], responses: [], regradings: [] }),
      'reports:decideAnswer': refused('conflict', 'A question keeps at least one accepted answer: accept another one first.'),
    });
    const { reports, app } = reportsWith(fake);
    await reports.openResponses('q');
    await reports.decideAnswer('a', false);
    expect(app.error).toBe('A question keeps at least one accepted answer: accept another one first.');
    expect(reports.status).toBe('');
    expect(reports.busy).toBe(false);
  });
});
