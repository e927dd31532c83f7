// What a results file's attempts are worth on this computer: each answer graded again by grade(), against this
// computer's copy of the lesson, and each attempt's end and score recomputed from those grades. A record that
// names a lesson, a question or an option this computer does not know refuses the whole file, with the reason.
import { attemptScore } from '../attempt-score';
import { lemmaKey } from '../lemma-key';
import { AnswerError, grade, type Verdict } from '../grading';
import type { Lesson } from '../lesson';
import type { Question, Quiz } from '../quiz';
import { withKey } from '../stored-quiz';
import { practisableOptionIds } from '../vocabulary';
import { ResultFileError, type ResultFile } from './result-file';

export interface KnownLesson {
  lesson: Lesson;
  quiz?: Quiz | undefined;
}

export interface RegradedAnswer {
  id: string;
  questionId: string;
  /** The answer as JSON text again, from its checked shape. */
  answer: string;
  score: number;
  verdict: Verdict;
  timeMs: number;
  answeredAt: string;
}

export interface RegradedAttempt {
  id: string;
  lessonId: string;
  lessonVersion: number;
  kind: 'comprehension' | 'vocabulary';
  seed: number;
  /** As this computer stores it: question ids, or whole vocabulary questions with their key rebuilt. */
  questions: string;
  startedAt: string;
  finishedAt: string | null;
  score: number | null;
  answers: RegradedAnswer[];
}

/**
 * Every lesson the file names must be here; the refusal gives the title the file carries, and the id.
 * `versionsOf` gives every version of a lesson a learner may have read (a look-up does not say which): a look-up
 * is the learner's if one of them has that word at that place. Without it, only the current version counts.
 */
export function requireLessons(file: ResultFile, lessonOf: (id: string) => KnownLesson | undefined, versionsOf?: (id: string) => KnownLesson[]): void {
  const named = new Set([...file.attempts, ...file.lookups, ...file.statusChanges, ...file.reading].map((r) => r.lessonId));
  for (const id of named) {
    if (lessonOf(id)) continue;
    const title = file.lessons?.find((l) => l.id === id)?.title;
    throw new ResultFileError(`it holds results for a lesson this computer does not have: ${title ? `« ${title} » ` : ''}(${id})`);
  }
  // A look-up or status names a glossed word of the lesson, by its place: the lemma and paragraph must be that word's.
  const versionsByLesson = new Map<string, KnownLesson[]>();
  const check = (record: { lessonId: string; token: number; lemma: string; paragraph?: number }, what: string): void => {
    let candidates = versionsByLesson.get(record.lessonId);
    if (!candidates) {
      const known = versionsOf?.(record.lessonId) ?? [];
      candidates = known.length > 0 ? known : [lessonOf(record.lessonId) as KnownLesson];
      versionsByLesson.set(record.lessonId, candidates);
    }
    const isThatWord = ({ lesson }: KnownLesson): boolean => {
      const token = lesson.tokens[record.token];
      const lemma = token?.gloss?.lemma;
      return lemma !== undefined && lemmaKey(lemma) === lemmaKey(record.lemma) && (record.paragraph === undefined || record.paragraph === token?.paragraph);
    };
    if (!candidates.some(isThatWord)) {
      throw new ResultFileError(`it has a ${what} of "${record.lemma.slice(0, 40)}" at word ${record.token} of lesson "${record.lessonId}", which is not that word`);
    }
  };
  for (const lookup of file.lookups) check(lookup, 'look-up');
  for (const change of file.statusChanges) check(change, 'status change');
}

function questionsOf(attempt: ResultFile['attempts'][number], known: KnownLesson, where: string): Question[] {
  if (attempt.kind === 'comprehension') {
    if (!known.quiz) throw new ResultFileError(`${where} is a quiz of lesson "${attempt.lessonId}", which has no quiz on this computer`);
    const byId = new Map(known.quiz.questions.map((q) => [q.id, q]));
    return attempt.questions.map((id) => {
      const question = byId.get(id);
      if (!question) throw new ResultFileError(`${where} asks question "${id}", which lesson "${attempt.lessonId}" does not have`);
      return question;
    });
  }
  const practisable = practisableOptionIds(known.lesson);
  return attempt.questions.map((carried) => {
    const question = withKey(carried);
    if (!question || !('correct' in question) || typeof question.correct !== 'string' || !practisable.has(question.correct)) {
      throw new ResultFileError(`${where} has vocabulary question "${carried.id}", which is not one lesson "${attempt.lessonId}" can ask`);
    }
    return question;
  });
}

/** The file's attempts regraded; lessons must have been checked with requireLessons first. */
export function regradeAttempts(file: ResultFile, lessonOf: (id: string, version?: number) => KnownLesson | undefined): RegradedAttempt[] {
  return file.attempts.map((attempt, i) => {
    const where = `attempt ${i + 1}`;
    const lessonVersion = attempt.lessonVersion ?? 1;
    // Graded on the version it was answered on, never on another one that happens to be here.
    const known = lessonOf(attempt.lessonId, lessonVersion);
    if (!known) {
      throw new ResultFileError(`${where} was answered on version ${lessonVersion} of lesson "${attempt.lessonId}", which this computer does not have (import that version's lesson pack first)`);
    }
    const questions = questionsOf(attempt, known, where);
    const byId = new Map(questions.map((q) => [q.id, q]));
    const answered = new Set<string>();
    const answers = attempt.answers.map((given): RegradedAnswer => {
      const question = byId.get(given.questionId);
      if (!question) throw new ResultFileError(`${where} answers question "${given.questionId}", which it does not ask`);
      if (answered.has(given.questionId)) throw new ResultFileError(`${where} answers question "${given.questionId}" twice`);
      answered.add(given.questionId);
      const answer = given.answer;
      let result;
      try {
        result = grade(question, answer);
      } catch (error) {
        if (error instanceof AnswerError) throw new ResultFileError(`${where}: ${error.message}`);
        throw error;
      }
      return { id: given.id, questionId: given.questionId, answer: JSON.stringify(answer), score: result.score, verdict: result.verdict, timeMs: given.timeMs, answeredAt: given.answeredAt };
    });
    // Finished exactly when every question is answered, as on the computer where it was taken.
    const finished = questions.length > 0 && answers.length === questions.length;
    return {
      id: attempt.id,
      lessonId: attempt.lessonId,
      lessonVersion,
      kind: attempt.kind,
      seed: attempt.seed,
      questions: attempt.kind === 'comprehension' ? JSON.stringify(questions.map((q) => q.id)) : JSON.stringify(questions),
      startedAt: attempt.startedAt,
      finishedAt: finished ? answers.map((a) => a.answeredAt).reduce((a, b) => (a > b ? a : b)) : null,
      score: finished ? attemptScore(answers, questions.length).score : null,
      answers,
    };
  });
}
