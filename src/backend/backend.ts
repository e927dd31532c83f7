// The backend both transports use: opens the store, builds the services, and answers contract calls with
// validation, the teacher guard and error mapping done once, here, for Electron IPC and the browser-mode server alike.
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { contract, isCallName, type Handlers } from '../shared/contract';
import type { AppInfo } from '../shared/contract/app';
import type { Call, CallContext, TeacherInput } from '../shared/contract/call';
import { AppError, type ApiErrorShape, type Result } from '../shared/errors';
import type { Db } from './db/connection';
import { storageError } from './db/storage-error';
import { openStore } from './db/store';
import { ReportsRepository } from './db/repositories/reports';
import { ResultsRepository } from './db/repositories/results';
import { downloadInstead, ReportService, type SaveFile } from './services/reports';
import { AppStateRepository, LearnersRepository } from './db/repositories/learners';
import { ReadingRepository, SettingsRepository } from './db/repositories/reading';
import { LessonStore } from './lesson-store';
import { LearnerService } from './services/learners';
import { LmsService } from './services/lms';
import { ReadingService } from './services/reading';
import { QuizRepository } from './db/repositories/quiz';
import { QuizService } from './services/quiz';
import { AcceptedAnswerService } from './services/accepted-answers';
import { AcceptedAnswersRepository } from './db/repositories/accepted-answers';
import { OpenAnswerService } from './services/open-answers';
import { ProgressRepository } from './db/repositories/progress';
import { ReviewRepository } from './db/repositories/review';
import { TeacherRepository } from './db/repositories/teacher';
import { ProgressService } from './services/progress';
import { ReviewService } from './services/review';
import { TeacherService } from './services/teacher';
import { InterfaceLanguageService } from './services/interface-language';
import { AuthoringService } from './services/authoring';
import { DraftPageService } from './services/draft-pages';
import { LessonPackService } from './services/lesson-packs';
import { LessonsRepository } from './db/repositories/lessons';
import { HouseLexiconRepository } from './db/repositories/house-lexicon';
import { XapiRepository } from './db/repositories/xapi';
import { XapiRecorder } from './services/xapi-recorder';
import { LrsService } from './services/lrs';
import { LrsReportService } from './services/lrs-reports';
import { lrsHandlers } from './handlers/lrs';
import { LrsClient, type LrsConnection } from './xapi/lrs-client';
import { PLAIN_CODEC, SecretStore, type SecretCodec } from './xapi/secret-store';
import { XapiSync } from './xapi/sync';
import { dictionaryFile } from './dictionary';
import { builtInHouseSeed } from './house-seed';
import { lazyGlossSources } from './services/gloss-sources';
import { appHandlers } from './handlers/app';
import { authoringHandlers } from './handlers/authoring';
import { learnerHandlers } from './handlers/learners';
import { lmsHandlers } from './handlers/lms';
import { lessonHandlers } from './handlers/lessons';
import { openAnswerHandlers } from './handlers/open-answers';
import { progressHandlers } from './handlers/progress';
import { quizHandlers } from './handlers/quiz';
import { readingHandlers } from './handlers/reading';
import { reportHandlers } from './handlers/reports';
import { resultHandlers } from './handlers/results';
import { reviewHandlers } from './handlers/review';
import type { Services } from './handlers/services';
import { teacherHandlers } from './handlers/teacher';

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
  /** How the LRS secret is kept: Electron's safeStorage in the desktop app; as typed (a 600 file) in browser mode. */
  secretCodec?: SecretCodec;
  /** How often the outbox is sent to the LRS, in ms (default 15 s); 0: only on the teacher's "send now". */
  xapiSyncMs?: number;
  /** The folder of the morphology index and the dictionary; by default resources/dictionary beside the lessons. */
  dictionaryDir?: string;
  /** Where unexpected failures are reported for the developer; the user only sees a plain message. */
  logError?: (error: unknown) => void;
}

export interface Backend {
  /** `context.signal`: the caller gave up; a handler that reads it stops its work (see CallContext). */
  call(name: unknown, input: unknown, context?: CallContext): Promise<Result<unknown>>;
  close(): void;
  readonly db: Db;
}

/** How often the outbox is sent while an LRS is set. */
export const XAPI_SYNC_MS = 15_000;

