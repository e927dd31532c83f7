import { describe, expect, it } from 'vitest';
import { loadLesson, type Lexicon } from '../lesson';
import { confirmWord, joinWords, mergePatches, patchOf, setWordGloss, splitExpression, wordViews, type GlossDraft } from './gloss-edit';

// "Le chat dort." with le confirmed, chat suggested (two candidates), dort unsure; "." is not a word.
const TEXT = 'Le chat dort.\nIl pleut des cordes.';
const lexicon: Lexicon = {
  entries: {
    le: { lemma: 'le', pos: 'article', sense: 'the', function: true },
    chat: { lemma: 'chat', pos: 'noun', sense: 'cat', gender: 'm' },
    dormir: { lemma: 'dormir', pos: 'verb', sense: 'to sleep' },
  },
  tokens: [
    { at: 0, form: 'Le', entry: 'le' },
    { at: 3, form: 'chat', entry: 'chat' },
    { at: 8, form: 'dort', entry: 'dormir', verb: { tense: 'present', mood: 'indicative', person: 3, number: 'sg' } },
  ],
  expressions: [],
};
const draft: GlossDraft = {
  text: TEXT,
  lexicon,
  review: {
    tokens: [
      { at: 3, suggested: true, candidates: [{ lemma: 'chat', pos: 'noun', sense: 'cat', source: 'freedict' }, { lemma: 'chat', pos: 'noun', sense: 'chat (online)', source: 'apertium' }] },
      { at: 8, unsure: true, suggested: true },
    ],
    expressions: [],
  },
};

