// A learner's words as the rows every export writes (CSV, Quizlet TSV, Anki), so the three files agree.
import { grammarLine } from '../../core/gloss-format';
import { GRAMMAR_WORDS } from '../../shared/grammar-words';
import type { MyWord, SentenceParts } from '../../shared/contract/review';

export interface WordRow {
  /** The word as the text has it, or its dictionary form when the sentence is gone. */
  word: string;
  lemma: string;
  /** 'phrase' for a saved multi-word selection. */
  kind: string;
  status: string;
  /** The sense in the sentence it was met in; an expression's sense after it. */
  meaning: string;
  grammar: string;
  sentence: SentenceParts | null;
  note: string;
  lesson: string;
  /** ISO, empty for a word that is known or ignored. */
  nextReview: string;
}

export function wordRow(word: MyWord): WordRow {
  // A phrase's card key is "phrase:" and its text: the file gets the text.
  const saved = word.lemma.replace(/^phrase:/u, '');
  const expression = word.expression ? `${word.expression.lemma ?? word.expression.text}: ${word.expression.sense}` : '';
  return {
    word: word.sentence?.word ?? word.gloss?.lemma ?? saved,
    lemma: word.gloss?.lemma ?? word.expression?.lemma ?? saved,
    kind: word.kind,
    status: word.ignored ? 'ignored' : word.status,
    meaning: [word.gloss?.sense ?? '', expression].filter(Boolean).join('; '),
    // English, as the card's meaning is: a learner's flashcards are the lexicon's language on their back.
    grammar: word.gloss ? grammarLine(word.gloss, GRAMMAR_WORDS.en) : '',
    sentence: word.sentence,
    note: word.note ?? '',
    lesson: word.lessonTitle ?? word.lessonId,
    nextReview: word.ignored || word.status === 'known' ? '' : word.due,
  };
}

export const plainSentence = (s: SentenceParts | null): string => (s ? s.before + s.word + s.after : '');
