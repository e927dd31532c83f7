// The gloss editor's reads through the contract, over real SQLite: a draft's outline (no per-word glosses, per
// paragraph counts), one page's glosses, what a save changes in both, and questions drafted from the whole draft.
import { describe, expect, it } from 'vitest';
import { callOk, errorOf, useBackend } from '../../../test/support/backend';

const PARAGRAPHS = ['Le chat dort sur le lit.', 'Il mange une souris.', 'Puis il dort encore.'];

describe('a draft a page at a time', () => {
  const fixture = useBackend();

  it('opens on an outline without glosses, serves a page’s glosses, and counts again after a save', async () => {
    const backend = fixture.start();
    const { teacherToken } = await callOk(backend, 'teacher:setPin', { pin: '246813' });
    const outline = await callOk(backend, 'authoring:create', { teacherToken, title: 'Le chat', level: 'A1', paragraphs: PARAGRAPHS });
    expect(outline).not.toHaveProperty('lexicon');
    expect(outline).not.toHaveProperty('review');
    expect(outline.paragraphs.map((p) => p.words)).toEqual([6, 4, 4]);
    // What the counts say is still to review is what each paragraph's glosses flag (the house lexicon confirms some).
    for (const [p, count] of outline.paragraphs.entries()) {
      const its = await callOk(backend, 'authoring:glosses', { teacherToken, lessonId: outline.lessonId, first: p, end: p + 1 });
      expect(its.tokens).toHaveLength(count.words);
      expect(count.unconfirmed).toBe(its.review.tokens.filter((r) => r.suggested || r.unsure).length);
    }
    expect(outline.paragraphs[1]!.unconfirmed).toBeGreaterThan(0);
    const page = await callOk(backend, 'authoring:glosses', { teacherToken, lessonId: outline.lessonId, first: 1, end: 2 });
    expect(page.tokens.map((t) => t.form)).toEqual(['Il', 'mange', 'une', 'souris']);
    expect(Object.keys(outline.entries)).toEqual(expect.arrayContaining(page.tokens.map((t) => t.entry)));

    // The teacher confirms a word to review in paragraph 2: the next outline counts one fewer there.
    const souris = page.tokens.find((t) => page.review.tokens.some((r) => r.at === t.at && (r.suggested || r.unsure)))!;
    const { revision } = await callOk(backend, 'authoring:saveGlosses', { teacherToken, lessonId: outline.lessonId, revision: outline.revision, tokens: [{ at: souris.at, confirm: true }] });
    const again = await callOk(backend, 'authoring:get', { teacherToken, lessonId: outline.lessonId });
    expect(again.revision).toBe(revision);
    expect(again.paragraphs[1]).toEqual({ words: 4, unconfirmed: outline.paragraphs[1]!.unconfirmed - 1 });
    const pageAgain = await callOk(backend, 'authoring:glosses', { teacherToken, lessonId: outline.lessonId, first: 1, end: 2 });
    expect(pageAgain.review.tokens.find((r) => r.at === souris.at)).not.toHaveProperty('suggested');

    // A range outside the draft is refused by name.
    const refused = errorOf(await backend.call('authoring:glosses', { teacherToken, lessonId: outline.lessonId, first: 2, end: 4 }));
    expect(refused).toMatchObject({ code: 'invalid_input' });
    expect(refused.message).toContain('has 3');
  });

  it('drafts questions from the words confirmed anywhere in the draft, and another press gives others', async () => {
    const backend = fixture.start();
    const { teacherToken } = await callOk(backend, 'teacher:setPin', { pin: '246813' });
    const outline = await callOk(backend, 'authoring:create', { teacherToken, title: 'Le chat', level: 'A1', paragraphs: PARAGRAPHS });
    const page = await callOk(backend, 'authoring:glosses', { teacherToken, lessonId: outline.lessonId, first: 0, end: 3 });
    await callOk(backend, 'authoring:saveGlosses', { teacherToken, lessonId: outline.lessonId, revision: outline.revision, tokens: page.tokens.map((t) => ({ at: t.at, confirm: true as const })) });
    const first = await callOk(backend, 'authoring:draftQuestions', { teacherToken, lessonId: outline.lessonId, generation: 0, takenIds: [] });
    const blanks = first.questions.flatMap((q) => (q.type === 'cloze' ? [q.blank] : []));
    expect(blanks.length).toBeGreaterThan(0);
    for (const blank of blanks) expect(PARAGRAPHS.join(' ')).toContain(blank);
    const taken = first.questions.map((q) => q.id);
    const second = await callOk(backend, 'authoring:draftQuestions', { teacherToken, lessonId: outline.lessonId, generation: 1, takenIds: taken });
    expect(second.questions.map((q) => q.id).filter((id) => taken.includes(id))).toEqual([]);
  });
});