describe('the gloss editor model', () => {
  it('lists every word with its gloss and how sure it is; punctuation is not a word', () => {
    const words = wordViews(draft);
    expect(words.map((w) => [w.form, w.status, w.sense ?? null])).toEqual([
      ['Le', 'confirmed', 'the'],
      ['chat', 'suggested', 'cat'],
      ['dort', 'unsure', 'to sleep'],
      ['Il', 'missing', null],
      ['pleut', 'missing', null],
      ['des', 'missing', null],
      ['cordes', 'missing', null],
    ]);
    expect(words[1]?.candidates.map((c) => c.source)).toEqual(['freedict', 'apertium']);
    expect(words[3]?.paragraph).toBe(1);
  });

  it('confirming clears the flags, keeps the candidates, and patches that one token as confirmed', () => {
    const chat = wordViews(draft)[1]!;
    const { draft: after, touched } = confirmWord(draft, chat);
    expect(wordViews(after)[1]?.status).toBe('confirmed');
    expect(wordViews(after)[1]?.candidates).toHaveLength(2);
    const patch = patchOf(after, touched);
    expect(patch.tokens).toEqual([{ at: 3, gloss: lexicon.tokens[1], review: { at: 3, candidates: draft.review.tokens[0]?.candidates }, confirm: true }]);
    // The undo's patch, from the draft before, puts the flags back and does not confirm.
    expect(patchOf(draft, touched, false).tokens).toEqual([{ at: 3, gloss: lexicon.tokens[1], review: draft.review.tokens[0] }]);
  });

  it('a noun the teacher turns into a verb loses the gender the editor no longer shows; a participle keeps its own', () => {
    // The panel comes filled with the noun's gender (m); for a verb it hides the field, so the teacher cannot clear it.
    const chat = wordViews(draft)[1]!;
    const asVerb = setWordGloss(draft, chat, { lemma: 'chatter', pos: 'verb', sense: 'chats', gender: 'm' }).draft;
    expect(wordViews(asVerb)[1]?.gloss).not.toHaveProperty('gender');
    expect(wordViews(asVerb)[1]?.entry).not.toHaveProperty('gender');
    // A verb read again as a verb (a participle agreeing with its noun) keeps the gender it had.
    const agreeing: GlossDraft = { ...draft, lexicon: { ...lexicon, tokens: lexicon.tokens.map((t) => (t.at === 8 ? { ...t, gender: 'f' as const } : t)) } };
    const dort = wordViews(agreeing)[2]!;
    expect(wordViews(setWordGloss(agreeing, dort, { lemma: 'dormir', pos: 'verb', sense: 'slept', gender: 'f' }).draft)[2]?.gloss).toMatchObject({ gender: 'f' });
    // A noun keeps the gender typed.
    expect(wordViews(setWordGloss(draft, chat, { lemma: 'chatte', pos: 'noun', sense: 'she-cat', gender: 'f' }).draft)[1]?.gloss).toMatchObject({ gender: 'f' });
  });

  it('a sense the teacher writes makes a new entry, keeps the verb form with the tense typed, and the draft still loads', () => {
    const dort = wordViews(draft)[2]!;
    const { draft: after, touched } = setWordGloss(draft, dort, { lemma: 'dormir', pos: 'verb', sense: 'is asleep', note: 'present for a state', tense: 'present' });
    const word = wordViews(after)[2]!;
    expect(word).toMatchObject({ status: 'confirmed', sense: 'is asleep', gloss: { note: 'present for a state', verb: { tense: 'present', mood: 'indicative', person: 3 } } });
    expect(touched.entries).toEqual(['dormir-verb']);
    expect(patchOf(after, touched).entries).toEqual([{ id: 'dormir-verb', entry: { lemma: 'dormir', pos: 'verb', sense: 'is asleep' } }]);
    // The same gloss again reuses the entry: no new one.
    expect(setWordGloss(after, word, { lemma: 'dormir', pos: 'verb', sense: 'is asleep' }).touched.entries).toEqual([]);
    // Glossed whole, the draft is a lesson the core loader accepts.
    let whole = after;
    for (const w of wordViews(after).filter((w) => w.status === 'missing')) {
      whole = setWordGloss(whole, wordViews(whole)[w.index]!, { lemma: w.form.toLowerCase(), pos: 'noun', sense: w.form }).draft;
    }
    const lesson = loadLesson({
      'lesson.json': JSON.stringify({ id: 'chat', title: 'Le chat', titleEn: 'The cat', level: 'A1', summary: 'A cat.' }),
      'text.fr.txt': TEXT,
      'lexicon.json': JSON.stringify(whole.lexicon),
      'translations.json': JSON.stringify(['The cat sleeps.', 'It rains.']),
    });
    expect(lesson.tokens.find((t) => t.text === 'dort')?.gloss?.sense).toBe('is asleep');
  });

  it('joins words into an expression or a name, and splits it again', () => {
    const words = wordViews(draft);
    const joined = joinWords(draft, words.slice(4, 7), 'expression', 'it is raining cats and dogs');
    expect(joined.draft.lexicon.expressions).toEqual([{ start: 17, end: 33, text: 'pleut des cordes', kind: 'expression', sense: 'it is raining cats and dogs' }]);
    expect(wordViews(joined.draft)[5]?.expression).toBe(0);
    expect(patchOf(joined.draft, joined.touched).expressions).toEqual([{ start: 17, end: 33, expression: joined.draft.lexicon.expressions[0], review: null, confirm: true }]);
    const split = splitExpression(joined.draft, 0);
    expect(split.draft.lexicon.expressions).toEqual([]);
    expect(patchOf(split.draft, split.touched).expressions).toEqual([{ start: 17, end: 33, expression: null, review: null }]);
    const name = joinWords(draft, words.slice(0, 1), 'name', '');
    expect(name.draft.lexicon.expressions[0]).toMatchObject({ kind: 'name', text: 'Le', sense: 'Le' });
  });

  it('each word belongs to the expression (the first by index) that holds it, in whatever order they are listed', () => {
    // « des cordes » listed before « Le chat », and « pleut des » overlapping it on « des » (the first listed wins).
    const expressions = [
      { start: 23, end: 33, text: 'des cordes', kind: 'expression' as const, sense: 'ropes' },
      { start: 0, end: 7, text: 'Le chat', kind: 'expression' as const, sense: 'the cat' },
      { start: 17, end: 26, text: 'pleut des', kind: 'expression' as const, sense: '?' },
    ];
    const words = wordViews({ ...draft, lexicon: { ...lexicon, expressions } });
    expect(words.map((w) => [w.form, w.expression ?? null])).toEqual([
      ['Le', 1],
      ['chat', 1],
      ['dort', null],
      ['Il', null],
      ['pleut', 2],
      ['des', 0],
      ['cordes', 0],
    ]);
  });

  it('merges autosave patches item by item, the later winning', () => {
    const a = { tokens: [{ at: 3, confirm: true as const }, { at: 8, confirm: true as const }] };
    const b = { tokens: [{ at: 3, gloss: null }], entries: [{ id: 'x', entry: null }] };
    expect(mergePatches(a, b)).toEqual({ entries: [{ id: 'x', entry: null }], tokens: [{ at: 3, gloss: null }, { at: 8, confirm: true }] });
  });
});
