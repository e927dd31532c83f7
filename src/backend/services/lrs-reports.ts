// The class report from the school's LRS: every computer's statements about a lesson, read back, validated and
// regraded on this computer (core/xapi/read-back), then built by the same code as the local report.
import { buildClassReportFrom, classReportInput } from '../../core/reports/class-report';
import { lessonIri } from '../../core/xapi';
import { readBack } from '../../core/xapi/read-back';
import type { LrsClassReport } from '../../shared/contract/reports';
import { AppError } from '../../shared/errors';
import type { LearnersRepository } from '../db/repositories/learners';
import type { LessonStore } from '../lesson-store';
import type { LrsClient } from '../xapi/lrs-client';
import { readLessonStatements, type ReadOptions } from '../xapi/lrs-reader';
import type { AcceptedAnswerService } from './accepted-answers';
import type { LrsService } from './lrs';
import type { ReportService } from './reports';

/** Reasons for left-out statements shown to the teacher: enough to see what is wrong, never a wall. */
const REASONS_SHOWN = 5;

export class LrsReportService {
  constructor(
    private readonly reports: ReportService,
    private readonly lrs: LrsService,
    private readonly client: LrsClient,
    private readonly lessons: LessonStore,
    private readonly acceptedAnswers: AcceptedAnswerService,
    private readonly learners: LearnersRepository,
    private readonly now: () => Date,
    private readonly readOptions: ReadOptions = {},
  ) {}

  async classReport(lessonId: string, version?: number): Promise<LrsClassReport> {
    const connection = this.lrs.connection();
    if (!connection) throw AppError.because('invalid_input', 'lrsNotSet');
    // The lesson must be on this computer: its quiz grades the answers, its text names the paragraphs.
    this.lessons.get(lessonId, version);
    const read = await readLessonStatements(this.client, connection, lessonIri(lessonId), this.readOptions);
    if (!read.ok) throw AppError.because('conflict', 'lrsReadFailed', { page: read.page, kind: read.failure.kind, detail: read.failure.reason || (read.failure.status === null ? read.failure.kind : `HTTP ${read.failure.status}`) });

    const backOf = (wanted: number): ReturnType<typeof readBack> => {
      const quiz = this.lessons.quizOf(lessonId, wanted);
      // Graded as this computer grades that version now: with the teacher's accepted answers.
      const grading = quiz && { ...quiz, questions: this.acceptedAnswers.effectiveQuestions(lessonId, quiz.questions, wanted) };
      return readBack(read.value.statements, { id: lessonId, version: wanted, quiz: grading, paragraphCount: this.lessons.get(lessonId, wanted).paragraphs.length });
    };
    // The version asked for, else the one learners read now, else (an archived lesson) the last one answered.
    const current = version ?? this.lessons.currentVersion(lessonId);
    let wanted = current ?? 1;
    let back = backOf(wanted);
    const last = back.versions.at(-1);
    if (current === undefined && last !== undefined && last !== wanted) {
      wanted = last;
      back = backOf(wanted);
    }
    const lesson = this.reports.lessonWith(lessonId, back.versions, wanted);
    // Statements name learners by opaque id unless the teacher sends names: a learner of this computer gets
    // the name it has here; one from another computer keeps the id.
    const learners = back.rows.learners
      .map((l) => (l.name === l.id ? { id: l.id, name: this.learners.get(l.id)?.name ?? l.id } : l))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    const report = buildClassReportFrom(classReportInput({ ...lesson, ...back.rows, learners }), this.now());
    return {
      report,
      statementsRead: back.read,
      statementsUsed: back.used,
      skipped: back.skipped.length,
      skippedReasons: [...new Set(back.skipped.map((s) => s.reason))].slice(0, REASONS_SHOWN),
      learners: back.learnerCount,
      computers: back.computerCount,
    };
  }
}
