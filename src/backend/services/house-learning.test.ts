// The house lexicon learns, through createBackend over real SQLite with the real morphology and dictionary:
// a sense the teacher confirms in one lesson's draft is the sense the next lesson's draft starts with.
import { describe, expect, it } from 'vitest';
import type { SavedDraft } from '../../shared/contract/authoring';
import { createBackend } from '../backend';
import { errorOf, useBackend, value, wholeDraft } from '../../../test/support/backend';

const WRITTEN = 'frog (the animal)';

describe('the house lexicon', () => {
  const fixture = useBackend();

  it('glosses every word of a new draft and flags what the machine only suggested, with its sources', async () => {
    const backend = fixture.start();
    const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
    const draft = await wholeDraft(backend, teacherToken, backend.call('authoring:create', { teacherToken, title: 'La mare', level: 'A2', paragraphs: ['Une grenouille chante dans la mare.'] }));
    expect(draft.lexicon.tokens.map((t) => t.form)).toEqual(['Une', 'grenouille', 'chante', 'dans', 'la', 'mare']);
    for (const token of draft.lexicon.tokens) {
      const entry = draft.lexicon.entries[token.entry];
      expect(entry?.lemma, token.form).toBeTruthy();
      expect(entry?.sense, token.form).toBeTruthy();
    }
    const grenouille = draft.lexicon.tokens[1];
    expect(draft.lexicon.entries[grenouille?.entry ?? '']).toMatchObject({ lemma: 'grenouille', pos: 'noun', sense: 'frog' });
    const review = draft.review.tokens.find((t) => t.at === grenouille?.at);
    expect(review?.suggested).toBe(true);
    expect(review?.candidates?.[0]).toMatchObject({ lemma: 'grenouille', pos: 'noun', sense: 'frog' });
    expect(review?.candidates?.[0]?.source).not.toBe('house');
  });

  it('ranks first in lesson B the sense the teacher confirmed in lesson A', async () => {
    const backend = fixture.start();
    const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
    const a = await wholeDraft(backend, teacherToken, backend.call('authoring:create', { teacherToken, title: 'La mare', level: 'A2', paragraphs: ['Une grenouille chante dans la mare.'] }));
    const token = a.lexicon.tokens.find((t) => t.form === 'grenouille');
    if (!token) throw new Error('grenouille is not glossed');
    const entry = { lemma: 'grenouille', pos: 'noun' as const, sense: WRITTEN, gender: 'f' as const };
    value<SavedDraft>(
      await backend.call('authoring:saveGlosses', { teacherToken, lessonId: a.lessonId, revision: a.revision, entries: [{ id: 'grenouille.frog', entry }], tokens: [{ at: token.at, gloss: { ...token, entry: 'grenouille.frog' }, confirm: true }] }),
    );

    const b = await wholeDraft(backend, teacherToken, backend.call('authoring:create', { teacherToken, title: 'Le jardin', level: 'A2', paragraphs: ['La grenouille saute dans le jardin.'] }));
    const again = b.lexicon.tokens.find((t) => t.form === 'grenouille');
    expect(b.lexicon.entries[again?.entry ?? '']).toMatchObject({ lemma: 'grenouille', pos: 'noun', sense: WRITTEN });
    const review = b.review.tokens.find((t) => t.at === again?.at);
    // Confirmed before, and the morphology is sure: nothing left to review on that word.
    expect(review?.suggested).toBeUndefined();
    expect(review?.unsure).toBeUndefined();
  });

  it('refuses a new draft by name when the dictionary is missing, and saves nothing', async () => {
    const backend = createBackend({ dataDir: fixture.dataDir, lessonsDir: fixture.lessonsDir, dictionaryDir: fixture.lessonsDir, mode: 'browser', version: '9.9.9' });
    try {
      const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
      const refused = errorOf(await backend.call('authoring:create', { teacherToken, title: 'La mare', level: 'A2', paragraphs: ['Une grenouille chante.'] }));
      expect(refused.message).toMatch(/morphology|dictionary/);
      expect(backend.db.prepare('SELECT COUNT(*) AS n FROM lesson_versions').get()).toEqual({ n: 0 });
    } finally {
      backend.close();
    }
  });

  it('suggests in lesson B, from the house, the expression the teacher joined in lesson A', async () => {
    const backend = fixture.start();
    const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
    const a = await wholeDraft(backend, teacherToken, backend.call('authoring:create', { teacherToken, title: 'Le plan', level: 'B1', paragraphs: ['Le maire tire la couverture à lui.'] }));
    const start = a.text.indexOf('tire');
    const end = a.text.indexOf('lui') + 'lui'.length;
    const expression = { start, end, text: a.text.slice(start, end), kind: 'expression' as const, sense: 'takes all the credit' };
    value<SavedDraft>(await backend.call('authoring:saveGlosses', { teacherToken, lessonId: a.lessonId, revision: a.revision, expressions: [{ start, end, expression, review: null, confirm: true }] }));

    const b = await wholeDraft(backend, teacherToken, backend.call('authoring:create', { teacherToken, title: 'La fête', level: 'B1', paragraphs: ['Comme toujours, Paul tire la couverture à lui.'] }));
    const found = b.lexicon.expressions.find((e) => e.text === 'tire la couverture à lui');
    expect(found).toMatchObject({ kind: 'expression', sense: 'takes all the credit' });
    expect(b.review.expressions.find((r) => r.start === found?.start)).toMatchObject({ suggested: true, source: 'house' });
  });

  it('reads a sentence’s capital as the word the house knows, and a capital inside a sentence as a name', async () => {
    const backend = fixture.start();
    const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
    // "zorglub" is in no dictionary: the teacher writes its gloss in lesson A.
    const a = await wholeDraft(backend, teacherToken, backend.call('authoring:create', { teacherToken, title: 'Le zorglub', level: 'A2', paragraphs: ['Il aime le zorglub.'] }));
    const token = a.lexicon.tokens.find((t) => t.form === 'zorglub');
    if (!token) throw new Error('zorglub is not glossed');
    const entry = { lemma: 'zorglub', pos: 'noun' as const, sense: 'gadget', gender: 'm' as const };
    value<SavedDraft>(
      await backend.call('authoring:saveGlosses', { teacherToken, lessonId: a.lessonId, revision: a.revision, entries: [{ id: 'zorglub.n', entry }], tokens: [{ at: token.at, gloss: { ...token, entry: 'zorglub.n' }, confirm: true }] }),
    );

    const b = await wholeDraft(backend, teacherToken, backend.call('authoring:create', { teacherToken, title: 'Partout', level: 'A2', paragraphs: ['Zorglub est partout. Il voit Zorglub.'] }));
    const [first, inside] = b.lexicon.tokens.filter((t) => t.form === 'Zorglub');
    expect(b.lexicon.entries[first?.entry ?? '']).toMatchObject({ lemma: 'zorglub', pos: 'noun', sense: 'gadget' });
    expect(b.review.tokens.find((r) => r.at === first?.at)?.suggested).toBeUndefined();
    expect(b.lexicon.entries[inside?.entry ?? '']).toMatchObject({ lemma: 'Zorglub', pos: 'proper noun' });
  });
});
