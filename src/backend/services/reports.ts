// Teacher reports and result files: build the report models, turn them into CSV, PDF or JSON, hand the bytes to
// whoever saves files in this mode, and merge results files brought from other computers.
import { paragraphOpenings } from '../../core/excerpt';
import { attemptRows } from '../../core/reports/attempt-rows';
import { buildClassReportFrom, buildLearnerReport, reportAttempts, type ClassReport, type LearnerReport, type ReportInput } from '../../core/reports/class-report';
import { RESULT_FORMAT, RESULT_VERSION, ResultFileError, type ResultFile, type ResultFileInput, type SameNameChoice } from '../../core/reports/result-file';
import { regradeAttempts, requireLessons, type KnownLesson, type RegradedAttempt } from '../../core/reports/result-regrade';
import { readStoredJson, StoredVocabularyQuestionsSchema, withoutKey } from '../../core/stored-quiz';
import { parseImportedFile } from '../../core/xapi/statement-file';
import type { VocabularyQuestion } from '../../core/vocabulary';
import { AppError } from '../../shared/errors';
import type { ExportOutcome, Learner } from '../../shared/types';
import type { ImportOutcome } from '../../shared/contract/results';
import type { ReportExportRequest } from '../../shared/contract/reports';
import type { LearnersRepository } from '../db/repositories/learners';
import type { ReportsRepository } from '../db/repositories/reports';
import type { ResultsRepository } from '../db/repositories/results';
import { attemptsCsv, classSummaryCsv } from '../export/csv';
import type { LessonStore } from '../lesson-store';
import type { XapiRepository } from '../db/repositories/xapi';

export interface OutgoingFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/**
 * Saves a file the backend made. Electron asks where with a save dialog and writes atomically; without one
 * (browser mode) the bytes go back to the page, which offers them as a download.
 */
export type SaveFile = (file: OutgoingFile) => Promise<ExportOutcome>;

