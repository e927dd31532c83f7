// The one home of the words the backend writes into the teacher's files (PDF headings, notes and dates, the
// spreadsheets' column titles), in every interface language: the same typed shape in each, so a missing entry does
// not compile. French follows the interface's typography (src/renderer/src/i18n/fr.ts): a no-break space before « : »,
// a narrow no-break space before ; ! ? and %, typographic apostrophes. Numbers and dates come from Intl (format()).
import { MIN_LEARNERS_FOR_DISCRIMINATION } from '../../core/reports/item-stats';
import { COMPLETION_HELP } from '../../core/reports/completion';
import type { Verdict } from '../../core/grading';
import type { AnswerWords } from '../../core/reports/class-report';
import type { RegradingFacts } from '../../core/reports/regrading';
import type { InterfaceLanguage } from '../../shared/contract/fields';

const NB = '\u00a0';
const FINE = '\u202f';

export interface ExportLabels extends AnswerWords {
  /** BCP 47 tag for Intl and the PDF's /Lang. */
  locale: string;
  pageOf: (page: number, total: number) => string;
  /** Over a table or chart carried on from the previous page. */
  continued: (title: string) => string;
  generated: (date: string) => string;
  count: { learners: (n: number) => string; questions: (n: number) => string; words: (n: number) => string };
  classReport: {
    kind: string;
    summary: (learners: string, questions: string, finished: number, meanBest: string) => string;
    overview: string;
    overviewNote: string;
    noLearners: string;
    bestPerLearner: string;
    bestNote: string;
    questionAnalysis: string;
    questionNote: string;
    noQuiz: string;
    facilityPerQuestion: string;
    facilityNote: string;
    byParagraph: string;
    byParagraphNote: string;
    lookupsSolid: string;
    missesHatched: string;
    paragraph: string;
    noDifficulty: string;
    notApplicable: string;
    openSummary: (graded: number, awaiting: number) => string;
    columns: { learner: string; lastScore: string; bestScore: string; completion: string; readingMinutes: string; wordsLookedUp: string; attempts: string; question: string; correct: string; facility: string; discrimination: string; wrongOption: string; missersLookups: string };
  };
  learnerReport: {
    kind: string;
    attempts: string;
    attemptsValue: (attempts: number, finished: number) => string;
    readingTime: string;
    readingValue: (minutes: string) => string;
    lookups: string;
    wordsLearning: string;
    wordsKnown: string;
    scorePerAttempt: string;
    scoreNote: string;
    noFinished: string;
    answers: string;
    noAttempts: string;
    attempt: (n: number) => string;
    started: (date: string) => string;
    finished: (date: string, score: string) => string;
    notFinished: string;
    noAnswers: string;
    wordsLookedUp: string;
    noLookups: string;
    teacher: string;
    verdicts: Record<'correct' | 'partial' | 'almost' | 'wrong' | 'awaiting', string>;
    columns: { question: string; answer: string; verdict: string; score: string; seconds: string; lemma: string; paragraphs: string; times: string };
  };
  regradings: {
    heading: string;
    note: string;
    columns: { question: string; when: string; what: string; scores: string };
    /** What changed and what it did: "accepted « 7 jours »: 3 answers regraded, 2 scores changed". */
    describe: (facts: RegradingFacts) => string;
    /** Who regraded: the stored 'teacher' (the teacher area has one PIN, no named accounts). */
    by: (who: string) => string;
  };
  /** Spreadsheet column titles by machine key (sheet.ts); the keys themselves never change. */
  columnTitles: Record<string, string>;
  /**
   * The attempts file's verdict cells: plain words a spreadsheet's filter matches, without the PDF's symbols; the
   * English ones are those the file has always had, so a teacher's existing filters still match.
   */
  verdictCells: Record<Verdict, string>;
  sheetNames: { classSummary: string; attempts: string };
}

