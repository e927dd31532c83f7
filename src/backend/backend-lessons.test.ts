// createBackend's lessons:list over a lessons folder: good lessons listed, each broken folder named with its reason.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LessonLibrary } from '../shared/contract/lessons';
import { chatFiles, chatLexicon, REAL_LESSONS, useBackend, value, writeLesson } from '../../test/support/backend';

describe('createBackend', () => {
  const fixture = useBackend();
  const { start } = fixture;

  describe('lessons:list', () => {
    it('lists good lessons and names the file and the reason for each broken folder', async () => {
      writeLesson(fixture.lessonsDir, 'chat', chatFiles());
      const { 'translations.json': _missing, ...noTranslations } = chatFiles('sans-traductions');
      writeLesson(fixture.lessonsDir, 'sans-traductions', noTranslations);
      writeLesson(fixture.lessonsDir, 'json-casse', { ...chatFiles('json-casse'), 'lexicon.json': '{"entries": {' });
      writeLesson(fixture.lessonsDir, 'mauvais-niveau', {
        ...chatFiles('mauvais-niveau'),
        'lesson.json': JSON.stringify({ id: 'mauvais-niveau', title: 'T', titleEn: 'T', level: 'Z9', summary: 'S' }),
      });
      writeLesson(fixture.lessonsDir, 'autre-dossier', chatFiles('pas-le-meme-id'));
      writeLesson(fixture.lessonsDir, 'trop-de-traductions', { ...chatFiles('trop-de-traductions'), 'translations.json': JSON.stringify(['a', 'b', 'c']) });
      const unglossed = chatLexicon() as { tokens: unknown[] };
      unglossed.tokens.pop();
      writeLesson(fixture.lessonsDir, 'mot-sans-glose', { ...chatFiles('mot-sans-glose'), 'lexicon.json': JSON.stringify(unglossed) });
      // A stray file next to the folders is not a lesson.
      writeFileSync(join(fixture.lessonsDir, 'README.txt'), 'not a lesson');

      const library = value<LessonLibrary>(await start(fixture.lessonsDir).call('lessons:list', undefined));
      expect(library.lessons).toEqual([
        { id: 'chat', title: 'Le chat', titleEn: 'The cat', level: 'A1', summary: 'A cat sleeps and eats.', wordCount: 9, paragraphCount: 2, quizQuestions: 0 },
      ]);
      const problems = Object.fromEntries(library.problems.map((p) => [p.folder, p.message]));
      expect(Object.keys(problems).sort()).toEqual(['autre-dossier', 'json-casse', 'mauvais-niveau', 'mot-sans-glose', 'sans-traductions', 'trop-de-traductions']);
      expect(problems['sans-traductions']).toBe('translations.json: the file is missing or unreadable');
      expect(problems['json-casse']).toMatch(/^lexicon\.json: not valid JSON/);
      expect(problems['mauvais-niveau']).toMatch(/^lesson\.json: level: /);
      expect(problems['autre-dossier']).toBe('lesson.json: id "pas-le-meme-id" does not match its folder "autre-dossier"');
      expect(problems['trop-de-traductions']).toBe('translations.json: has 3 translations for 2 paragraphs');
      expect(problems['mot-sans-glose']).toMatch(/^lexicon\.json: word "bien" at \d+ \(paragraph 2\) has no gloss/);
    });

    it('a missing lessons folder is reported as a problem, not a crash', async () => {
      const library = value<LessonLibrary>(await start(join(fixture.lessonsDir, 'absent')).call('lessons:list', undefined));
      expect(library.lessons).toEqual([]);
      expect(library.problems).toEqual([{ folder: join(fixture.lessonsDir, 'absent'), message: 'The lessons folder could not be read.' }]);
    });

    it('every folder of the shipped resources/lessons is either listed or reported with a reason', async () => {
      const library = value<LessonLibrary>(await start(REAL_LESSONS).call('lessons:list', undefined));
      const ids = [...library.lessons.map((l) => l.id), ...library.problems.map((p) => p.folder)];
      expect(ids).toContain('kim-russie');
      for (const problem of library.problems) expect(problem.message).toMatch(/^(lesson|text\.fr|lexicon|translations)\.(json|txt): /);
    });
  });
});
