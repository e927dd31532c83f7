// The packed lesson lessons:get sends stands for exactly the LessonView the reader needs, and is much smaller.
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../core/lesson';
import { loadQuiz } from '../core/quiz';
import { PackedLesson, packLesson, TOKEN_STRIDE, unpackLesson } from '../shared/lesson-wire';
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
    expect(wire.paragraphs.reduce((n, p) => n + p.tokens.length, 0)).toBe(tokens * TOKEN_STRIDE);
    const distinct = new Set(view.paragraphs.flatMap((p) => p.tokens.flatMap((t) => (t.gloss ? [JSON.stringify({ ...t.gloss, form: '', expression: 0 })] : [])))).size;
    expect(wire.glosses).toHaveLength(distinct);
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
