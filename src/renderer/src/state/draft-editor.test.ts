// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthoringDraft } from '../../../shared/contract/authoring';
import { fakeApi, refused } from './fake-api';
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

const saved = (revision: number) => () => Promise.resolve({ revision, updatedAt: '2026-12-01T10:01:00.000Z' });

afterEach(() => vi.useRealTimers());

describe('the draft editor', () => {
  it('opens on the first word to review and walks the unconfirmed ones with next', () => {
    const editor = new DraftEditorState(draft(), 'tok', fakeApi({}).api);
    expect(editor.word?.form).toBe("D'");
    expect(editor.unconfirmed).toBe(editor.words.length - 3);
    editor.select(4); // "le", then "train" is confirmed: next skips it
    editor.next();
    expect(editor.word?.form).toBe('Ensuite');
  });

  it('shows a long draft a page at a time, as the reader cuts it, and next unconfirmed turns the page', () => {
    // 200 copies of the three paragraphs: about 3,400 words, seven pages.
    const editor = new DraftEditorState(draft(Array.from({ length: 200 }, () => TEXT).join('\n')), 'tok', fakeApi({}).api);
    expect(editor.pages.length).toBeGreaterThan(5);
    expect(editor.page).toBe(0);
    const onPage = (page: number) => editor.wordsOf(...(editor.pages[page] ?? [0, 0]));
    // Every word is on exactly one page, in order.
    expect(editor.pages.flatMap((_, page) => onPage(page).map((w) => w.index))).toEqual(editor.words.map((w) => w.index));
    // From the last word of page 1, the next word to review is page 2's first: the page turns with it.
    editor.select(onPage(0).at(-1)!.index);
    expect(editor.next()).toBe(true);
    expect(editor.page).toBe(1);
    expect(editor.word).toBe(onPage(1)[0]);
    // The pager selects the page's first word; an edit there is undone as anywhere.
    editor.showPage(4);
    expect(editor.page).toBe(4);
    expect(editor.word?.index).toBe(onPage(4)[0]?.index);
    const before = editor.unconfirmed;
    editor.confirm();
    expect(editor.unconfirmed).toBe(before - 1);
    editor.undo();
    expect(editor.unconfirmed).toBe(before);
    expect(editor.page).toBe(4);
  });

  it('autosaves a burst of edits as one patch after a pause, on the revision it has, then on the one it got back', async () => {
    vi.useFakeTimers();
    const fake = fakeApi({ 'authoring:saveGlosses': saved(5) });
    const editor = new DraftEditorState(draft(), 'tok', fake.api);
    editor.confirm();
    editor.next();
    editor.setGloss({ lemma: 'abord', pos: 'noun', sense: 'first (in d’abord)', note: 'marks the first step' });
    expect(editor.save).toBe('pending');
    expect(fake.calls).toHaveLength(0);
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
    const fake = fakeApi({ 'authoring:saveGlosses': () => (fail ? refused('conflict', 'This draft was changed elsewhere.')() : saved(6)()) });
    const editor = new DraftEditorState(draft(), 'tok', fake.api);
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

  it('joins selected words into an expression and splits it again', () => {
    const editor = new DraftEditorState(draft(), 'tok', fakeApi({}).api);
    const prend = editor.words.findIndex((w) => w.form === 'prend');
    editor.select(prend);
    editor.select(prend + 2, true);
    editor.join('expression', 'takes the train');
    expect(editor.glosses.lexicon.expressions).toEqual([expect.objectContaining({ text: 'prend le train', sense: 'takes the train' })]);
    editor.select(prend + 1);
    editor.split();
    expect(editor.glosses.lexicon.expressions).toEqual([]);
  });

  it('saves translations by paragraph, an emptied one as none', async () => {
    const fake = fakeApi({ 'authoring:saveTranslations': saved(5) });
    const editor = new DraftEditorState(draft(), 'tok', fake.api);
    editor.setTranslation(0, ' First, Marie takes the train. ');
    editor.setTranslation(1, '');
    await editor.flush();
    expect(fake.inputsOf('authoring:saveTranslations')).toEqual([
      expect.objectContaining({ revision: 4, translations: [{ paragraph: 0, translation: 'First, Marie takes the train.' }, { paragraph: 1, translation: null }] }),
    ]);
  });

  it('generates drafts from confirmed glosses, refuses to publish until each is kept or deleted, then publishes', async () => {
    const report = { valid: true, problems: [], unconfirmed: 0 };
    const fake = fakeApi({
      'authoring:saveQuiz': saved(5),
      'authoring:validate': () => Promise.resolve(report),
      'authoring:publish': () => Promise.resolve({ lessonId: 'marie', version: 1, publishedAt: '2026-12-01T11:00:00.000Z' }),
    });
    const editor = new DraftEditorState(draft(), 'tok', fake.api);
    editor.generate();
    const types = editor.questions.map((q) => q.type);
    expect(types).toContain('cloze');
    expect(types).toContain('ordering');
    // Only the confirmed nouns are blanked.
    expect(editor.questions.filter((q) => q.type === 'cloze').map((q) => q.blank).sort()).toEqual(['musée', 'soupe', 'train']);
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
    const fake = fakeApi({ 'authoring:saveQuiz': saved(5), 'authoring:validate': () => Promise.resolve({ valid: false, problems, unconfirmed: 2 }) });
    const editor = new DraftEditorState(draft(), 'tok', fake.api);
    editor.addQuestion('short-answer');
    expect(await editor.publish()).toBe(false);
    expect(editor.problemsOf('question-1').map((p) => p.message)).toEqual([problems[0]?.message]);
    expect(editor.problemsOf(null).map((p) => p.file)).toEqual(['lexicon.json']);
  });
});

describe('the lessons list', () => {
  it('refuses a new lesson without a title or a text, and makes one from pasted lines', async () => {
    const fake = fakeApi({ 'authoring:create': () => Promise.resolve(draft()) });
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
