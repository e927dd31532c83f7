// The Moodle XML export read back with a real XML parser and checked against the shape Moodle's XML format
// documents per question type (docs.moodle.org "Moodle XML format"; qtype_ordering's export for ordering).
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { Question } from '../quiz';
import { quizToMoodleXml } from './moodle-xml';
import { articleQuiz, TRICKY, trickyQuiz, visibleText } from '../../../test/support/lms-quiz';

function read(xml: string): Element[] {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { error: (m: string) => void errors.push(m), fatalError: (m: string) => void errors.push(m) } }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  expect(doc.documentElement?.tagName).toBe('quiz');
  return Array.from(doc.documentElement!.getElementsByTagName('question'));
}

const child = (el: Element, name: string): Element | undefined => Array.from(el.childNodes).find((n): n is Element => (n as Element).tagName === name);
const children = (el: Element, name: string): Element[] => Array.from(el.childNodes).filter((n): n is Element => (n as Element).tagName === name);
const textOf = (el: Element | undefined, name = 'text'): string => (el && child(el, name)?.textContent) ?? '';
const visible = visibleText;
const answers = (q: Element): [string, number][] => children(q, 'answer').map((a) => [textOf(a), Number(a.getAttribute('fraction'))]);

const MOODLE_TYPE: Record<Question['type'], string> = {
  single: 'multichoice',
  multiple: 'multichoice',
  'true-false': 'truefalse',
  'short-answer': 'shortanswer',
  cloze: 'cloze',
  matching: 'matching',
  ordering: 'ordering',
  open: 'essay',
};

const quiz = articleQuiz();
const [category, ...questions] = read(quizToMoodleXml(quiz, 'Kim / Russie'));

describe('Moodle XML export', () => {
  it('opens with the lesson as a category ("//" for a slash in its name)', () => {
    expect(category!.getAttribute('type')).toBe('category');
    expect(textOf(child(category!, 'category'))).toBe('$course$/top/Liseuse/Kim // Russie');
  });

  it('writes each question with its Moodle type, name, HTML text with lang, general feedback and grade', () => {
    expect(questions).toHaveLength(quiz.questions.length);
    quiz.questions.forEach((q, i) => {
      const x = questions[i]!;
      expect(x.getAttribute('type'), q.id).toBe(MOODLE_TYPE[q.type]);
      expect(textOf(child(x, 'name'))).toBe(`${i + 1}. ${q.id}`);
      expect(child(x, 'questiontext')!.getAttribute('format')).toBe('html');
      expect(textOf(child(x, 'questiontext'))).toContain(`<p lang="${q.promptLang}">`);
      expect(visible(textOf(child(x, 'questiontext')))).toContain(q.prompt);
      expect(visible(textOf(child(x, 'generalfeedback')))).toBe(`${q.explanation} From the text, paragraph ${q.evidence.paragraph}: « ${q.evidence.quote} »`);
      expect(textOf(x, 'defaultgrade')).toBe('1');
      expect(textOf(x, 'idnumber')).toBe(q.id);
    });
  });

  it('keeps each answer key in the elements Moodle reads for that type', () => {
    quiz.questions.forEach((q, i) => {
      const x = questions[i]!;
      switch (q.type) {
        case 'single':
          expect(textOf(x, 'single')).toBe('true');
          expect(answers(x).map(([t, f]) => [visible(t), f])).toEqual(q.options.map((o) => [o.text, o.id === q.correct ? 100 : 0]));
          break;
        case 'multiple': {
          expect(textOf(x, 'single')).toBe('false');
          const share = 100 / q.correct.length;
          for (const [[t, f], o] of answers(x).map((a, n) => [a, q.options[n]!] as const)) {
            expect(visible(t)).toBe(o.text);
            expect(f).toBeCloseTo(q.correct.includes(o.id) ? share : -share, 5);
          }
          // Every fraction must be one of Moodle's grade options (100/k for k up to 8 are).
          expect(answers(x).filter(([, f]) => f > 0).reduce((sum, [, f]) => sum + f, 0)).toBeCloseTo(100, 4);
          break;
        }
        case 'true-false':
          expect(answers(x)).toEqual([
            ['true', q.correct ? 100 : 0],
            ['false', q.correct ? 0 : 100],
          ]);
          break;
        case 'short-answer':
          expect(textOf(x, 'usecase')).toBe('0');
          for (const accepted of q.accepted) expect(answers(x)).toContainEqual([accepted, 100]);
          expect(answers(x).every(([, f]) => f === 100)).toBe(true);
          break;
        case 'cloze': {
          const stem = textOf(child(x, 'questiontext'));
          expect(children(x, 'answer')).toHaveLength(0);
          if (q.mode === 'typed') expect(stem).toContain(`${q.cloze.before}{1:SHORTANSWER:=${q.cloze.blank}`);
          else {
            const right = q.options.find((o) => o.id === q.correct)!.text;
            expect(stem).toContain(`${q.cloze.before}{1:MULTICHOICE_S:`);
            expect(stem).toContain(`=${right}`);
          }
          break;
        }
        case 'matching':
          expect(children(x, 'subquestion').map((s) => [visible(textOf(s)), textOf(child(s, 'answer'))])).toEqual(q.pairs.map((p) => [p.left, p.right]));
          break;
        case 'ordering':
          expect(textOf(x, 'gradingtype')).toBe('LONGEST_ORDERED_SUBSET');
          expect(answers(x).map(([t, f]) => [visible(t), f])).toEqual(q.items.map((item, n) => [item.text, n + 1]));
          break;
        case 'open':
          expect(textOf(x, 'responseformat')).toBe('editor');
          expect(visible(textOf(child(x, 'graderinfo')))).toBe(q.guidance ?? '');
      }
    });
  });

  it('escapes XML and HTML, so accents, « », & < > and quotes come back as written', () => {
    const [, one, many, typed, gap] = read(quizToMoodleXml(trickyQuiz, 'École & « maison »'));
    expect(visible(textOf(child(one!, 'questiontext')))).toBe(TRICKY);
    expect(visible(answers(one!)[0]![0])).toBe(TRICKY);
    expect(answers(many!).map(([, f]) => f)).toEqual([50, 50, -50]);
    expect(answers(typed!).map(([t]) => t)).toEqual(['à l’école', "à l'école", 'a l’ecole', "a l'ecole", 'Noël', 'Noel']);
    // In a Cloze the embedded answer's } # ~ / " are escaped; the text around it stays as written.
    expect(visible(textOf(child(gap!, 'questiontext')))).toContain('Le {train} {1:SHORTANSWER:=blindé} # roule.');
  });
});
