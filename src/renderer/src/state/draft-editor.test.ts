// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/contract';
import type { AuthoringDraft, DraftOutline } from '../../../shared/contract/authoring';
import { glossPage, paragraphCounts } from '../../../core/authoring/gloss-pages';
import { fakeApi, refused, type FakeApi } from './fake-api';
import { AUTOSAVE_MS, DraftEditorState } from './draft-editor.svelte';
import { AuthoringState } from './authoring.svelte';
import { SessionState } from './session.svelte';

const TEXT = "D'abord, Marie prend le train.\nEnsuite, elle visite un musée. Puis elle mange une soupe.\nEnfin, elle rentre.";
// Every word glossed (nouns "train", "musée", "soupe" confirmed; the rest suggested), as auto-glossing leaves a draft.
function draft(text = TEXT): AuthoringDraft {
  const words = [...text.matchAll(/[\p{L}]+(?:'(?=\p{L}))?/gu)].map((m) => ({ at: m.index ?? 0, form: m[0] }));
  const nouns: Record<string, string> = { train: 'train', musée: 'museum', soupe: 'soup' };
  const entries: AuthoringDraft['lexicon']['entries'] = {};
  for (const w of words) entries[w.form.toLowerCase()] = { lemma: w.form.toLowerCase(), pos: nouns[w.form] ? 'noun' : 'adverb', sense: nouns[w.form] ?? w.form };
  return {
    lessonId: 'marie',
    version: 1,
    revision: 4,
    status: 'draft',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    authorNotes: null,
    manifest: { id: 'marie', title: 'Marie à Lyon', level: 'A1' },
    text,
    lexicon: { entries, tokens: words.map((w) => ({ at: w.at, form: w.form, entry: w.form.toLowerCase() })), expressions: [] },
    translations: [null, 'Then she visits a museum. Next she eats a soup.', null],
    quiz: { questions: [] },
    review: { tokens: words.filter((w) => !nouns[w.form]).map((w) => ({ at: w.at, suggested: true as const, candidates: [{ lemma: w.form.toLowerCase(), pos: 'adverb' as const, sense: 'other', source: 'freedict' }] })), expressions: [] },
  };
}

/** The outline the backend answers with for a whole draft. */
function outlineOf(whole: AuthoringDraft): DraftOutline {
  const { lexicon, review: _review, ...rest } = whole;
  return { ...rest, entries: lexicon.entries, paragraphs: paragraphCounts(whole) };
}

/** A fake backend holding `whole`, serving its pages (as DraftPageService does) besides the answers given. */
function backendWith(whole: AuthoringDraft, answers: Partial<Api> = {}): FakeApi {
  return fakeApi({ 'authoring:glosses': ({ first, end }) => Promise.resolve(glossPage(whole, first, end)), ...answers });
}

/** The editor on `whole`, its first page read. */
async function editorOn(whole: AuthoringDraft, fake = backendWith(whole)): Promise<DraftEditorState> {
  const editor = new DraftEditorState(outlineOf(whole), 'tok', fake.api);
  await editor.open();
  return editor;
}

const saved = (revision: number) => () => Promise.resolve({ revision, updatedAt: '2026-12-01T10:01:00.000Z' });

afterEach(() => vi.useRealTimers());

describe('the draft editor', () => {
  it('opens on the first word to review and walks the unconfirmed ones with next', async () => {
    const editor = await editorOn(draft());
    expect(editor.word?.form).toBe("D'");
    expect(editor.unconfirmed).toBe(editor.totalWords - 3);
    await editor.select(4); // "le", then "train" is confirmed: next skips it
    await editor.next();
    expect(editor.word?.form).toBe('Ensuite');
  });

  it('reads a long draft a page at a time, as the reader cuts it, and next unconfirmed turns the page', async () => {
    // 200 copies of the three paragraphs: about 3,400 words, seven pages.
    const whole = draft(Array.from({ length: 200 }, () => TEXT).join('\n'));
    const fake = backendWith(whole, { 'authoring:saveGlosses': saved(5) });
    const editor = await editorOn(whole, fake);
    expect(editor.pages.length).toBeGreaterThan(5);
    expect(editor.page).toBe(0);
    // Only the first page was read, and it holds only its own glosses.
    expect(fake.inputsOf('authoring:glosses')).toEqual([{ teacherToken: 'tok', lessonId: 'marie', first: 0, end: editor.pages[0]![1] }]);
    expect(editor.glosses.lexicon.tokens.length).toBe(editor.words.length);
    // Its first screenful is drawn at once, the rest when the renderer is idle.
    const [, end] = editor.pages[0]!;
    expect(editor.renderedEnd).toBeLessThan(end);
    await vi.waitFor(() => expect(editor.renderedEnd).toBe(end));
    // The number of a page's first word: the words of the paragraphs before it.
    const counts = paragraphCounts(whole);
    const firstOf = (page: number) => counts.slice(0, editor.pages[page]![0]).reduce((n, c) => n + c.words, 0);
    // From the last word of page 1, the next word to review is page 2's first: the page turns with it.
    await editor.select(editor.words.at(-1)!.index);
    expect(await editor.next()).toBe(true);
    expect(editor.page).toBe(1);
    expect(editor.word?.index).toBe(firstOf(1));
    expect(editor.word?.paragraph).toBe(editor.pages[1]![0]);
    // The pager selects the page's first word; an edit there is undone as anywhere.
    await editor.showPage(4);
    expect(editor.page).toBe(4);
    expect(editor.word?.index).toBe(firstOf(4));
    const before = editor.unconfirmed;
    editor.confirm();
    expect(editor.unconfirmed).toBe(before - 1);
    // The page turns with the edit saved first; the count keeps the edit made on the page left.
    await editor.showPage(5);
    expect(fake.inputsOf('authoring:saveGlosses')).toHaveLength(1);
    expect(editor.unconfirmed).toBe(before - 1);
    // Undo goes back to the page of the edit and takes it back.
    editor.undo();
    expect(editor.page).toBe(4);
    expect(editor.unconfirmed).toBe(before);
    // Arrows past the page's last word turn to the next page.
    await editor.select(editor.words.at(-1)!.index + 1);
    expect(editor.page).toBe(5);
    expect(editor.word?.index).toBe(firstOf(5));
  });

  it('autosaves a burst of edits as one patch after a pause, on the revision it has, then on the one it got back', async () => {
    vi.useFakeTimers();
    const fake = backendWith(draft(), { 'authoring:saveGlosses': saved(5) });
    const editor = await editorOn(draft(), fake);
    editor.confirm();
    await editor.next();
    editor.setGloss({ lemma: 'abord', pos: 'noun', sense: 'first (in d’abord)', note: 'marks the first step' });
    expect(editor.save).toBe('pending');
    expect(fake.inputsOf('authoring:saveGlosses')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    await editor.flush();
    expect(fake.inputsOf('authoring:saveGlosses')).toEqual([
      expect.objectContaining({
        teacherToken: 'tok',
        lessonId: 'marie',
        revision: 4,
        tokens: [expect.objectContaining({ at: 0, confirm: true }), expect.objectContaining({ at: 2, confirm: true, gloss: expect.objectContaining({ note: 'marks the first step' }) })],
      }),
    ]);
    expect(editor.save).toBe('saved');
    expect(editor.unconfirmed).toBe(editor.words.length - 5);
    editor.undo();
    await editor.flush();
    const undo = fake.inputsOf('authoring:saveGlosses')[1] as { revision: number; tokens: { at: number; confirm?: true; review: unknown }[] };
    expect(undo.revision).toBe(5);
    expect(undo.tokens).toEqual([expect.objectContaining({ at: 2, review: expect.objectContaining({ suggested: true }) })]);
    expect(undo.tokens[0]?.confirm).toBeUndefined();
    expect(editor.words[editor.selected]?.status).toBe('suggested');
  });

  it('a refused save says why, keeps the change and sends it again on retry', async () => {
    let fail = true;
    const fake = backendWith(draft(), { 'authoring:saveGlosses': () => (fail ? refused('conflict', 'This draft was changed elsewhere.')() : saved(6)()) });
    const editor = await editorOn(draft(), fake);
    editor.confirm();
    await editor.flush();
    expect(editor.save).toBe('failed');
    expect(editor.saveError).toBe('This draft was changed elsewhere.');
    fail = false;
    await editor.flush();
    expect(editor.save).toBe('saved');
    expect(fake.inputsOf('authoring:saveGlosses')).toHaveLength(2);
    expect(fake.inputsOf('authoring:saveGlosses')[1]).toEqual(fake.inputsOf('authoring:saveGlosses')[0]);
  });

  it('joins selected words into an expression and splits it again', async () => {
    const editor = await editorOn(draft());
    const prend = editor.words.findIndex((w) => w.form === 'prend');
    await editor.select(prend);
    await editor.select(prend + 2, true);
    editor.join('expression', 'takes the train');
    expect(editor.glosses.lexicon.expressions).toEqual([expect.objectContaining({ text: 'prend le train', sense: 'takes the train' })]);
    await editor.select(prend + 1);
    editor.split();
    expect(editor.glosses.lexicon.expressions).toEqual([]);
  });

  it('saves translations by paragraph, an emptied one as none', async () => {
    const fake = backendWith(draft(), { 'authoring:saveTranslations': saved(5) });
    const editor = await editorOn(draft(), fake);
    editor.setTranslation(0, ' First, Marie takes the train. ');
    editor.setTranslation(1, '');
    await editor.flush();
    expect(fake.inputsOf('authoring:saveTranslations')).toEqual([
      expect.objectContaining({ revision: 4, translations: [{ paragraph: 0, translation: 'First, Marie takes the train.' }, { paragraph: 1, translation: null }] }),
    ]);
  });

  it('adds the questions the backend drafts, marked draft, and refuses to publish until each is kept or deleted', async () => {
    const report = { valid: true, problems: [], unconfirmed: 0 };
    const drafted = [
      { type: 'cloze', id: 'draft-cloze-1', skill: 'vocabulary', prompt: 'Fill the gap.', mode: 'typed', blank: 'train', evidence: { paragraph: 1, quote: "D'abord, Marie prend le train." } },
      { type: 'ordering', id: 'draft-ordering-1', skill: 'detail', prompt: 'Put in order.', items: ['a', 'b'], evidence: { paragraph: 2, quote: 'Ensuite, elle visite un musée.' } },
    ];
    const fake = backendWith(draft(), {
      'authoring:draftQuestions': () => Promise.resolve({ questions: drafted as never }),
      'authoring:saveQuiz': saved(5),
      'authoring:validate': () => Promise.resolve(report),
      'authoring:publish': () => Promise.resolve({ lessonId: 'marie', version: 1, publishedAt: '2026-12-01T11:00:00.000Z' }),
    });
    const editor = await editorOn(draft(), fake);
    editor.addQuestion('short-answer');
    await editor.generate();
    expect(editor.questions.map((q) => q.type)).toEqual(['short-answer', 'cloze', 'ordering']);
    expect(editor.draftsLeft).toBe(2);
    // The backend is told the ids taken, and a second press asks for other questions.
    await editor.generate();
    expect(fake.inputsOf('authoring:draftQuestions')).toEqual([
      { teacherToken: 'tok', lessonId: 'marie', generation: 0, takenIds: ['question-1'] },
      { teacherToken: 'tok', lessonId: 'marie', generation: 1, takenIds: ['question-1', 'draft-cloze-1', 'draft-ordering-1'] },
    ]);
    editor.deleteQuestion(4);
    editor.deleteQuestion(3);
    editor.deleteQuestion(0);
    expect(await editor.publish()).toBe(false);
    expect(fake.inputsOf('authoring:publish')).toHaveLength(0);
    editor.keepQuestion(0);
    expect(editor.questions[0]?.id).toBe('cloze-1');
    while (editor.draftsLeft > 0) editor.deleteQuestion(editor.questions.length - 1);
    expect(await editor.publish()).toBe(true);
    expect(fake.inputsOf('authoring:publish')).toEqual([{ teacherToken: 'tok', lessonId: 'marie', revision: 5 }]);
    const quiz = fake.inputsOf('authoring:saveQuiz').at(-1) as { quiz: { questions: { id: string }[] } };
    expect(quiz.quiz.questions.map((q) => q.id)).toEqual(['cloze-1']);
  });

  it('shows each validation problem beside its question, and the others apart', async () => {
    const problems = [
      { file: 'quiz.json' as const, message: 'question 1 ("question-1"): evidence: must not be empty', fact: { problem: 'check' as const, detail: 'question 1 ("question-1"): evidence: must not be empty' } },
      { file: 'lexicon.json' as const, message: 'word "Il" at 3 has no gloss', fact: { problem: 'check' as const, detail: 'word "Il" at 3 has no gloss' } },
    ];
    const fake = backendWith(draft(), { 'authoring:saveQuiz': saved(5), 'authoring:validate': () => Promise.resolve({ valid: false, problems, unconfirmed: 2 }) });
    const editor = await editorOn(draft(), fake);
    editor.addQuestion('short-answer');
    expect(await editor.publish()).toBe(false);
    expect(editor.problemsOf('question-1').map((p) => p.message)).toEqual([problems[0]?.message]);
    expect(editor.problemsOf(null).map((p) => p.file)).toEqual(['lexicon.json']);
  });
});

describe('the lessons list', () => {
  it('refuses a new lesson without a title or a text, and makes one from pasted lines', async () => {
    const fake = backendWith(draft(), { 'authoring:create': () => Promise.resolve(outlineOf(draft())) });
    const lessons = new AuthoringState('tok', fake.api, new SessionState(fake.api));
    const form = { text: '', title: 'Marie', titleEn: '', level: 'A1' as const, source: '', date: '' };
    expect(await lessons.create({ ...form, title: ' ' })).toBe(false);
    expect(lessons.createError).toBe('Give the lesson a title.');
    expect(await lessons.create(form)).toBe(false);
    expect(lessons.createError).toBe('Paste or open a text first.');
    expect(await lessons.create({ ...form, text: 'Une ligne.\n\n  Deux lignes. \n', source: 'Le Monde' })).toBe(true);
    expect(fake.inputsOf('authoring:create')).toEqual([{ teacherToken: 'tok', title: 'Marie', level: 'A1', paragraphs: ['Une ligne.', 'Deux lignes.'], source: 'Le Monde' }]);
    expect(lessons.editor?.lessonId).toBe('marie');
  });

  it('says why a delete or an import was refused', async () => {
    const fake = fakeApi({ 'authoring:importPack': refused('invalid_input', 'lesson.liseuse: not a lesson pack (no pack.json).') });
    const lessons = new AuthoringState('tok', fake.api, new SessionState(fake.api));
    await lessons.importPack(new File(['junk'], 'lesson.liseuse'));
    expect(lessons.error).toBe('lesson.liseuse: not a lesson pack (no pack.json).');
    expect(fake.inputsOf('authoring:importPack')).toEqual([{ teacherToken: 'tok', fileName: 'lesson.liseuse', base64: btoa('junk') }]);
  });
});
