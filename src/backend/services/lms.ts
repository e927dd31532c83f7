// The teacher's exports for the school's LMS: a lesson's quiz as Moodle XML or GIFT, and the CSV dialect the
// teacher chose for the spreadsheet exports (kept in app_state: one choice for this computer's teacher area).
import { quizToGift } from '../../core/lms/gift';
import { quizToMoodleXml } from '../../core/lms/moodle-xml';
import { AppError } from '../../shared/errors';
import { CSV_LOCALES, type CsvLocale, type ExportSettings, type QuizExportFormat } from '../../shared/contract/lms';
import type { ExportOutcome } from '../../shared/types';
import type { AppStateRepository } from '../db/repositories/learners';
import type { LessonStore } from '../lesson-store';
import { slug, type SaveFile } from './reports';

const CSV_LOCALE_KEY = 'export_csv_locale';

const FILES: Record<QuizExportFormat, { extension: string; mimeType: string; write: typeof quizToGift }> = {
  'moodle-xml': { extension: 'moodle.xml', mimeType: 'application/xml', write: quizToMoodleXml },
  gift: { extension: 'gift.txt', mimeType: 'text/plain', write: quizToGift },
};

export class LmsService {
  constructor(
    private readonly lessons: LessonStore,
    private readonly appState: AppStateRepository,
    private readonly save: SaveFile,
    private readonly now: () => Date,
  ) {}

  exportQuiz(lessonId: string, format: QuizExportFormat): Promise<ExportOutcome> {
    const lesson = this.lessons.get(lessonId);
    const quiz = this.lessons.quizOf(lessonId);
    if (!quiz) throw AppError.because('not_found', 'noQuizToExport');
    const file = FILES[format];
    const date = this.now().toISOString().slice(0, 10);
    return this.save({
      fileName: `liseuse-${slug(lessonId)}-quiz-${date}.${file.extension}`,
      mimeType: file.mimeType,
      bytes: Buffer.from(file.write(quiz, lesson.manifest.title), 'utf8'),
    });
  }

  settings(): ExportSettings {
    const stored = this.appState.get(CSV_LOCALE_KEY);
    return { csvLocale: CSV_LOCALES.find((l) => l === stored) ?? null };
  }

  setCsvLocale(csvLocale: CsvLocale): ExportSettings {
    this.appState.set(CSV_LOCALE_KEY, csvLocale);
    return this.settings();
  }
}
