// The teacher's reports on one lesson: the class report, one learner's answers, exports and the import of results
// files. The component shows this and runs load() and loadLearner() when the lesson or the learner changes.
import { api as appApi } from '../lib/api';
import { attempt } from '../lib/attempt';
import { deliverExport } from '../lib/download';
import type { Api } from '../../../shared/contract';
import type { ClassReport, LearnerReport, ReportExportRequest } from '../../../shared/contract/reports';
import { strings } from '../strings';
import { session as appSession, type SessionState } from './session.svelte';

const S = strings.reports;

export type ReportTab = keyof typeof S.tabs;
export const REPORT_TABS = Object.keys(S.tabs) as ReportTab[];

/** An export of the lesson on screen: which report, in which format, and for a learner report whose. */
export type ReportExport = Omit<ReportExportRequest, 'lessonId'>;

export interface ImportLine {
  ok: boolean;
  text: string;
}

export class ReportsState {
  lessonId = $state('');
  tab = $state<ReportTab>('class');
  report = $state<ClassReport | null>(null);
  learnerId = $state('');
  learnerReport = $state<LearnerReport | null>(null);
  /** What the last export or import did, for the status line. */
  status = $state('');
  importResults = $state<ImportLine[]>([]);
  busy = $state(false);
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
    const { teacherToken, lessonId } = this;
    this.report = await this.session.guard(() => this.api['reports:class']({ teacherToken, lessonId }));
    if (this.report && !this.report.learners.some((l) => l.id === this.learnerId)) this.learnerId = this.report.learners[0]?.id ?? '';
  }

  async loadLearner(): Promise<void> {
    const { teacherToken, lessonId, learnerId } = this;
    if (!learnerId || !lessonId) return;
    await this.session.guard(async () => {
      this.learnerReport = await this.api['reports:learner']({ teacherToken, lessonId, learnerId });
    });
  }

  async exportFile(request: ReportExport): Promise<void> {
    this.busy = true;
    const outcome = await this.session.guard(() => this.api['reports:export']({ teacherToken: this.teacherToken, lessonId: this.lessonId, timeZone: this.timeZone, ...request }));
    this.busy = false;
    if (outcome) this.status = deliverExport(outcome, S);
  }

  /** One file per call: a bad file is refused by name and the good ones still go in. Then the report is read again. */
  async importFiles(files: File[]): Promise<void> {
    this.busy = true;
    const results: ImportLine[] = [];
    for (const file of files) {
      const outcome = await attempt(async () => this.api['results:import']({ teacherToken: this.teacherToken, fileName: file.name, content: await file.text() }));
      if (outcome.ok) {
        const { added } = outcome.value;
        results.push({ ok: true, text: S.importedLine(outcome.value.fileName, outcome.value.learner, added.attempts + added.answers + added.lookups + added.statusChanges) });
      } else {
        results.push({ ok: false, text: S.importFailed(outcome.message) });
      }
    }
    this.importResults = results;
    this.busy = false;
    this.status = S.importSummary(results.filter((r) => r.ok).length, results.filter((r) => !r.ok).length);
    await this.load();
  }
}