export const downloadInstead: SaveFile = async (file) => ({
  download: { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') },
});

// pdfkit and its fonts would slow the backend's start (the bench's "backend start" row): loaded the first time a PDF
// is asked for.
const pdf = (): Promise<typeof import('../export/pdf')> => import('../export/pdf');

// exceljs too (the same row): loaded for the first workbook.
const xlsx = (): Promise<typeof import('../export/xlsx')> => import('../export/xlsx');

const MIME = { csv: 'text/csv', pdf: 'application/pdf', json: 'application/json', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** A file-name piece from free text: letters, digits and hyphens only, never a path. */
export function slug(text: string): string {
  const cleaned = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return cleaned || 'file';
}

export class ReportService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly results: ResultsRepository,
    private readonly learners: LearnersRepository,
    private readonly lessons: LessonStore,
    private readonly save: SaveFile,
    private readonly now: () => Date,
    /** The xAPI outbox a statement file is made from. */
    private readonly outbox?: XapiRepository,
  ) {}

  /**
   * The lesson version a report is of: the one asked for, else the one learners read now, else (an archived
   * lesson) the last one answered; with that version's own text and quiz.
   */
  private lessonOf(lessonId: string, version?: number): Pick<ReportInput, 'lesson' | 'quiz'> {
    return this.lessonWith(lessonId, this.reports.answeredVersions(lessonId), version);
  }

  /** As lessonOf, with the versions answered given (an LRS report knows them from its statements). */
  lessonWith(lessonId: string, versions: number[], version?: number): Pick<ReportInput, 'lesson' | 'quiz'> {
    const wanted = version ?? this.lessons.currentVersion(lessonId) ?? versions.at(-1) ?? 1;
    const lesson = this.lessons.get(lessonId, wanted);
    return {
      lesson: { id: lessonId, title: lesson.manifest.title, paragraphOpenings: paragraphOpenings(lesson), version: wanted, versions },
      quiz: this.lessons.quizOf(lessonId, wanted),
    };
  }

  /** Every row a report reads, every answer included: the whole class's, or only the given learner's. */
  private input(lessonId: string, learnerId?: string, version?: number): ReportInput {
    const lesson = this.lessonOf(lessonId, version);
    return { ...lesson, ...this.reports.rows(lessonId, lesson.lesson.version, learnerId) };
  }

  /**
   * Reads only the answers the report uses, one attempt per learner, instead of every answer (the bench's "class
   * report" row): the same report as one built from every row.
   */
  classReport(lessonId: string, version?: number): ClassReport {
    const lesson = this.lessonOf(lessonId, version);
    const rows = this.reports.withoutAnswers(lessonId, lesson.lesson.version);
    const { counted, latest } = reportAttempts(rows.attempts);
    return buildClassReportFrom(
      {
        ...lesson,
        ...rows,
        countedAnswers: this.reports.answersOf([...counted.values()]),
        answeredQuestions: this.reports.answeredQuestions(latest),
      },
      this.now(),
    );
  }

  learnerReport(lessonId: string, learnerId: string, version?: number): LearnerReport {
    const report = buildLearnerReport(this.input(lessonId, learnerId, version), learnerId, this.now());
    if (!report) throw AppError.because('not_found', 'learnerGone');
    return report;
  }

  async export(request: ReportExportRequest): Promise<ExportOutcome> {
    const date = this.now().toISOString().slice(0, 10);
    const lesson = slug(request.lessonId);
    const zone = request.timeZone ?? 'UTC';
    const { language } = request;
    // A French screen that names no dialect gets the CSV a French spreadsheet opens; the header keys never change.
    const csvLocale = request.csvLocale ?? (language === 'fr' ? 'fr' : 'standard');
    const pdfOptions = { timeZone: zone, ...(language ? { language } : {}) };
    let file: OutgoingFile;
    if (request.report === 'learner') {
      if (!request.learnerId) throw AppError.because('invalid_input', 'chooseLearner');
      if (request.format === 'csv' || request.format === 'xlsx') throw AppError.because('invalid_input', 'learnerReportFormat');
      const report = this.learnerReport(request.lessonId, request.learnerId, request.lessonVersion);
      const base = `liseuse-${lesson}-${slug(report.learner.name)}-${date}`;
      file =
        request.format === 'pdf'
          ? { fileName: `${base}.pdf`, mimeType: MIME.pdf, bytes: await (await pdf()).learnerReportPdf(report, pdfOptions) }
          : { fileName: `${base}.json`, mimeType: MIME.json, bytes: Buffer.from(JSON.stringify(report, null, 2)) };
    } else if (request.report === 'attempts') {
      if (request.format !== 'csv' && request.format !== 'xlsx') throw AppError.because('invalid_input', 'attemptsFileFormat');
      const rows = attemptRows(this.input(request.lessonId, undefined, request.lessonVersion));
      const base = `liseuse-${lesson}-attempts-${date}`;
      file =
        request.format === 'csv'
          ? { fileName: `${base}.csv`, mimeType: MIME.csv, bytes: attemptsCsv(rows, zone, csvLocale, language) }
          : { fileName: `${base}.xlsx`, mimeType: MIME.xlsx, bytes: await (await xlsx()).attemptsXlsx(rows, zone, language) };
    } else {
      const report = this.classReport(request.lessonId, request.lessonVersion);
      const { format } = request;
      const bytes =
        format === 'csv'
          ? classSummaryCsv(report, csvLocale)
          : format === 'xlsx'
            ? await (await xlsx()).classSummaryXlsx(report, zone, language)
            : format === 'pdf'
              ? await (await pdf()).classReportPdf(report, pdfOptions)
              : Buffer.from(JSON.stringify(report, null, 2));
      file = { fileName: `liseuse-${lesson}-class-${date}.${format}`, mimeType: MIME[format], bytes };
    }
    return this.save(file);
  }

  /** A learner's own results, to carry to another computer: no answer key, lesson titles for a computer without them. */
  async exportResults(learnerId: string): Promise<ExportOutcome> {
    const learner = this.learners.get(learnerId);
    if (!learner) throw AppError.because('not_found', 'learnerGone');
    const records = this.results.learnerRecords(learnerId);
    const lessonIds = new Set([...records.attempts, ...records.lookups, ...records.statusChanges, ...records.reading].map((r) => r.lessonId));
    const now = this.now();
    const file: ResultFileInput = {
      format: RESULT_FORMAT,
      version: RESULT_VERSION,
      exportedAt: now.toISOString(),
      source: this.results.installationId(),
      learner,
      lessons: [...lessonIds].flatMap((id) => {
        const title = this.lessons.find(id)?.manifest.title;
        return title ? [{ id, title }] : [];
      }),
      ...records,
      attempts: records.attempts.map((a) => (a.kind === 'vocabulary' ? { ...a, questions: keyless(a.questions) } : a)),
    };
    return this.save({ fileName: resultFileName(learner, now), mimeType: MIME.json, bytes: Buffer.from(JSON.stringify(file)) });
  }

  /**
   * A learner's statement file: a JSON array of their xAPI statements with their ids, which an LRS takes as one
   * POST. Each carries the learner's name (the file goes from teacher to teacher, as results files did); otherwise
   * every statement is as written at its event. See docs/xapi-profile.md, "Statement files".
   */
  async exportStatements(learnerId: string): Promise<ExportOutcome> {
    const learner = this.learners.get(learnerId);
    if (!learner) throw AppError.because('not_found', 'learnerGone');
    const statements = (this.outbox?.learnerStatements(learnerId) ?? []).map((s) =>
      s.actor.account.name === learnerId ? { ...s, actor: { ...s.actor, name: learner.name } } : s,
    );
    const fileName = resultFileName(learner, this.now()).replace(/^liseuse-results-/, 'liseuse-statements-');
    return this.save({ fileName, mimeType: MIME.json, bytes: Buffer.from(JSON.stringify(statements)) });
  }

  /**
   * Checks one file whole (schema, lessons, every answer regraded) before writing anything; names the file in
   * every refusal. The learner is the file's by id, or the one the teacher merged it into; a learner here with the
   * same name but another id is never chosen silently: the outcome asks, and the call is made again with the answer.
   */
  importResults(fileName: string, content: string, sameName?: SameNameChoice): ImportOutcome {
    let file: ResultFile;
    let attempts: RegradedAttempt[];
    const known = (id: string, version?: number): KnownLesson | undefined => {
      const lesson = this.lessons.find(id, version);
      return lesson && { lesson, quiz: this.lessons.quizOf(id, version) };
    };
    try {
      file = parseImportedFile(content, (id, version) => known(id, version)?.quiz?.questions);
      requireLessons(file, known, (id) => this.lessons.readVersions(id).flatMap((version) => known(id, version) ?? []));
      attempts = regradeAttempts(file, known);
    } catch (error) {
      if (error instanceof ResultFileError) throw AppError.because('invalid_input', 'resultsFileRefused', { fileName, detail: error.message });
      throw error;
    }
    return this.results.writing(() => {
      let learner = this.learners.get(file.learner.id) ?? this.learnerById(this.results.mergedInto(file.learner.id));
      let created = false;
      if (!learner) {
        const namesake = this.learners.findByName(file.learner.name);
        if (namesake && !sameName) {
          return { needsDecision: { fileName, fileLearner: { id: file.learner.id, name: file.learner.name }, localLearner: { id: namesake.id, name: namesake.name } } };
        }
        if (namesake && sameName === 'merge') {
          this.results.rememberMerge(file.learner.id, namesake.id);
          learner = namesake;
        } else {
          learner = { id: file.learner.id, name: namesake ? this.nameBeside(file.learner.name, file.source) : file.learner.name, createdAt: file.learner.createdAt };
          this.learners.insert(learner);
          created = true;
        }
      }
      const counts = this.results.importFile(file, attempts, learner.id, fileName, this.now().toISOString());
      const added = counts.attempts + counts.answers + counts.lookups + counts.statusChanges;
      const held = attempts.length + attempts.reduce((n, a) => n + a.answers.length, 0) + file.lookups.length + file.statusChanges.length;
      return { fileName, learner: learner.name, createdLearner: created, added: counts, duplicates: held - added, alreadyImported: added === 0 && !created };
    });
  }

  private learnerById(id: string | undefined): Learner | undefined {
    return id ? this.learners.get(id) : undefined;
  }

  /** "Camille (computer 3f2a9c)": the name a second Camille keeps, with the computer her file came from beside it. */
  private nameBeside(name: string, source: string): string {
    for (let length = 6; ; length += 2) {
      const suffix = ` (computer ${source.replace(/-/g, '').slice(0, length)})`;
      const candidate = `${name.slice(0, 40 - suffix.length).trim()}${suffix}`;
      if (!this.learners.findByName(candidate) || length >= 32) return candidate;
    }
  }
}

/** A stored vocabulary question list as a results file carries it: what the learner saw, not the key. */
function keyless(questions: string): string {
  return JSON.stringify((readStoredJson(StoredVocabularyQuestionsSchema, questions) ?? []).map((q) => withoutKey(q as VocabularyQuestion)));
}

/** Unique per learner and minute, so two Camilles' files never share a name: name, id prefix, date and time. */
export function resultFileName(learner: Learner, at: Date): string {
  const stamp = at.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `liseuse-results-${slug(learner.name)}-${learner.id.slice(0, 8)}-${stamp}.json`;
}
