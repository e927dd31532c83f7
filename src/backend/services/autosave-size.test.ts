// Autosave on a long draft: a save of one gloss answers with the new revision only, never the lesson again, and
// what it saved is what the editor gets back when the draft is opened again.
import { describe, expect, it } from 'vitest';
import type { AuthoringDraft } from '../../shared/contract/authoring';
import { callOk, useBackend, wholeDraft } from '../../../test/support/backend';
import { ARTICLE_DIR, readLessonFiles } from '../../../test/support/article';
import { repeatText } from '../../../test/support/lessons';

describe('autosave of a long draft', () => {
  const fixture = useBackend();

  it('replies to one gloss saved in a 20,000-word draft in a few bytes, and the reload shows it', async () => {
    const backend = fixture.start();
    const { teacherToken } = await callOk(backend, 'teacher:setPin', { pin: '246813' });
    const article = readLessonFiles(ARTICLE_DIR);
    const perCopy = article['text.fr.txt'].match(/[\p{L}\p{N}]+/gu)?.length ?? 1;
    const paragraphs = repeatText(article, Math.ceil(21_000 / perCopy)).split(/\n+/).filter((p) => p.trim());
    const outline = await callOk(backend, 'authoring:create', { teacherToken, title: 'Un long texte', level: 'B2', paragraphs });
    const draft: AuthoringDraft = await wholeDraft(backend, teacherToken, outline);
    expect(draft.lexicon.tokens.length).toBeGreaterThan(20_000);
    const draftBytes = Buffer.byteLength(JSON.stringify({ ok: true, value: draft }));

    // The teacher writes a sense for one word near the end and confirms it.
    const token = draft.lexicon.tokens.at(-100)!;
    const entry = { lemma: 'essai', pos: 'noun' as const, sense: 'a test sense, typed' };
    const result = await backend.call('authoring:saveGlosses', {
      teacherToken,
      lessonId: draft.lessonId,
      revision: draft.revision,
      entries: [{ id: 'essai.n', entry }],
      tokens: [{ at: token.at, gloss: { ...token, entry: 'essai.n' }, confirm: true }],
    });
    // What the HTTP server sends is this envelope as JSON: count its bytes.
    const replyBytes = Buffer.byteLength(JSON.stringify(result));
    expect(result).toMatchObject({ ok: true, value: { revision: draft.revision + 1 } });
    expect(replyBytes).toBeLessThan(100);
    expect(draftBytes).toBeGreaterThan(1_000_000);

    const reloaded: AuthoringDraft = await wholeDraft(backend, teacherToken, await callOk(backend, 'authoring:get', { teacherToken, lessonId: draft.lessonId }));
    expect(reloaded.revision).toBe(draft.revision + 1);
    const saved = reloaded.lexicon.tokens.find((t) => t.at === token.at);
    expect(saved?.entry).toBe('essai.n');
    expect(reloaded.lexicon.entries['essai.n']).toEqual(entry);
    const flags = reloaded.review.tokens.find((r) => r.at === token.at);
    expect(flags?.suggested).toBeUndefined();
  }, 120_000);
});
