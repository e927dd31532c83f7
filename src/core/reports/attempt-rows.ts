// The attempts file's rows: every comprehension answer of a lesson, one row per learner × attempt × question,
// with the question and the right answer in words and the learner's attempts numbered in the order they were started.
import type { Verdict } from '../grading';
import { describeAnswer, type ReportInput } from './class-report';
import { regradingFacts, type RegradingFacts } from './regrading';
import { rightAnswerText } from './right-answer';

export interface AttemptAnswerRow {
  learnerId: string;
  learner: string;
  attemptId: string;
  attemptNumber: number;
  startedAt: string;
  finishedAt: string | null;
  questionNumber: number;
  questionId: string;
  prompt: string;
  /** In words; null when the stored answer cannot be read (describeAnswer). */
  given: string | null;
  /** The quiz's right answer in words; '' for a question the quiz no longer has. */
  rightAnswer: string;
  /** A true-false question's: `given` and `rightAnswer` are its values, 'true' or 'false', to word (truthInWords). */
  trueFalse?: true;
  /** When and how this question was regraded on this computer, oldest first. */
  regradings: ({ at: string } & RegradingFacts)[];
  verdict: Verdict;
  score: number;
  timeMs: number;
  /** The teacher's comment on a graded open answer. */
  teacherComment: string | null;
}

/** Sorted by learner name (French order), then attempt number, then question number. */
export function attemptRows(input: ReportInput): AttemptAnswerRow[] {
  const questions = new Map((input.quiz?.questions ?? []).map((q, i) => [q.id, { question: q, number: i + 1 }]));
  const names = new Map(input.learners.map((l) => [l.id, l.name]));
  const numberOf = new Map<string, number>();
  const perLearner = new Map<string, number>();
  for (const attempt of input.attempts) {
    const n = (perLearner.get(attempt.learnerId) ?? 0) + 1;
    perLearner.set(attempt.learnerId, n);
    numberOf.set(attempt.id, n);
  }
  const attempts = new Map(input.attempts.map((a) => [a.id, a]));
  const regradings = new Map<string, AttemptAnswerRow['regradings']>();
  for (const r of input.regradings ?? []) regradings.set(r.questionId, [...(regradings.get(r.questionId) ?? []), { at: r.at, ...regradingFacts(r) }]);
  return input.answers
    .flatMap((answer) => {
      const attempt = attempts.get(answer.attemptId);
      if (!attempt) return [];
      const known = questions.get(answer.questionId);
      return [
        {
          learnerId: attempt.learnerId,
          learner: names.get(attempt.learnerId) ?? '',
          attemptId: attempt.id,
          attemptNumber: numberOf.get(attempt.id) ?? 0,
          startedAt: attempt.startedAt,
          finishedAt: attempt.finishedAt,
          questionNumber: known?.number ?? 0,
          questionId: answer.questionId,
          prompt: known?.question.prompt ?? answer.questionId,
          given: describeAnswer(known?.question, answer.answer),
          rightAnswer: known ? rightAnswerText(known.question) : '',
          ...(known?.question.type === 'true-false' ? { trueFalse: true as const } : {}),
          regradings: regradings.get(answer.questionId) ?? [],
          verdict: answer.verdict,
          score: answer.score,
          timeMs: answer.timeMs,
          teacherComment: answer.teacherComment ?? null,
        },
      ];
    })
    .sort((a, b) => a.learner.localeCompare(b.learner, 'fr') || a.attemptNumber - b.attemptNumber || a.questionNumber - b.questionNumber);
}
