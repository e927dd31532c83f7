// The backend both transports use: opens the store, builds the services, and answers contract calls with
// validation and error mapping done once, here, for Electron IPC and the browser-mode server alike.
import * as v from 'valibot';
import { contract, isCallName, type Handlers } from '../shared/contract';
import { AppError, type ApiErrorShape, type Result } from '../shared/errors';
import type { AppInfo } from '../shared/types';
import { storageError, type Db } from './db/connection';
import { dailyBackup } from './db/backups';
import { openStore } from './db/store';
import { ReportsRepository } from './db/repositories/reports';
import { ResultsRepository } from './db/repositories/results';
import { downloadInstead, ReportService, type SaveFile } from './services/reports';
import { AppStateRepository, LearnersRepository } from './db/repositories/learners';
import { ReadingRepository, SettingsRepository } from './db/repositories/reading';
import { LessonStore } from './lesson-store';
import { LearnerService } from './services/learners';
import { ReadingService } from './services/reading';
import { QuizRepository } from './db/repositories/quiz';
import { QuizService } from './services/quiz';
// ---- profiles, teacher PIN, progress, review ----
import { ProgressRepository } from './db/repositories/progress';
import { ReviewRepository } from './db/repositories/review';
import { TeacherRepository } from './db/repositories/teacher';
import { ProgressService } from './services/progress';
import { ReviewService } from './services/review';
import { TeacherService } from './services/teacher';

export interface BackendOptions {
  dataDir: string;
  lessonsDir: string;
  mode: AppInfo['mode'];
  version: string;
  nativeBinding?: string;
  now?: () => Date;
  /** How exported files are saved: Electron's save dialog; without it (browser mode) they come back as downloads. */
  saveFile?: SaveFile;
  /** Take the once-a-day backup in the background (the apps do; tests that open many backends need not). */
  dailyBackup?: boolean;
  /** Where unexpected failures are reported for the developer; the user only sees a plain message. */
  logError?: (error: unknown) => void;
}

export interface Backend {
  call(name: unknown, input: unknown): Promise<Result<unknown>>;
  close(): void;
  readonly db: Db;
}

