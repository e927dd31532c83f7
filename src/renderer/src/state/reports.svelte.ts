// The teacher's reports on one lesson: the class report, one learner's answers, exports and the import of results
// files. The component shows this and runs load() and loadLearner() when the lesson or the learner changes.
import { api as appApi } from '../lib/api';
import { attempt } from '../lib/attempt';
import { deliverExport } from '../lib/download';
import type { Api } from '../../../shared/contract';
import type { ExportOutcome } from '../../../shared/types';
import type { SameNameChoice } from '../../../core/reports/result-file';
import type { ImportClash, ImportSummary } from '../../../shared/contract/results';
import type { CsvLocale, QuizExportFormat } from '../../../shared/contract/lms';
import { bundleResultFiles } from '../../../core/reports/results-bundle';
import type { ClassReport, LearnerReport, LrsClassReport, QuestionResponses, ReportExportRequest } from '../../../shared/contract/reports';
import { strings } from '../strings';
import { session as appSession, type SessionState } from './session.svelte';

const S = strings.reports;

export type ReportTab = keyof typeof S.tabs;
export const REPORT_TABS = Object.keys(S.tabs) as ReportTab[];
/** Where the reports' results come from: this computer's database, or every computer's statements in the school's LRS. */
export type ReportSource = 'local' | 'lrs';
/** The tabs a report from the LRS has: one learner's answers and the grading are this computer's own. */
export const LRS_TABS: readonly ReportTab[] = ['class', 'questions', 'paragraphs'];

/** An export of the lesson on screen: which report, in which format, and for a learner report whose. */
export type ReportExport = Omit<ReportExportRequest, 'lessonId'>;

export interface ImportLine {
  ok: boolean;
  text: string;
}

/** A results file whose learner has the name of another learner here: the teacher is asked what to do. */
export interface PendingClash {
  question: ImportClash['needsDecision'];
  answer: (choice: SameNameChoice | null) => void;
}