const en: ExportLabels = {
  locale: 'en-GB',
  pageOf: (page, total) => `Page ${page} of ${total}`,
  continued: (title) => `${title} (continued)`,
  generated: (date) => `Generated ${date}`,
  count: {
    learners: (n) => `${n} ${n === 1 ? 'learner' : 'learners'}`,
    questions: (n) => `${n} ${n === 1 ? 'question' : 'questions'}`,
    words: (n) => `${n} ${n === 1 ? 'word' : 'words'}`,
  },
  classReport: {
    kind: 'Class report',
    summary: (learners, questions, finished, meanBest) => `${learners} · ${questions} · ${finished} with a finished attempt · mean best score ${meanBest}`,
    overview: 'Class overview',
    overviewNote: `Scores are of finished attempts. ${COMPLETION_HELP}`,
    noLearners: 'No learners in this class yet.',
    bestPerLearner: 'Best score per learner',
    bestNote: '— marks a learner with no finished attempt.',
    questionAnalysis: 'Question analysis',
    questionNote:
      "Counted: each learner's first finished attempt. Correct: share of fully right answers. Facility: the mean score, 0–1. " +
      `Discrimination: facility in the top 27 % of the class (by total score) minus the bottom 27 %; n/a below ${MIN_LEARNERS_FOR_DISCRIMINATION} answers. ` +
      'Look-ups are in the paragraph holding the answer, with how many of those who missed it looked each word up.',
    noQuiz: 'This lesson has no quiz.',
    facilityPerQuestion: 'Facility per question',
    facilityNote: 'Mean score per question, 0 (nobody right) to 1 (everyone right). Dashed lines at 0.3 and 0.9: outside them a question is unusually hard or easy.',
    byParagraph: 'Difficulty by paragraph',
    byParagraphNote: 'Look-ups: words looked up in the paragraph, by all learners. Misses: answers below full marks to questions whose evidence is in the paragraph.',
    lookupsSolid: 'Look-ups (solid)',
    missesHatched: 'Misses (hatched)',
    paragraph: 'Paragraph',
    noDifficulty: 'No look-ups or missed answers yet.',
    notApplicable: 'n/a',
    openSummary: (graded, awaiting) => `${graded} graded, ${awaiting} awaiting the teacher`,
    columns: {
      learner: 'Learner',
      lastScore: 'Last score',
      bestScore: 'Best score',
      completion: 'Completion',
      readingMinutes: 'Reading time (min)',
      wordsLookedUp: 'Words looked up',
      attempts: 'Attempts',
      question: 'Question',
      correct: 'Correct',
      facility: 'Facility',
      discrimination: 'Discrim. (D)',
      wrongOption: 'Most chosen wrong option',
      missersLookups: 'Top look-ups by those who missed it',
    },
  },
  learnerReport: {
    kind: 'Learner report',
    attempts: 'Attempts',
    attemptsValue: (attempts, finished) => `${attempts} (${finished} finished)`,
    readingTime: 'Reading time',
    readingValue: (minutes) => `${minutes} min`,
    lookups: 'Look-ups',
    wordsLearning: 'Words learning',
    wordsKnown: 'Words known',
    scorePerAttempt: 'Score per attempt',
    scoreNote: 'Finished attempts only, numbered among all attempts.',
    noFinished: 'No finished attempt yet.',
    answers: 'Answers',
    noAttempts: 'No attempts yet.',
    attempt: (n) => `Attempt ${n}`,
    started: (date) => `started ${date}`,
    finished: (date, score) => `finished ${date} · score ${score}`,
    notFinished: 'not finished',
    noAnswers: 'No answers in this attempt.',
    wordsLookedUp: 'Words looked up',
    noLookups: 'No words looked up.',
    teacher: 'Teacher',
    verdicts: { correct: '✓ Correct', partial: '◐ Partial', almost: '≈ Almost', wrong: '✗ Wrong', awaiting: '… Awaiting the teacher' },
    columns: { question: 'Question', answer: 'Their answer', verdict: 'Verdict', score: 'Score', seconds: 'Time (s)', lemma: 'Word (lemma)', paragraphs: 'Paragraphs', times: 'Times looked up' },
  },
  regradings: {
    heading: 'Regraded questions',
    note: 'Typed answers the teacher accepted or rejected on this computer; the scores above already count them.',
    columns: { question: 'Question', when: 'When (by)', what: 'What changed', scores: 'Scores before → after' },
    describe: ({ change, answer, answersChanged, scoresChanged }) =>
      `${change} « ${answer} »: ${answersChanged} ${answersChanged === 1 ? 'answer' : 'answers'} regraded, ${scoresChanged} ${scoresChanged === 1 ? 'score' : 'scores'} changed`,
    by: (who) => (who === 'teacher' ? 'teacher' : who),
  },
  truth: { true: 'True', false: 'False' },
  tries: (first, second) => `1st try: ${first} · 2nd try: ${second}`,
  unreadable: 'unreadable answer',
  columnTitles: {
    learner_id: 'Learner ID',
    learner: 'Learner',
    attempts: 'Attempts',
    finished_attempts: 'Finished attempts',
    last_score_pct: 'Last score',
    best_score_pct: 'Best score',
    completion_pct: 'Completion',
    reading_minutes: 'Reading time (min)',
    look_ups: 'Look-ups',
    words_looked_up: 'Words looked up',
    learning: 'Words learning',
    known: 'Words known',
    attempt_id: 'Attempt ID',
    attempt_number: 'Attempt',
    attempt_started: 'Started',
    attempt_finished: 'Finished',
    time_zone: 'Time zone',
    question_number: 'Question no.',
    question_id: 'Question ID',
    question: 'Question',
    answer: 'Answer given',
    right_answer: 'Right answer',
    verdict: 'Verdict',
    score_pct: 'Score',
    seconds: 'Time (s)',
    regraded: 'Regraded',
    teacher_comment: 'Teacher’s comment',
  },
  verdictCells: { correct: 'correct', partial: 'partial', almost: 'almost', wrong: 'wrong', awaiting: 'awaiting the teacher' },
  sheetNames: { classSummary: 'Class summary', attempts: 'Every answer' },
};

