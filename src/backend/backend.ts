// The backend both transports use: opens the store, builds the services, and answers contract calls with
// validation and error mapping done once, here, for Electron IPC and the browser-mode server alike.
import * as v from 'valibot';
import { contract, isCallName, type Handlers } from '../shared/contract';
import { AppError, type ApiErrorShape, type Result } from '../shared/errors';
import type { AppInfo } from '../shared/types';
import { openDatabase, storageError, type Db } from './db/connection';
import { AppStateRepository, LearnersRepository } from './db/repositories/learners';
import { ReadingRepository, SettingsRepository } from './db/repositories/reading';
import { LessonStore } from './lesson-store';
import { LearnerService } from './services/learners';
import { ReadingService } from './services/reading';

export interface BackendOptions {
  dataDir: string;
  lessonsDir: string;
  mode: AppInfo['mode'];
  version: string;
  nativeBinding?: string;
  now?: () => Date;
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
  const db = openDatabase(options.dataDir, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), now });
  const lessons = new LessonStore(options.lessonsDir);
  const learners = new LearnerService(new LearnersRepository(db), new AppStateRepository(db), now);
  const reading = new ReadingService(new ReadingRepository(db), new SettingsRepository(db), lessons, learners, now);
  const logError = options.logError ?? ((error: unknown) => console.error(error));

  const handlers: Handlers = {
    'app:info': () => ({ version: options.version, mode: options.mode, dataDir: options.dataDir }),
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

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
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
