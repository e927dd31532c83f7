// The packed lesson lessons:get sends stands for exactly the LessonView the reader needs, and is much smaller.
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../core/lesson';
import { loadQuiz } from '../core/quiz';
import { firstReply, PackedLesson, packLesson, PAGES_PER_PART, TOKEN_STRIDE, unpackLesson } from '../shared/lesson-wire';
import { paginate } from '../core/reader/pages';
import { repeatLesson } from '../../test/support/lessons';
import { lessonView } from './lesson-store';
import { readArticleFile, readLessonFiles } from '../../test/support/article';


describe('the lesson on the wire', () => {
  const files = readLessonFiles();
  const lesson = loadLesson(files);
  const view = lessonView(lesson, loadQuiz(readArticleFile('quiz.json'), lesson));

  it('unpacks to the very view it was packed from, every token with its kind, offsets and gloss', () => {
    const wire = JSON.parse(JSON.stringify(packLesson(view))) as ReturnType<typeof packLesson>;
    expect(unpackLesson(wire)).toEqual(view);
  });

  it('sends each distinct gloss once and five numbers per token', () => {
    const wire = packLesson(view);
    const tokens = view.paragraphs.reduce((n, p) => n + p.tokens.length, 0);
    // The article is one page: one part.
    expect(wire.partStarts).toEqual([0]);
    expect(wire.parts[0]!.paragraphs.reduce((n, p) => n + p.tokens.length, 0)).toBe(tokens * TOKEN_STRIDE);
    const distinct = new Set(view.paragraphs.flatMap((p) => p.tokens.flatMap((t) => (t.gloss ? [JSON.stringify({ ...t.gloss, form: '', expression: 0 })] : [])))).size;
    expect(wire.parts[0]!.glosses).toHaveLength(distinct);
  });

  it('keeps the form of each word as written, capitals and apostrophes included', () => {
    const words = unpackLesson(packLesson(view)).paragraphs.flatMap((p) => p.tokens).filter((t) => t.gloss);
    expect(words.length).toBe(lesson.wordCount);
    for (const token of words) expect(token.gloss?.form).toBe(view.text.slice(token.start, token.end));
    expect(words.some((t) => t.gloss?.form === 'L’agence' || t.gloss?.form?.includes('’'))).toBe(true);
  });
});

describe('reading a packed lesson a paragraph at a time', () => {
  const files = readLessonFiles();
  const view = lessonView(loadLesson(files), undefined);
  const packed = new PackedLesson(packLesson(view));

  it('finds the paragraph and the token of any token index, and nothing outside the lesson', () => {
    for (const paragraph of view.paragraphs) {
      for (const token of paragraph.tokens) {
        expect(packed.paragraphOf(token.i)).toBe(paragraph.index);
        expect(packed.token(token.i)).toEqual(token);
      }
    }
    const last = view.paragraphs.at(-1)!.tokens.at(-1)!.i;
    expect(packed.paragraphOf(last + 1)).toBe(-1);
    expect(packed.paragraphOf(-1)).toBe(-1);
    expect(packed.token(last + 1)).toBeUndefined();
  });

  it('counts and lists the words of a paragraph without unpacking the others', () => {
    view.paragraphs.forEach((paragraph, p) => {
      const words = paragraph.tokens.filter((t) => t.gloss);
      expect(packed.wordCount(p)).toBe(words.length);
      expect(packed.words(p)).toEqual(words);
    });
  });

  it('gives every expression back whole, where the text has it', () => {
    view.expressions.forEach((expression, i) => {
      expect(packed.expression(i)).toEqual(expression);
      expect(view.text.slice(expression.start, expression.end)).toBe(expression.text);
    });
    expect(packed.expression(view.expressions.length)).toBeUndefined();
  });

  it('finds the paragraph of a text offset', () => {
    for (const paragraph of view.paragraphs) {
      expect(packed.paragraphAt(paragraph.start)).toBe(paragraph.index);
      expect(packed.paragraphAt(paragraph.end - 1)).toBe(paragraph.index);
    }
    expect(packed.paragraphAt(view.text.length + 5)).toBe(-1);
  });
});

describe('a long lesson sent in parts', () => {
  const view = lessonView(loadLesson(repeatLesson(readLessonFiles(), 230, 'long', 'Long')), undefined);
  const whole = packLesson(view);
  const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

  it('sends a first reply the size of its first part and outline, however long the lesson', () => {
    expect(view.wordCount).toBeGreaterThan(100_000);
    const first = firstReply(whole);
    expect(Object.keys(first.parts)).toEqual(['0']);
    // Two pages and three numbers per paragraph, not the book: 0.14 MB of 9.8 MB for 100,000 words.
    expect(bytes(first)).toBeLessThan(bytes(whole) / 20);
    expect(bytes(first) - bytes(first.outline)).toBeLessThan(bytes(whole.parts[0]) + 5_000);
    expect(bytes(first)).toBeLessThan(160_000);
  });

  it('cuts parts on page boundaries, PAGES_PER_PART pages each, and every part put back gives the lesson', () => {
    const pages = paginate(view.paragraphs.map((p) => p.tokens.filter((t) => t.gloss).length));
    expect(whole.partStarts).toEqual(pages.filter((_, n) => n % PAGES_PER_PART === 0).map(([first]) => first));
    const packed = new PackedLesson(JSON.parse(JSON.stringify(firstReply(whole))) as typeof whole);
    const later = whole.partStarts.length - 1;
    const paragraph = whole.partStarts[later]!;
    expect(packed.hasPart(later)).toBe(false);
    expect(packed.words(paragraph)).toEqual([]);
    // The outline knows where everything is before the part comes.
    const target = view.paragraphs[paragraph]!;
    expect(packed.paragraphOf(target.tokens[0]!.i)).toBe(paragraph);
    expect(packed.paragraphAt(target.start)).toBe(paragraph);
    expect(packed.wordCount(paragraph)).toBe(target.tokens.filter((t) => t.gloss).length);
    const late = new PackedLesson(firstReply(whole));
    late.addPart(later, JSON.parse(JSON.stringify(whole.parts[later])) as (typeof whole.parts)[number]);
    expect(late.tokens(paragraph)).toEqual(target.tokens);
    expect(late.slice(target.start, target.end)).toBe(view.text.slice(target.start, target.end));
    expect(unpackLesson(whole)).toEqual(view);
    // A hundred thousand words compared token by token: slow on a busy machine.
  }, 60_000);
});