export function createBackend(options: BackendOptions): Backend {
  const now = options.now ?? (() => new Date());
  const { db, notice } = openStore(options.dataDir, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), now });
  const lessons = new LessonStore(options.lessonsDir);
  const learners = new LearnerService(new LearnersRepository(db), new AppStateRepository(db), now);
  const readingRepository = new ReadingRepository(db);
  // Review first: reading tells it of every word met, so the word gets its review card.
  const review = new ReviewService(new ReviewRepository(db), lessons, learners, now);
  const reading = new ReadingService(readingRepository, new SettingsRepository(db), lessons, learners, now, review);
  const progress = new ProgressService(new ProgressRepository(db), lessons, learners, review);
  const teacher = new TeacherService(new TeacherRepository(db), now);
  const quiz = new QuizService(new QuizRepository(db), readingRepository, lessons, learners, now);
  const reports = new ReportService(
    new ReportsRepository(db),
    new ResultsRepository(db),
    new LearnersRepository(db),
    lessons,
    options.saveFile ?? downloadInstead,
    now,
  );
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  if (options.dailyBackup) void dailyBackup(db, options.dataDir, now()).catch(logError);

  const handlers: Handlers = {
    'app:info': () => ({ version: options.version, mode: options.mode, dataDir: options.dataDir, notice: notice ?? null }),
    'learners:list': () => learners.list(),
    'learners:create': ({ name }) => learners.create(name),
    'learners:choose': ({ learnerId }) => learners.choose(learnerId),
    'learners:current': () => learners.current(),
    'lessons:list': () => lessons.library(),
    'lessons:get': ({ lessonId }) => lessons.view(lessonId),
    'reading:state': ({ learnerId, lessonId }) => reading.state(learnerId, lessonId),
    'reading:lookup': ({ learnerId, lessonId, token, paragraph }) => reading.lookup(learnerId, lessonId, token, paragraph),
    'reading:setStatus': ({ learnerId, lessonId, token, status }) => reading.setStatus(learnerId, lessonId, token, status),
    'reading:savePosition': ({ learnerId, lessonId, paragraph, token }) => reading.savePosition(learnerId, lessonId, paragraph, token),
    'reading:addTime': ({ learnerId, lessonId, seconds }) => reading.addTime(learnerId, lessonId, seconds),
    'settings:get': ({ learnerId }) => reading.getSettings(learnerId),
    'settings:set': ({ learnerId, settings }) => reading.setSettings(learnerId, settings),
    'quiz:overview': ({ learnerId, lessonId }) => quiz.overview(learnerId, lessonId),
    'quiz:start': ({ learnerId, lessonId, kind }) => quiz.start(learnerId, lessonId, kind),
    'quiz:attempt': ({ learnerId, attemptId }) => quiz.attempt(learnerId, attemptId),
    'quiz:answer': ({ learnerId, attemptId, questionId, answer, timeMs }) => quiz.answer(learnerId, attemptId, questionId, answer, timeMs),
    // ---- profiles, teacher PIN, progress, review ----
    'learners:rename': ({ learnerId, name }) => learners.rename(learnerId, name),
    'learners:delete': ({ learnerId, teacherToken }) => {
      teacher.require(teacherToken);
      return learners.remove(learnerId);
    },
    'teacher:status': () => teacher.status(),
    'teacher:setPin': ({ pin }) => teacher.setPin(pin),
    'teacher:unlock': ({ pin }) => teacher.unlock(pin),
    'teacher:lock': ({ teacherToken }) => teacher.lock(teacherToken),
    'teacher:overview': ({ teacherToken }) => {
      teacher.require(teacherToken);
      return progress.overview();
    },
    'progress:get': ({ learnerId }) => progress.of(learnerId),
    'review:summary': ({ learnerId }) => review.summary(learnerId),
    'review:words': ({ learnerId }) => review.words(learnerId),
    'review:queue': ({ learnerId }) => review.queue(learnerId),
    'review:grade': ({ learnerId, lemma, rating }) => review.grade(learnerId, lemma, rating),
    'reports:class': ({ teacherToken, lessonId }) => {
      teacher.require(teacherToken);
      return reports.classReport(lessonId);
    },
    'reports:learner': ({ teacherToken, lessonId, learnerId }) => {
      teacher.require(teacherToken);
      return reports.learnerReport(lessonId, learnerId);
    },
    'reports:export': ({ teacherToken, ...request }) => {
      teacher.require(teacherToken);
      return reports.export(request);
    },
    'results:export': ({ learnerId }) => reports.exportResults(learnerId),
    'results:import': ({ teacherToken, fileName, content, sameName }) => {
      teacher.require(teacherToken);
      return reports.importResults(fileName, content, sameName);
    },
  };

  return {
    db,
    async call(name, input) {
      if (!isCallName(name)) return failure({ code: 'unknown_call', message: 'Liseuse does not know that request.' });
      const parsed = v.safeParse(contract[name].input, input);
      if (!parsed.success) return failure({ code: 'invalid_input', message: describeIssues(parsed.issues) });
      try {
        const handler = handlers[name] as (input: unknown) => unknown;
        return { ok: true, value: await handler(parsed.output) };
      } catch (error) {
        return failure(toApiError(error, logError));
      }
    },
    close() {
      if (db.open) db.close();
    },
  };
}

function failure(error: ApiErrorShape): Result<never> {
  return { ok: false, error };
}

// valibot's messages quote the refused value ("received …"): cut them, so a megabyte of bad input never comes
// back as a megabyte of error.
const MAX_ISSUE_CHARS = 160;
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return clip(path ? `${clip(path, 60)}: ${issue.message}` : issue.message, MAX_ISSUE_CHARS);
    })
    .join('; ');
}

export function toApiError(error: unknown, logError: (error: unknown) => void): ApiErrorShape {
  if (error instanceof AppError) return error.toJSON();
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_') || code.startsWith('E'))) {
    const mapped = storageError(error, 'liseuse.db');
    if (mapped.code !== 'internal') return mapped.toJSON();
  }
  logError(error);
  return { code: 'internal', message: 'Something went wrong inside Liseuse. Nothing you saved earlier was lost; please try again.' };
}
