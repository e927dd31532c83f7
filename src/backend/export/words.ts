// "My words" as a spreadsheet (CSV) and as a Quizlet import (tab between term and definition, one card a line).
import type { MyWord } from '../../shared/contract/review';
import { toCsv } from './csv';
import { plainSentence, wordRow } from './word-rows';

export function wordsCsv(words: MyWord[]): Buffer {
  return toCsv(
    ['word', 'lemma', 'kind', 'status', 'meaning', 'grammar', 'sentence', 'note', 'lesson', 'next_review'],
    words.map(wordRow).map((r) => [r.word, r.lemma, r.kind, r.status, r.meaning, r.grammar, plainSentence(r.sentence), r.note, r.lesson, r.nextReview]),
  );
}

// Quizlet splits on tabs and new lines and has no quoting: either inside a cell would break the card apart.
const flat = (text: string): string => text.replace(/[\t\r\n]+/gu, ' ').trim();

/** Term: the dictionary form; definition: the meaning here, then the learner's note. */
export function wordsQuizletTsv(words: MyWord[]): Buffer {
  const lines = words.map(wordRow).map((r) => `${flat(r.lemma)}\t${flat([r.meaning, r.note].filter(Boolean).join(' — '))}`);
  return Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
}