export class ReportsState {
  lessonId = $state('');
  /** The lesson version reported on; undefined: the one learners read now (the backend says which in the report). */
  lessonVersion = $state<number | undefined>(undefined);
  tab = $state<ReportTab>('class');
  report = $state<ClassReport | null>(null);
  learnerId = $state('');
  learnerReport = $state<LearnerReport | null>(null);
  /** What the last export or import did, for the status line. */
  status = $state('');
  importResults = $state<ImportLine[]>([]);
  /** What learners typed to one question, when the teacher opened it from the question analysis. */
  responses = $state<QuestionResponses | null>(null);
  busy = $state(false);
  /** The same-name question being asked, while an import waits for the teacher's choice. */
  clash = $state<PendingClash | null>(null);
  /** The dialect CSV files are written in: the teacher's saved choice, else the interface's default. */
  csvLocale = $state<CsvLocale>(S.csvLocaleDefault);
  source = $state<ReportSource>('local');
  /** The report read from the LRS, and the failure that kept it from being shown (nothing half-read is kept). */
  lrsReport = $state<LrsClassReport | null>(null);
  lrsError = $state<string | null>(null);
  lrsLoading = $state(false);
  /** The tabs of the source chosen. */
  readonly tabs = $derived<readonly ReportTab[]>(this.source === 'lrs' ? LRS_TABS : REPORT_TABS);
  /** The class report on screen: this computer's, or the LRS's. */
  readonly shown = $derived<ClassReport | null>(this.source === 'lrs' ? (this.lrsReport?.report ?? null) : this.report);
  /** The teacher's zone, for the times in exported files. */
  readonly timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  constructor(
    readonly teacherToken: string,
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {
    this.lessonId = session.library.lessons[0]?.id ?? '';
  }

  /** The class report of the chosen lesson; the chosen learner stays chosen while they are in it. */
  async load(): Promise<void> {
    if (!this.lessonId) return;
    const { teacherToken, lessonId, lessonVersion } = this;
    this.report = await this.session.guard(() => this.api['reports:class']({ teacherToken, lessonId, ...(lessonVersion ? { lessonVersion } : {}) }));
    if (this.report && !this.report.learners.some((l) => l.id === this.learnerId)) this.learnerId = this.report.learners[0]?.id ?? '';
  }

  /** Chooses where the results come from; a tab the LRS report lacks gives way to the class overview. */
  chooseSource(source: ReportSource): void {
    this.source = source;
    if (!this.tabs.includes(this.tab)) this.tab = 'class';
  }

  /** The class report from the school's LRS: every computer's statements, read whole or not at all. */
  async loadLrs(): Promise<void> {
    if (!this.lessonId) return;
    const { teacherToken, lessonId, lessonVersion } = this;
    this.lrsLoading = true;
    this.lrsError = null;
    const outcome = await attempt(() => this.api['reports:classFromLrs']({ teacherToken, lessonId, ...(lessonVersion ? { lessonVersion } : {}) }));
    // A reply for a lesson no longer chosen is dropped: the teacher moved on while the LRS answered.
    if (lessonId !== this.lessonId || lessonVersion !== this.lessonVersion) return;
    this.lrsLoading = false;
    this.lrsReport = outcome.ok ? outcome.value : null;
    this.lrsError = outcome.ok ? null : outcome.message;
  }

  async loadLearner(): Promise<void> {
    const { teacherToken, lessonId, learnerId, lessonVersion } = this;
    if (!learnerId || !lessonId) return;
    await this.session.guard(async () => {
      this.learnerReport = await this.api['reports:learner']({ teacherToken, lessonId, learnerId, ...(lessonVersion ? { lessonVersion } : {}) });
    });
  }

  async openResponses(questionId: string): Promise<void> {
    const { teacherToken, lessonId } = this;
    const responses = await this.session.guard(() => this.api['reports:responses']({ teacherToken, lessonId, questionId }));
    if (responses) this.responses = responses;
  }

  closeResponses(): void {
    this.responses = null;
  }

  /** Accepts or rejects a typed answer; then the answers, the class report and the learner shown are read again. */
  async decideAnswer(text: string, accept: boolean): Promise<void> {
    const open = this.responses;
    if (!open) return;
    this.busy = true;
    const regrading = await this.session.guard(() =>
      this.api['reports:decideAnswer']({ teacherToken: this.teacherToken, lessonId: this.lessonId, questionId: open.questionId, text, accept }),
    );
    this.busy = false;
    if (!regrading) return;
    this.status = strings.responses.regraded(strings.responses.regradingLine(regrading.change, regrading.answer, regrading.answersChanged, regrading.attempts.length));
    await this.openResponses(open.questionId);
    await this.load();
    await this.loadLearner();
  }

  async loadExportSettings(): Promise<void> {
    const settings = await this.session.guard(() => this.api['lms:exportSettings']({ teacherToken: this.teacherToken }));
    if (settings?.csvLocale) this.csvLocale = settings.csvLocale;
  }

  async setCsvLocale(csvLocale: CsvLocale): Promise<void> {
    this.csvLocale = csvLocale;
    await this.session.guard(() => this.api['lms:setExportSettings']({ teacherToken: this.teacherToken, csvLocale }));
  }

  async exportFile(request: ReportExport): Promise<void> {
    const { teacherToken, lessonId, timeZone } = this;
    const dialect = request.format === 'csv' ? { csvLocale: this.csvLocale } : {};
    const version = this.lessonVersion ? { lessonVersion: this.lessonVersion } : {};
    await this.deliver(() => this.api['reports:export']({ teacherToken, lessonId, timeZone, language: this.session.language, ...version, ...request, ...dialect }));
  }

  /** The lesson's quiz as a file a Moodle question bank imports. */
  async exportQuiz(format: QuizExportFormat): Promise<void> {
    await this.deliver(() => this.api['lms:exportQuiz']({ teacherToken: this.teacherToken, lessonId: this.lessonId, format }));
  }

  /** A learner's statement file: what another teacher's Liseuse imports, or an LRS takes as one POST. */
  async exportStatements(learnerId: string): Promise<void> {
    await this.deliver(() => this.api['results:exportStatements']({ learnerId }));
  }

  private async deliver(exporting: () => Promise<ExportOutcome>): Promise<void> {
    this.busy = true;
    const outcome = await this.session.guard(exporting);
    this.busy = false;
    if (outcome) this.status = deliverExport(outcome, S);
  }

  /**
   * Several files, a folder's files or .zip archives of them, in one go: the archives are opened here (capped, see
   * results-bundle.ts), then one file per call, so a bad file is refused by name and the good ones still go in.
   * One summary says what the whole import did. Then the report is read again.
   */
  async importFiles(files: File[]): Promise<void> {
    this.busy = true;
    const given = await Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const bundle = bundleResultFiles(given);
    const results: ImportLine[] = [];
    const learners: string[] = [];
    let imported = 0;
    let attempts = 0;
    let duplicates = 0;
    for (const file of bundle.files) {
      const outcome = await attempt(() => this.importOne(file.name, file.text));
      if (!outcome.ok) results.push({ ok: false, text: S.importFailed(outcome.message) });
      else if (outcome.value === null) results.push({ ok: false, text: S.importSkipped(file.name) });
      else {
        const { added } = outcome.value;
        imported += 1;
        if (!learners.includes(outcome.value.learner)) learners.push(outcome.value.learner);
        attempts += added.attempts;
        duplicates += outcome.value.duplicates;
        results.push({ ok: true, text: S.importedLine(outcome.value.fileName, outcome.value.learner, added.attempts + added.answers + added.lookups + added.statusChanges) });
      }
    }
    for (const { name, refusal } of bundle.refused) results.push({ ok: false, text: S.importRefused(name, refusal) });
    this.importResults = results;
    this.busy = false;
    this.status = S.importTotals({ files: imported, learners: learners.length, attempts, duplicates, refused: results.length - imported });
    await this.load();
  }

  /** Imports one file, asking the teacher first when its learner's name is another learner's here; null if left. */
  private async importOne(fileName: string, content: string): Promise<ImportSummary | null> {
    const input = { teacherToken: this.teacherToken, fileName, content };
    const outcome = await this.api['results:import'](input);
    if (!('needsDecision' in outcome)) return outcome;
    const sameName = await this.ask(outcome.needsDecision);
    if (!sameName) return null;
    const decided = await this.api['results:import']({ ...input, sameName });
    return 'needsDecision' in decided ? null : decided;
  }

  /** Shows the same-name question and waits for the teacher's choice (null: leave the file). */
  private ask(question: ImportClash['needsDecision']): Promise<SameNameChoice | null> {
    return new Promise((resolve) => {
      this.clash = {
        question,
        answer: (choice) => {
          this.clash = null;
          resolve(choice);
        },
      };
    });
  }
}