export function createBackend(options: BackendOptions): Backend {
  const now = options.now ?? (() => new Date());
  const store = openStore(options.dataDir, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), now });
  const { db } = store;
  const lessonsRepository = new LessonsRepository(db);
  const lessons = new LessonStore(options.lessonsDir, lessonsRepository);
  const learnersRepository = new LearnersRepository(db);
  const appState = new AppStateRepository(db);
  const learners = new LearnerService(learnersRepository, appState, now);
  const interfaceLanguage = new InterfaceLanguageService(appState);
  const readingRepository = new ReadingRepository(db);
  const xapiRepository = new XapiRepository(db);
  const xapi = new XapiRecorder(xapiRepository, learnersRepository, lessons, () => new ResultsRepository(db).installationId());
  // Review first: reading tells it of every word met, so the word gets its review card.
  const review = new ReviewService(new ReviewRepository(db), lessons, learners, now, options.saveFile ?? downloadInstead, options.nativeBinding);
  const reading = new ReadingService(db, readingRepository, new SettingsRepository(db), lessons, learners, now, review, xapi);
  const quizRepository = new QuizRepository(db);
  const openAnswers = new OpenAnswerService(quizRepository, lessons, now, { db, recorder: xapi });
  const progress = new ProgressService(new ProgressRepository(db), lessons, learners, review, openAnswers);
  const teacher = new TeacherService(new TeacherRepository(db), now);
  const acceptedAnswers = new AcceptedAnswerService(db, new AcceptedAnswersRepository(db), lessons, now, xapi);
  const quiz = new QuizService(db, quizRepository, readingRepository, lessons, learners, now, acceptedAnswers, openAnswers, xapi);
  const reports = new ReportService(
    new ReportsRepository(db),
    new ResultsRepository(db),
    learnersRepository,
    lessons,
    options.saveFile ?? downloadInstead,
    now,
    xapiRepository,
  );
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const lrsClient = new LrsClient();
  const secrets = new SecretStore(options.dataDir, options.secretCodec ?? PLAIN_CODEC);
  // The sync asks the service for the connection at each pass (settings change while it runs).
  const sync: XapiSync = new XapiSync(xapiRepository, (): LrsConnection | null => lrs.connection(), lrsClient, now);
  const lrs: LrsService = new LrsService(xapiRepository, secrets, lrsClient, sync, now);
  const lrsReports = new LrsReportService(reports, lrs, lrsClient, lessons, acceptedAnswers, learnersRepository, now);
  const syncMs = options.xapiSyncMs ?? XAPI_SYNC_MS;
  if (syncMs > 0) sync.start(syncMs, logError);
  if (options.dailyBackup) void store.backUpDaily(now()).catch(logError);

  const lms = new LmsService(lessons, appState, options.saveFile ?? downloadInstead, now);
  const house = new HouseLexiconRepository(db, () => builtInHouseSeed(options.lessonsDir));
  const dictionaries = options.dictionaryDir ? lazyGlossSources(options.dictionaryDir) : lazyGlossSources(join(dirname(options.lessonsDir), 'dictionary'), dictionaryFile(options.lessonsDir));
  const authoring = new AuthoringService(lessonsRepository, house, lessons, now, dictionaries);
  const draftPages = new DraftPageService(lessonsRepository);
  const packs = new LessonPackService(authoring, lessonsRepository, lessons, options.saveFile ?? downloadInstead, now);
  const services: Services = { lessons, learners, reading, review, progress, teacher, interfaceLanguage, quiz, reports, acceptedAnswers, openAnswers, lms, authoring, draftPages, packs, lrs, lrsReports };
  const handlers: Handlers = {
    ...appHandlers(() => ({ version: options.version, mode: options.mode, notice: store.notice() ?? null, language: interfaceLanguage.current() })),
    ...learnerHandlers(services),
    ...lessonHandlers(services),
    ...readingHandlers(services),
    ...quizHandlers(services),
    ...teacherHandlers(services, options.dataDir),
    ...progressHandlers(services),
    ...reviewHandlers(services),
    ...reportHandlers(services),
    ...resultHandlers(services),
    ...openAnswerHandlers(services),
    ...lmsHandlers(services),
    ...authoringHandlers(services),
    ...lrsHandlers(services),
  };

  return {
    db: db.connection,
    async call(name, input, context = {}) {
      if (!isCallName(name)) return failure({ code: 'unknown_call', message: 'Liseuse does not know that request.' });
      const entry: Call = contract[name];
      const parsed = v.safeParse(entry.input, input);
      if (!parsed.success) return failure({ code: 'invalid_input', message: describeIssues(parsed.issues) });
      try {
        // The schema of every guarded call has the field (see CallOptions); '' is refused should one not.
        if (entry.guard === 'teacher') teacher.require((parsed.output as Partial<TeacherInput>).teacherToken ?? '');
        const handler = handlers[name] as (input: unknown, context: CallContext) => unknown;
        return { ok: true, value: await handler(parsed.output, context) };
      } catch (error) {
        return failure(toApiError(error, logError));
      }
    },
    close() {
      sync.stop();
      store.close();
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
  return AppError.because('internal', 'internal').toJSON();
}
