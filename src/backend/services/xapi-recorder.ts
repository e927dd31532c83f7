// Writes the xAPI statement of each learning event into the outbox. Every method is called inside the write
// transaction of the event it describes, so an event and its statement are saved together or not at all.
import { randomUUID } from 'node:crypto';
import type { Answer, Verdict } from '../../core/grading';
import type { AttemptExtension } from '../../core/xapi/statements';
import type { Question } from '../../core/quiz';
import {
  answeredStatement,
  attemptStatements,
  EXTENSIONS,
  lookedUpStatement,
  readStatement,
  statusStatement,
  voidedStatement,
  type Learner,
  type LessonRef,
} from '../../core/xapi';
import type { QuizKind, WordStatus } from '../../shared/types';
import type { LearnersRepository } from '../db/repositories/learners';
import type { XapiRepository } from '../db/repositories/xapi';
import type { LessonStore } from '../lesson-store';

export interface AnsweredFacts {
  answerId: string;
  learnerId: string;
  lessonId: string;
  attemptId: string;
  /** The lesson version the attempt answers (absent: 1, as before versions). */
  lessonVersion?: number;
  kind: QuizKind;
  question: Question;
  answer: Answer;
  grade: { score: number; verdict: Verdict };
  timeMs: number;
  at: string;
  /** The attempt's seed, start and questions, carried so a statement file can be imported elsewhere. */
  attempt?: AttemptExtension;
}

export interface AttemptFacts {
  learnerId: string;
  lessonId: string;
  attemptId: string;
  lessonVersion?: number;
  kind: QuizKind;
  score: number;
  startedAt: string;
  /** When the attempt ended. */
  at: string;
}

export class XapiRecorder {
  private computerId: string | undefined;

  constructor(
    private readonly outbox: XapiRepository,
    private readonly learners: LearnersRepository,
    private readonly lessons: LessonStore,
    /** This copy of Liseuse's opaque id, sent on every statement so an LRS report can count the computers. */
    private readonly computer?: () => string,
  ) {}

  answered(facts: AnsweredFacts): void {
    const statement = answeredStatement({ ...this.event(facts.learnerId, facts.lessonId, facts.at), ...facts });
    this.outbox.enqueue([{ statement, subject: facts.answerId }], facts.at);
  }

  attemptFinished(facts: AttemptFacts): void {
    const statements = attemptStatements({ ...this.event(facts.learnerId, facts.lessonId, facts.at), ...facts }, randomUUID());
    // The attempt's id as subject: a later rescore finds these two to void them.
    this.outbox.enqueue(statements.map((statement) => ({ statement, subject: facts.attemptId })), facts.at);
  }

  /**
   * A finished attempt's score changed (a regrade of one of its answers): its completed and passed/failed
   * statements are voided and sent again with the new score. The new ones keep the attempt's own end as their
   * timestamp (the event is still the attempt; the LRS's `stored` says when) and point at the ones they replace.
   */
  attemptRescored(facts: AttemptFacts & { regradedAt: string }): void {
    const old = this.outbox.lastAttemptStatements(facts.attemptId);
    const replacements = attemptStatements({ ...this.event(facts.learnerId, facts.lessonId, facts.at), ...facts, replaces: old }, randomUUID());
    const voids = [old.completed, old.verdict].flatMap((id) => (id ? [{ statement: voidedStatement({ id: randomUUID(), at: facts.regradedAt, voids: id }) }] : []));
    this.outbox.enqueue([...voids, ...replacements.map((statement) => ({ statement, subject: facts.attemptId }))], facts.regradedAt);
  }

  /**
   * A teacher's new grade of an answer: the answer's last statement is voided and a new one says the new score.
   * An answer saved before the outbox existed has nothing to void; the new statement is still sent.
   */
  regraded(facts: AnsweredFacts & { teacherComment?: string }): void {
    const old = this.outbox.lastAnswered(facts.answerId);
    // The attempt rides on its first answer only: when that answer is replaced, the replacement carries it on.
    const carried = old ? (this.outbox.statement(old)?.context?.extensions?.[EXTENSIONS.attempt] as AttemptExtension | undefined) : undefined;
    const replacement = answeredStatement({
      ...this.event(facts.learnerId, facts.lessonId, facts.at),
      ...facts,
      ...(old ? { replaces: old } : {}),
      ...(carried ? { attempt: carried } : {}),
    });
    this.outbox.enqueue([...(old ? [{ statement: voidedStatement({ id: randomUUID(), at: facts.at, voids: old }) }] : []), { statement: replacement, subject: facts.answerId }], facts.at);
  }

  read(facts: { learnerId: string; lessonId: string; seconds: number; secondsRead: number; position: { paragraph: number; token: number } | null; at: string }): void {
    this.outbox.enqueue([{ statement: readStatement({ ...this.event(facts.learnerId, facts.lessonId, facts.at), ...facts }) }], facts.at);
  }

  /**
   * A look-up's statement has the look-up's own id (`id`, a UUID made for it), as a status change's has the change's:
   * a statement file's records are then the very records a results file carries, and importing both, or the file
   * back on this computer, adds nothing twice.
   */
  lookedUp(facts: { id?: string; learnerId: string; lessonId: string; token: number; at: string }): void {
    const word = this.word(facts.lessonId, facts.token);
    this.outbox.enqueue([{ statement: lookedUpStatement({ ...this.event(facts.learnerId, facts.lessonId, facts.at, facts.id), ...word, token: facts.token }) }], facts.at);
  }

  statusChanged(facts: { id?: string; learnerId: string; lessonId: string; token: number; status: WordStatus; at: string }): void {
    const word = this.word(facts.lessonId, facts.token);
    const statement = statusStatement({ ...this.event(facts.learnerId, facts.lessonId, facts.at, facts.id), ...word, token: facts.token, status: facts.status });
    this.outbox.enqueue([{ statement }], facts.at);
  }

  private word(lessonId: string, tokenIndex: number): { lemma: string; sense: string; paragraph: number } {
    const token = this.lessons.get(lessonId).tokens[tokenIndex];
    return { lemma: token?.gloss?.lemma ?? token?.text ?? '', sense: token?.gloss?.sense ?? '', paragraph: token?.paragraph ?? 0 };
  }

  private event(learnerId: string, lessonId: string, at: string, id: string = randomUUID()): { id: string; at: string; learner: Learner; lesson: LessonRef; computer?: string } {
    const namesShown = this.outbox.settings()?.namesShown ?? false;
    const name = namesShown ? this.learners.get(learnerId)?.name : undefined;
    const lesson = this.lessons.find(lessonId);
    // Read once: it never changes for the life of the database.
    const computer = (this.computerId ??= this.computer?.());
    return {
      id,
      at,
      learner: { id: learnerId, ...(name ? { name } : {}) },
      lesson: { id: lessonId, title: lesson?.manifest.title ?? lessonId },
      ...(computer ? { computer } : {}),
    };
  }
}