const fr: ExportLabels = {
  locale: 'fr-FR',
  pageOf: (page, total) => `Page ${page} sur ${total}`,
  continued: (title) => `${title} (suite)`,
  generated: (date) => `Établi le ${date}`,
  count: {
    learners: (n) => `${n} ${n < 2 ? 'élève' : 'élèves'}`,
    questions: (n) => `${n} ${n < 2 ? 'question' : 'questions'}`,
    words: (n) => `${n} ${n < 2 ? 'mot' : 'mots'}`,
  },
  classReport: {
    kind: 'Rapport de classe',
    summary: (learners, questions, finished, meanBest) =>
      `${learners} · ${questions} · ${finished} avec une tentative terminée · meilleur score moyen${NB}: ${meanBest}`,
    overview: 'Vue d’ensemble de la classe',
    overviewNote:
      `Les scores sont ceux des tentatives terminées. L’avancement vaut 100${FINE}% dès que l’élève a terminé une fois le questionnaire de compréhension${FINE}; ` +
      'avant cela, c’est la part du questionnaire à laquelle il a répondu lors de sa dernière tentative.',
    noLearners: 'Aucun élève dans cette classe pour l’instant.',
    bestPerLearner: 'Meilleur score par élève',
    bestNote: '— signale un élève sans tentative terminée.',
    questionAnalysis: 'Analyse des questions',
    questionNote:
      `Compté${NB}: la première tentative terminée de chaque élève. Justes${NB}: part des réponses entièrement justes. Facilité${NB}: le score moyen, de 0 à 1. ` +
      `Discrimination${NB}: la facilité chez les 27${FINE}% les meilleurs de la classe (au score total) moins celle des 27${FINE}% les plus faibles${FINE}; n.d. sous ${MIN_LEARNERS_FOR_DISCRIMINATION} réponses. ` +
      'Les mots cherchés le sont dans le paragraphe qui contient la réponse, avec le nombre d’élèves ayant échoué qui ont cherché chacun.',
    noQuiz: 'Cette leçon n’a pas de questionnaire.',
    facilityPerQuestion: 'Facilité par question',
    facilityNote:
      `Score moyen par question, de 0 (personne n’a juste) à 1 (tout le monde a juste). Pointillés à 0,3 et 0,9${NB}: au-delà, une question est d’une difficulté ou d’une facilité inhabituelle.`,
    byParagraph: 'Difficulté par paragraphe',
    byParagraphNote:
      `Recherches${NB}: mots cherchés dans le paragraphe, par tous les élèves. Échecs${NB}: réponses sous la note maximale aux questions dont la justification est dans le paragraphe.`,
    lookupsSolid: 'Recherches (plein)',
    missesHatched: 'Échecs (hachuré)',
    paragraph: 'Paragraphe',
    noDifficulty: 'Aucune recherche ni réponse manquée pour l’instant.',
    notApplicable: 'n.d.',
    openSummary: (graded, awaiting) => `${graded} corrigée${graded < 2 ? '' : 's'}, ${awaiting} en attente de l’enseignant`,
    columns: {
      learner: 'Élève',
      lastScore: 'Dernier score',
      bestScore: 'Meilleur score',
      completion: 'Avancement',
      readingMinutes: 'Temps de lecture (min)',
      wordsLookedUp: 'Mots cherchés',
      attempts: 'Tentatives',
      question: 'Question',
      correct: 'Justes',
      facility: 'Facilité',
      discrimination: 'Discrim. (D)',
      wrongOption: 'Mauvaise réponse la plus choisie',
      missersLookups: 'Mots les plus cherchés par ceux qui ont échoué',
    },
  },
  learnerReport: {
    kind: 'Rapport de l’élève',
    attempts: 'Tentatives',
    attemptsValue: (attempts, finished) => `${attempts} (${finished} terminée${finished < 2 ? '' : 's'})`,
    readingTime: 'Temps de lecture',
    readingValue: (minutes) => `${minutes}${NB}min`,
    lookups: 'Recherches',
    wordsLearning: 'Mots en cours',
    wordsKnown: 'Mots connus',
    scorePerAttempt: 'Score par tentative',
    scoreNote: 'Tentatives terminées seulement, numérotées parmi toutes les tentatives.',
    noFinished: 'Aucune tentative terminée pour l’instant.',
    answers: 'Réponses',
    noAttempts: 'Aucune tentative pour l’instant.',
    attempt: (n) => `Tentative ${n}`,
    started: (date) => `commencée le ${date}`,
    finished: (date, score) => `terminée le ${date} · score${NB}: ${score}`,
    notFinished: 'non terminée',
    noAnswers: 'Aucune réponse dans cette tentative.',
    wordsLookedUp: 'Mots cherchés',
    noLookups: 'Aucun mot cherché.',
    teacher: 'Enseignant',
    verdicts: { correct: '✓ Juste', partial: '◐ En partie', almost: '≈ Presque', wrong: '✗ Faux', awaiting: '… En attente de l’enseignant' },
    columns: { question: 'Question', answer: 'Sa réponse', verdict: 'Verdict', score: 'Score', seconds: 'Temps (s)', lemma: 'Mot (lemme)', paragraphs: 'Paragraphes', times: 'Recherches' },
  },
  regradings: {
    heading: 'Questions recorrigées',
    note: `Réponses tapées que l’enseignant a acceptées ou refusées sur cet ordinateur${FINE}; les scores ci-dessus en tiennent déjà compte.`,
    columns: { question: 'Question', when: 'Quand (par qui)', what: 'Changement', scores: 'Scores avant → après' },
    describe: ({ change, answer, answersChanged, scoresChanged }) =>
      `${change === 'accepted' ? 'acceptée' : 'refusée'} «${NB}${answer}${NB}»${NB}: ${answersChanged}${NB}réponse${answersChanged < 2 ? '' : 's'} recorrigée${answersChanged < 2 ? '' : 's'}, ${scoresChanged}${NB}score${scoresChanged < 2 ? '' : 's'} modifié${scoresChanged < 2 ? '' : 's'}`,
    by: (who) => (who === 'teacher' ? 'l’enseignant' : who),
  },
  truth: { true: 'Vrai', false: 'Faux' },
  tries: (first, second) => `1er${NB}essai${NB}: ${first} · 2e${NB}essai${NB}: ${second}`,
  unreadable: 'réponse illisible',
  columnTitles: {
    learner_id: 'Identifiant de l’élève',
    learner: 'Élève',
    attempts: 'Tentatives',
    finished_attempts: 'Tentatives terminées',
    last_score_pct: 'Dernier score',
    best_score_pct: 'Meilleur score',
    completion_pct: 'Avancement',
    reading_minutes: 'Temps de lecture (min)',
    look_ups: 'Recherches',
    words_looked_up: 'Mots cherchés',
    learning: 'Mots en cours',
    known: 'Mots connus',
    attempt_id: 'Identifiant de la tentative',
    attempt_number: 'Tentative',
    attempt_started: 'Commencée le',
    attempt_finished: 'Terminée le',
    time_zone: 'Fuseau horaire',
    question_number: 'N° de question',
    question_id: 'Identifiant de la question',
    question: 'Question',
    answer: 'Réponse donnée',
    right_answer: 'Bonne réponse',
    verdict: 'Verdict',
    score_pct: 'Score',
    seconds: 'Temps (s)',
    regraded: 'Recorrigée',
    teacher_comment: 'Commentaire de l’enseignant',
  },
  verdictCells: { correct: 'juste', partial: 'en partie', almost: 'presque', wrong: 'faux', awaiting: 'en attente de l’enseignant' },
  sheetNames: { classSummary: 'Synthèse de la classe', attempts: 'Toutes les réponses' },
};

export const EXPORT_LABELS: Record<InterfaceLanguage, ExportLabels> = { en, fr };

export const labelsFor = (language: InterfaceLanguage = 'en'): ExportLabels => EXPORT_LABELS[language];
