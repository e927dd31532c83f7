// A lesson's quiz as GIFT, Moodle's text format (Question bank → Import → GIFT format). GIFT has fewer question
// kinds than Moodle XML: a cloze becomes a missing-word question (the gap where the answer braces stand), an
// ordering a matching of each item to its place; see ORDERING_AS_MATCHING_NOTE.
import type { Question, Quiz } from '../quiz';
import { generalFeedback, optionFraction, ORDERING_AS_MATCHING_NOTE, questionName, typedAnswerSpellings, type Para } from './quiz-parts';

/** Every character GIFT reads as syntax is escaped with a backslash; a line break would end the question. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/gu, (c) => `\\${c}`).replace(/\s*[\r\n]+\s*/gu, ' ');
}

const escapeHtml = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
/** HTML with lang attributes, escaped for GIFT (the = of lang="fr" too). */
const html = (paras: Para[]): string => escapeGift(paras.map((p) => `<p lang="${p.lang}">${escapeHtml(p.text)}</p>`).join(''));

/** Percentages as GIFT writes weights: at most 5 decimals, Moodle's own precision for grade options. */
const weight = (percent: number): string => String(Math.round(percent * 1e5) / 1e5);

function answers(q: Question): string[] {
  switch (q.type) {
    case 'single':
      return q.options.map((o) => `${o.id === q.correct ? '=' : '~'}${escapeGift(o.text)}`);
    case 'multiple':
      return q.options.map((o) => `~%${weight(optionFraction(q.correct.includes(o.id), q.correct.length))}%${escapeGift(o.text)}`);
    case 'true-false':
      return [q.correct ? 'TRUE' : 'FALSE'];
    case 'short-answer':
      return typedAnswerSpellings(q.accepted, q.accentsMatter).map((a) => `=${escapeGift(a)}`);
    case 'cloze':
      return q.mode === 'typed'
        ? typedAnswerSpellings(q.accepted, q.accentsMatter).map((a) => `=${escapeGift(a)}`)
        : q.options.map((o) => `${o.id === q.correct ? '=' : '~'}${escapeGift(o.text)}`);
    case 'matching':
      return q.pairs.map((p) => `=${escapeGift(p.left)} -> ${escapeGift(p.right)}`);
    case 'ordering':
      return q.items.map((item, i) => `=${escapeGift(item.text)} -> ${i + 1}`);
    case 'open':
      return [];
  }
}

function questionGift(q: Question, index: number): string {
  const feedback = `####${html(generalFeedback(q))}`;
  const braces = `{${[...answers(q), feedback].join(' ')}}`;
  const title = `::${escapeGift(questionName(q, index))}::[html]`;
  if (q.type === 'cloze') {
    // A missing-word question: the text goes on after the braces, which Moodle shows as the gap.
    const before = `${html([{ text: q.prompt, lang: q.promptLang }])}${escapeGift(`<p lang="fr">${escapeHtml(q.cloze.before)}`)}`;
    return `${title}${before}${braces}${escapeGift(`${escapeHtml(q.cloze.after)}</p>`)}`;
  }
  const prompt: Para[] = q.type === 'ordering' ? [{ text: q.prompt, lang: q.promptLang }, { text: ORDERING_AS_MATCHING_NOTE, lang: 'en' }] : [{ text: q.prompt, lang: q.promptLang }];
  return `${title}${html(prompt)}${braces}`;
}

export function quizToGift(quiz: Quiz, lessonTitle: string): string {
  // Moodle takes the rest of the $CATEGORY line as it stands: no GIFT escapes there, only "//" for a slash.
  const title = lessonTitle.replace(/\s*[\r\n]+\s*/gu, ' ');
  const header = [`// Liseuse: ${title}`, `$CATEGORY: $course$/top/Liseuse/${title.replace(/\//gu, '//')}`];
  return `${[...header, ...quiz.questions.map(questionGift)].join('\n\n')}\n`;
}
