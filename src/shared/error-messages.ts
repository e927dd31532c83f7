// Every refusal the backend can give a person, in each interface language. The backend sends the reason's key and
// its parameters (and the English wording, for logs and older pages); the renderer words it in the language on
// screen. Long because it is the one home of those sentences: a translator reads them in one go.
import type { PackProblem } from '../core/authoring/lesson-pack';
import type { DictionaryProblem } from '../core/glossing/dictionary-data';
import { MAX_IMPORT_FILE_BYTES, MAX_LESSON_WORDS, megabytes, megaoctets } from '../core/import/limits';
import type { LessonProblemFact } from '../core/lesson';
import type { InterfaceLanguage } from './contract/fields';

type Params = Record<string, string | number>;
type Wording<P extends Params> = Record<InterfaceLanguage, (params: P) => string>;
const say = <P extends Params = Record<never, never>>(wording: Wording<P>): Wording<P> => wording;

const NB = '\u00a0';
const FINE = '\u202f';
const en = { plural: (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}` };
const fr = { plural: (n: number, un: string, plusieurs: string) => `${n}${NB}${n < 2 ? un : plusieurs}` };

/** What Liseuse opens as a lesson's text, said after a file that goes beyond it. */
function importLimits(language: InterfaceLanguage): string {
  const words = MAX_LESSON_WORDS.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB');
  return language === 'fr'
    ? `Liseuse ouvre les textes jusqu’à ${words}${NB}mots, dans des fichiers jusqu’à ${megaoctets(MAX_IMPORT_FILE_BYTES)}`
    : `Liseuse opens texts of up to ${words} words, in files of up to ${megabytes(MAX_IMPORT_FILE_BYTES)}`;
}

/** A wait as a person says it: "40 seconds", "3 minutes"; « 40 secondes », « 3 minutes ». */
function wait(seconds: number, language: InterfaceLanguage): string {
  const minutes = Math.ceil(seconds / 60);
  if (language === 'fr') return seconds < 60 ? fr.plural(seconds, 'seconde', 'secondes') : fr.plural(minutes, 'minute', 'minutes');
  return seconds < 60 ? en.plural(seconds, 'second', 'seconds') : en.plural(minutes, 'minute', 'minutes');
}

type Facts<U extends { problem: string }> = {
  [P in U['problem']]: Record<InterfaceLanguage, (params: Omit<Extract<U, { problem: P }>, 'problem'>) => string>;
};
const quoted = (text: string, language: InterfaceLanguage): string => (language === 'fr' ? `«${NB}${text}${NB}»` : `"${text}"`);

/** Why a lesson pack is refused (core/authoring/lesson-pack.ts), said after « … is not a lesson pack Liseuse can take: ». */
const PACK_PROBLEMS: Facts<PackProblem> = {
  tooLarge: { en: ({ megabytes }) => `the file is larger than ${megabytes} MB`, fr: ({ megabytes }) => `le fichier dépasse ${megabytes}${NB}Mo` },
  strayDocument: {
    en: ({ name }) => `it holds ${quoted(name, 'en')}, which is not a document of a lesson pack`,
    fr: ({ name }) => `il contient ${quoted(name, 'fr')}, qui n’est pas un document de paquet de leçon`,
  },
  twice: { en: ({ name }) => `it holds ${quoted(name, 'en')} twice`, fr: ({ name }) => `il contient deux fois ${quoted(name, 'fr')}` },
  documentTooLarge: {
    en: ({ name, megabytes }) => `${quoted(name, 'en')} is larger than ${megabytes} MB once unzipped`,
    fr: ({ name, megabytes }) => `${quoted(name, 'fr')} dépasse ${megabytes}${NB}Mo une fois décompressé`,
  },
  allTooLarge: {
    en: ({ megabytes }) => `its documents are larger than ${megabytes} MB once unzipped`,
    fr: ({ megabytes }) => `ses documents dépassent ${megabytes}${NB}Mo une fois décompressés`,
  },
  notZip: {
    en: () => 'it is not a zip file Liseuse can read (damaged, or not a lesson pack)',
    fr: () => 'ce n’est pas un fichier zip que Liseuse sait lire (il est endommagé, ou ce n’est pas un paquet de leçon)',
  },
  notUtf8: { en: ({ name }) => `${quoted(name, 'en')} is not UTF-8 text`, fr: ({ name }) => `${quoted(name, 'fr')} n’est pas du texte UTF-8` },
  noManifest: { en: () => 'it has no pack.json', fr: () => 'il n’a pas de pack.json' },
  manifestNotJson: { en: () => 'its pack.json is not valid JSON', fr: () => 'son pack.json n’est pas du JSON valide' },
  // `issue` is valibot's technical wording of the schema (English): it stays as it is.
  manifestInvalid: {
    en: ({ field, issue }) => `its pack.json is not one Liseuse reads (${field || 'the whole file'}: ${issue})`,
    fr: ({ field, issue }) => `son pack.json n’est pas de ceux que Liseuse lit (${field || 'le fichier entier'}${NB}: ${issue})`,
  },
  missing: { en: ({ names }) => `it lacks ${names}`, fr: ({ names }) => `il lui manque ${names}` },
};

/** Why the dictionary file is refused (core/glossing/dictionary-data.ts), said after « … is damaged: ». */
const DICTIONARY_PROBLEMS: Facts<DictionaryProblem> = {
  lineBreakInEntry: {
    en: ({ lemma }) => `a tab or line break in the entry ${quoted(lemma, 'en')}`,
    fr: ({ lemma }) => `une tabulation ou un saut de ligne dans l’entrée ${quoted(lemma, 'fr')}`,
  },
  noHeader: {
    en: () => 'it is not a Liseuse dictionary (its first line is not a header)',
    fr: () => 'ce n’est pas un dictionnaire de Liseuse (sa première ligne n’est pas un en-tête)',
  },
  notLiseuse: { en: ({ field }) => `it is not a Liseuse dictionary (its ${field})`, fr: ({ field }) => `ce n’est pas un dictionnaire de Liseuse (son champ ${field})` },
  otherVersion: {
    en: ({ version, readable }) => `it has version ${version}; this Liseuse reads version ${readable}`,
    fr: ({ version, readable }) => `il est en version ${version}${FINE}; cette version de Liseuse lit la version ${readable}`,
  },
  badLine: {
    en: ({ line }) => `line ${line} is not "lemma, part of speech, source, flag, sense"`,
    fr: ({ line }) => `la ligne ${line} n’est pas «${NB}lemme, nature, source, marque, sens${NB}»`,
  },
  linesApart: { en: ({ lemma }) => `the lines of ${quoted(lemma, 'en')} are not together`, fr: ({ lemma }) => `les lignes de ${quoted(lemma, 'fr')} ne se suivent pas` },
  notGzip: { en: () => 'it is not a gzip file', fr: () => 'ce n’est pas un fichier gzip' },
};

/** A lesson document's problem (core/lesson.ts), said after its file's name; exported for the publish panel. */
export const LESSON_PROBLEMS: Facts<LessonProblemFact> = {
  notJson: { en: ({ detail }) => `not valid JSON (${detail})`, fr: ({ detail }) => `ce n’est pas du JSON valide (${detail})` },
  textEmpty: { en: () => 'the text is empty', fr: () => 'le texte est vide' },
  translationCount: {
    en: ({ translations, paragraphs }) => `has ${translations} translations for ${en.plural(paragraphs, 'paragraph', 'paragraphs')}`,
    fr: ({ translations, paragraphs }) => `${fr.plural(translations, 'traduction', 'traductions')} pour ${fr.plural(paragraphs, 'paragraphe', 'paragraphes')}`,
  },
  fileMissing: { en: () => 'the file is missing or unreadable', fr: () => 'le fichier est absent ou illisible' },
  idMismatch: {
    en: ({ id, where, expected }) => `id ${quoted(id, 'en')} does not match ${where === 'folder' ? 'its folder' : 'the lesson'} ${quoted(expected, 'en')}`,
    fr: ({ id, where, expected }) =>
      `l’identifiant ${quoted(id, 'fr')} ne correspond pas ${where === 'folder' ? 'à son dossier' : 'à la leçon'} ${quoted(expected, 'fr')}`,
  },
  titleMissing: { en: () => 'the English title is missing', fr: () => 'le titre anglais manque' },
  summaryMissing: { en: () => 'the summary is missing', fr: () => 'le résumé manque' },
  quizEmpty: { en: () => 'the quiz has no question yet', fr: () => 'le quiz n’a encore aucune question' },
  // A schema path and valibot's issue, or a cross-check between documents: technical, shown as found.
  check: { en: ({ detail }) => detail, fr: ({ detail }) => detail },
};

function wordFacts<U extends { problem: string }>(table: Facts<U>, facts: U, language: InterfaceLanguage): string {
  const wording = table[facts.problem as U['problem']] as Wording<Params> | undefined;
  return wording ? wording[language](facts as unknown as Params) : String(facts.problem);
}

export const wordPackProblem = (facts: PackProblem, language: InterfaceLanguage): string => wordFacts(PACK_PROBLEMS, facts, language);
export const wordDictionaryProblem = (facts: DictionaryProblem, language: InterfaceLanguage): string => wordFacts(DICTIONARY_PROBLEMS, facts, language);
export const wordLessonProblem = (facts: LessonProblemFact, language: InterfaceLanguage): string => wordFacts(LESSON_PROBLEMS, facts, language);

export const ERROR_MESSAGES = {
  // The teacher PIN
  pinAlreadySet: say({
    en: () => 'A teacher PIN is already set on this computer.',
    fr: () => 'Un code enseignant est déjà défini sur cet ordinateur.',
  }),
  noPinYet: say({
    en: () => 'No teacher PIN is set yet. Open the teacher area to set one.',
    fr: () => 'Aucun code enseignant n’est encore défini. Ouvrez l’espace enseignant pour en choisir un.',
  }),
  pinWithoutRecovery: say({
    en: () => 'This PIN was set before recovery codes: open the teacher area with the PIN and change it to get one.',
    fr: () => `Ce code a été défini avant les codes de secours${NB}: ouvrez l’espace enseignant avec le code et changez-le pour en obtenir un.`,
  }),
  wrongRecoveryCode: say({
    en: () => 'That is not the recovery code of this computer.',
    fr: () => 'Ce n’est pas le code de secours de cet ordinateur.',
  }),
  tooManyPins: say<{ seconds: number }>({
    en: ({ seconds }) => `Too many wrong PINs. Wait ${wait(seconds, 'en')} before trying again.`,
    fr: ({ seconds }) => `Trop de codes erronés. Attendez ${wait(seconds, 'fr')} avant de réessayer.`,
  }),
  wrongPinWait: say<{ seconds: number }>({
    en: ({ seconds }) => `Wrong PIN. Too many wrong PINs: wait ${wait(seconds, 'en')} before trying again.`,
    fr: ({ seconds }) => `Code erroné. Trop de codes erronés${NB}: attendez ${wait(seconds, 'fr')} avant de réessayer.`,
  }),
  wrongPin: say<{ left: number }>({
    en: ({ left }) => `Wrong PIN. ${left === 1 ? '1 more try' : `${left} more tries`} before a wait.`,
    fr: ({ left }) => `Code erroné. Encore ${fr.plural(left, 'essai', 'essais')} avant une attente.`,
  }),
  teacherLocked: say({
    en: () => 'The teacher area is locked. Enter the teacher PIN again.',
    fr: () => 'L’espace enseignant est verrouillé. Saisissez de nouveau le code enseignant.',
  }),
  // Learners
  learnerNameTaken: say<{ name: string }>({
    en: ({ name }) => `There is already a learner called “${name}”.`,
    fr: ({ name }) => `Il y a déjà un élève nommé «${NB}${name}${NB}».`,
  }),
  learnerGone: say({ en: () => 'This learner no longer exists.', fr: () => 'Cet élève n’existe plus.' }),
  // Lessons and reading
  noSuchLesson: say<{ lessonId: string }>({
    en: ({ lessonId }) => `There is no lesson "${lessonId}".`,
    fr: ({ lessonId }) => `Il n’y a pas de leçon «${NB}${lessonId}${NB}».`,
  }),
  noSuchVersion: say<{ lessonId: string; version: number }>({
    en: ({ lessonId, version }) => `There is no version ${version} of the lesson "${lessonId}".`,
    fr: ({ lessonId, version }) => `Il n’y a pas de version ${version} de la leçon «${NB}${lessonId}${NB}».`,
  }),
  lessonUnavailable: say({ en: () => 'This lesson cannot be opened.', fr: () => 'Cette leçon ne peut pas être ouverte.' }),
  noQuiz: say({ en: () => 'This lesson has no quiz.', fr: () => 'Cette leçon n’a pas de quiz.' }),
  noQuizToExport: say({ en: () => 'This lesson has no quiz to export.', fr: () => 'Cette leçon n’a pas de quiz à exporter.' }),
  notGlossedWord: say<{ token: number }>({
    en: ({ token }) => `Word ${token} is not a glossed word of this lesson.`,
    fr: ({ token }) => `Le mot ${token} n’est pas un mot glosé de cette leçon.`,
  }),
  wordNotInParagraph: say<{ token: number; paragraph: number }>({
    en: ({ token, paragraph }) => `Word ${token} is not in paragraph ${paragraph}.`,
    fr: ({ token, paragraph }) => `Le mot ${token} n’est pas dans le paragraphe ${paragraph}.`,
  }),
  positionOutside: say({
    en: () => 'That reading position is outside the lesson.',
    fr: () => 'Cette position de lecture est en dehors de la leçon.',
  }),
  // My words and review
  phraseTooShort: say({
    en: () => 'A phrase is two words or more of one sentence.',
    fr: () => 'Une expression compte au moins deux mots d’une même phrase.',
  }),
  phraseTooLong: say<{ max: number }>({
    en: ({ max }) => `A phrase has at most ${max} words.`,
    fr: ({ max }) => `Une expression compte au plus ${max}${NB}mots.`,
  }),
  noWordsToExport: say({ en: () => 'There are no words to export yet.', fr: () => 'Il n’y a encore aucun mot à exporter.' }),
  notAmongWords: say<{ lemma: string }>({
    en: ({ lemma }) => `“${lemma}” is not among this learner’s words.`,
    fr: ({ lemma }) => `«${NB}${lemma}${NB}» ne fait pas partie des mots de cet élève.`,
  }),
  // Quizzes
  nothingToPractise: say({
    en: () => 'This lesson has no words to practise yet.',
    fr: () => 'Cette leçon n’a encore aucun mot à travailler.',
  }),
  attemptFinished: say({
    en: () => 'This attempt is finished. Start a new one to try again.',
    fr: () => 'Cette tentative est terminée. Commencez-en une nouvelle pour réessayer.',
  }),
  attemptFromElsewhere: say({
    en: () => 'This attempt was taken on another computer. Start a new one here.',
    fr: () => 'Cette tentative a été faite sur un autre ordinateur. Commencez-en une nouvelle ici.',
  }),
  questionNotInAttempt: say({
    en: () => 'That question is not part of this attempt.',
    fr: () => 'Cette question ne fait pas partie de cette tentative.',
  }),
  alreadyAnswered: say({ en: () => 'This question was already answered.', fr: () => 'Cette question a déjà reçu une réponse.' }),
  answerDoesNotFit: say<{ detail: string }>({
    en: ({ detail }) => `That answer does not fit the question: ${detail}`,
    fr: ({ detail }) => `Cette réponse ne correspond pas à la question${NB}: ${detail}`,
  }),
  finishFirst: say({
    en: () => 'Finish this attempt before practising its questions again.',
    fr: () => 'Terminez cette tentative avant de vous entraîner de nouveau sur ses questions.',
  }),
  noSuchAttempt: say({
    en: () => 'There is no such quiz attempt for this learner.',
    fr: () => 'Cet élève n’a pas de tentative de quiz de ce genre.',
  }),
  // The teacher's corrections and reports
  alreadyAccepted: say<{ answer: string }>({
    en: ({ answer }) => `« ${answer} » is already accepted for this question.`,
    fr: ({ answer }) => `«${NB}${answer}${NB}» est déjà acceptée pour cette question.`,
  }),
  notAccepted: say<{ answer: string }>({
    en: ({ answer }) => `« ${answer} » is not accepted for this question now.`,
    fr: ({ answer }) => `«${NB}${answer}${NB}» n’est pas acceptée pour cette question en ce moment.`,
  }),
  keepOneAccepted: say({
    en: () => 'A question keeps at least one accepted answer: accept another one first.',
    fr: () => `Une question garde au moins une réponse acceptée${NB}: acceptez-en d’abord une autre.`,
  }),
  noSuchQuestion: say({ en: () => 'This lesson’s quiz has no such question.', fr: () => 'Le quiz de cette leçon n’a pas cette question.' }),
  notTyped: say({
    en: () => 'Only typed answers can be accepted or rejected; this question is answered by choosing.',
    fr: () => `Seules les réponses tapées peuvent être acceptées ou refusées${FINE}; à cette question, on répond en choisissant.`,
  }),
  noSuchOpenAnswer: say({
    en: () => 'There is no such answer to an open question.',
    fr: () => 'Il n’y a pas de telle réponse à une question ouverte.',
  }),
  chooseLearner: say({ en: () => 'Choose a learner for a learner report.', fr: () => 'Choisissez un élève pour le rapport d’un élève.' }),
  learnerReportFormat: say({
    en: () => 'A learner report is exported as PDF or JSON; the attempts spreadsheet holds every answer.',
    fr: () => `Le rapport d’un élève s’exporte en PDF ou en JSON${FINE}; le tableur des tentatives contient toutes les réponses.`,
  }),
  attemptsFileFormat: say({
    en: () => 'The attempts file is a spreadsheet (CSV or xlsx); use the class report for PDF or JSON.',
    fr: () => `Le fichier des tentatives est un tableur (CSV ou xlsx)${FINE}; utilisez le rapport de classe pour le PDF ou le JSON.`,
  }),
  resultsFileRefused: say<{ fileName: string; detail: string }>({
    en: ({ fileName, detail }) => `${fileName}: ${detail}.`,
    fr: ({ fileName, detail }) => `${fileName}${NB}: ${detail}.`,
  }),
  // The teacher's lessons: drafts, publishing, lesson packs
  lessonTooLong: say<{ words: number; max: number }>({
    en: ({ words, max }) => `This text has ${words} words; a lesson has at most ${max}.`,
    fr: ({ words, max }) => `Ce texte compte ${fr.plural(words, 'mot', 'mots')}${FINE}; une leçon en compte au plus ${max}.`,
  }),
  noDraft: say<{ lessonId: string }>({
    en: ({ lessonId }) => `The lesson "${lessonId}" has no draft.`,
    fr: ({ lessonId }) => `La leçon «${NB}${lessonId}${NB}» n’a pas de brouillon.`,
  }),
  draftChanged: say<{ revision: number; given: number }>({
    en: ({ revision, given }) =>
      `This draft was changed elsewhere since you opened it (it is at revision ${revision}, this change was made on ${given}). Reload the draft; nothing was saved.`,
    fr: ({ revision, given }) =>
      `Ce brouillon a été modifié ailleurs depuis que vous l’avez ouvert (il en est à la révision ${revision}, cette modification partait de la ${given}). Rechargez le brouillon${FINE}; rien n’a été enregistré.`,
  }),
  draftChangedBeforePublish: say<{ revision: number }>({
    en: ({ revision }) => `This draft was changed elsewhere since you opened it (revision ${revision}). Reload it before publishing.`,
    fr: ({ revision }) => `Ce brouillon a été modifié ailleurs depuis que vous l’avez ouvert (révision ${revision}). Rechargez-le avant de publier.`,
  }),
  // The first problem is named; the publish panel lists them all.
  notPublishable: say<{ count: number; file: string } & LessonProblemFact>({
    en: ({ count, file, ...first }) =>
      `This lesson cannot be published yet (${en.plural(count, 'problem', 'problems')}): ${file}: ${wordLessonProblem(first, 'en')}${count > 1 ? '; …' : ''}`,
    fr: ({ count, file, ...first }) =>
      `Cette leçon ne peut pas encore être publiée (${fr.plural(count, 'problème', 'problèmes')})${NB}: ${file}${NB}: ${wordLessonProblem(first, 'fr')}${count > 1 ? `${FINE}; …` : ''}`,
  }),
  draftExists: say({
    en: () => 'This lesson already has a draft: open it instead.',
    fr: () => `Cette leçon a déjà un brouillon${NB}: ouvrez-le plutôt.`,
  }),
  noPublishedLesson: say<{ lessonId: string }>({
    en: ({ lessonId }) => `There is no published lesson "${lessonId}".`,
    fr: ({ lessonId }) => `Il n’y a pas de leçon publiée «${NB}${lessonId}${NB}».`,
  }),
  noPublishedVersion: say<{ lessonId: string; version: number }>({
    en: ({ lessonId, version }) => `There is no published version ${version} of the lesson "${lessonId}".`,
    fr: ({ lessonId, version }) => `Il n’y a pas de version ${version} publiée de la leçon «${NB}${lessonId}${NB}».`,
  }),
  builtInUndeletable: say({
    en: () => 'A lesson that comes with Liseuse cannot be deleted.',
    fr: () => 'Une leçon fournie avec Liseuse ne peut pas être supprimée.',
  }),
  notALessonPack: say<{ fileName: string } & PackProblem>({
    en: ({ fileName, ...why }) => `« ${fileName} » is not a lesson pack Liseuse can take: ${wordPackProblem(why, 'en')}. Nothing was imported.`,
    fr: ({ fileName, ...why }) =>
      `«${NB}${fileName}${NB}» n’est pas un paquet de leçon que Liseuse peut prendre${NB}: ${wordPackProblem(why, 'fr')}. Rien n’a été importé.`,
  }),
  // The pack's first problem is named (`count` in all).
  packLessonInvalid: say<{ fileName: string; count: number; file: string } & LessonProblemFact>({
    en: ({ fileName, count, file, ...first }) =>
      `« ${fileName} » holds a lesson that does not pass the checks (${file}: ${wordLessonProblem(first, 'en')}${count > 1 ? `; and ${en.plural(count - 1, 'more', 'more')}` : ''}). Nothing was imported.`,
    fr: ({ fileName, count, file, ...first }) =>
      `«${NB}${fileName}${NB}» contient une leçon qui ne passe pas les vérifications (${file}${NB}: ${wordLessonProblem(first, 'fr')}${count > 1 ? `${FINE}; et ${fr.plural(count - 1, 'autre', 'autres')}` : ''}). Rien n’a été importé.`,
  }),
  noSuchPart: say<{ lessonId: string; part: number }>({
    en: ({ lessonId, part }) => `Lesson "${lessonId}" has no part ${part}.`,
    fr: ({ lessonId, part }) => `La leçon «${NB}${lessonId}${NB}» n’a pas de partie ${part}.`,
  }),
  // The dictionary
  dictionaryMissing: say<{ file: string }>({
    en: ({ file }) => `The French–English dictionary is missing (${file}); reinstall Liseuse to get it back.`,
    fr: ({ file }) => `Le dictionnaire français-anglais est introuvable (${file})${FINE}; réinstallez Liseuse pour le retrouver.`,
  }),
  dictionaryDamaged: say<{ file: string } & DictionaryProblem>({
    en: ({ file, ...why }) => `The French–English dictionary (${file}) is damaged: ${wordDictionaryProblem(why, 'en')}.`,
    fr: ({ file, ...why }) => `Le dictionnaire français-anglais (${file}) est endommagé${NB}: ${wordDictionaryProblem(why, 'fr')}.`,
  }),
  // Opening a file as a lesson's text
  fileUnsupported: say<{ fileName: string; extensions: string }>({
    en: ({ fileName, extensions }) => `Liseuse cannot open “${fileName}”: it opens ${extensions} files. Save the text in one of those, or paste it.`,
    fr: ({ fileName, extensions }) =>
      `Liseuse ne peut pas ouvrir «${NB}${fileName}${NB}»${NB}: elle ouvre les fichiers ${extensions}. Enregistrez le texte dans l’un de ces formats, ou collez-le.`,
  }),
  fileEmpty: say<{ fileName: string }>({
    en: ({ fileName }) => `“${fileName}” has no text in it.`,
    fr: ({ fileName }) => `«${NB}${fileName}${NB}» ne contient aucun texte.`,
  }),
  fileBinary: say<{ fileName: string }>({
    en: ({ fileName }) => `“${fileName}” is not a text file (it holds binary data). Open the document in the program that made it and save it as text.`,
    fr: ({ fileName }) =>
      `«${NB}${fileName}${NB}» n’est pas un fichier texte (il contient des données binaires). Ouvrez le document dans le programme qui l’a créé et enregistrez-le en texte.`,
  }),
  fileTooLarge: say<{ fileName: string; bytes: number }>({
    en: ({ fileName, bytes }) => `“${fileName}” is too large (${megabytes(bytes)}). ${importLimits('en')}.`,
    fr: ({ fileName, bytes }) => `«${NB}${fileName}${NB}» est trop volumineux (${megaoctets(bytes)}). ${importLimits('fr')}.`,
  }),
  fileTooLong: say<{ fileName: string; words: number }>({
    en: ({ fileName, words }) =>
      `“${fileName}” is too long (${words.toLocaleString('en-GB')} words). ${importLimits('en')}: choose fewer chapters, or split the text.`,
    fr: ({ fileName, words }) =>
      `«${NB}${fileName}${NB}» est trop long (${fr.plural(words, 'mot', 'mots')}). ${importLimits('fr')}${NB}: choisissez moins de chapitres, ou coupez le texte.`,
  }),
  fileDamaged: say<{ fileName: string; detail: string }>({
    en: ({ fileName, detail }) => `Liseuse cannot read “${fileName}”: ${detail}`,
    fr: ({ fileName, detail }) => `Liseuse ne peut pas lire «${NB}${fileName}${NB}»${NB}: ${detail}`,
  }),
  noSuchChapters: say<{ fileName: string; count: number }>({
    en: ({ fileName, count }) => `“${fileName}” has chapters 1 to ${count}: choose among those.`,
    fr: ({ fileName, count }) => `«${NB}${fileName}${NB}» a les chapitres 1 à ${count}${NB}: choisissez parmi ceux-là.`,
  }),
  fileEncrypted: say<{ fileName: string }>({
    en: ({ fileName }) => `“${fileName}” is protected by a password (an encrypted PDF). Save a copy without the password, then open that.`,
    fr: ({ fileName }) =>
      `«${NB}${fileName}${NB}» est protégé par un mot de passe (un PDF chiffré). Enregistrez-en une copie sans mot de passe, puis ouvrez celle-ci.`,
  }),
  fileNoText: say<{ fileName: string }>({
    en: ({ fileName }) =>
      `“${fileName}” has no text layer: it looks like a scanned PDF (pictures of pages). Liseuse needs the text itself; run it through text recognition (OCR) first, or paste the text.`,
    fr: ({ fileName }) =>
      `«${NB}${fileName}${NB}» n’a pas de couche de texte${NB}: il ressemble à un PDF numérisé (des images de pages). Liseuse a besoin du texte lui-même${FINE}; passez-le d’abord par une reconnaissance de caractères (OCR), ou collez le texte.`,
  }),
  fileReadCancelled: say<{ fileName: string }>({
    en: ({ fileName }) => `Reading “${fileName}” was cancelled; nothing was kept.`,
    fr: ({ fileName }) => `La lecture de «${NB}${fileName}${NB}» a été annulée${FINE}; rien n’a été gardé.`,
  }),
  // The school's LRS
  lrsSecretNeeded: say({
    en: () => 'Give the password or secret the LRS gave you.',
    fr: () => 'Donnez le mot de passe ou le secret que le LRS vous a fourni.',
  }),
  lrsNotSet: say({
    en: () => 'Save the LRS address and credentials first.',
    fr: () => 'Enregistrez d’abord l’adresse et les identifiants du LRS.',
  }),
  /** A class report read from the LRS: nothing is shown unless every page was read. */
  lrsReadFailed: say<{ page: number; kind: string; detail: string }>({
    en: ({ page, kind, detail }) =>
      kind === 'offline'
        ? 'The school’s LRS could not be reached, so no report from it is shown. Check the network and the LRS address, then try again.'
        : kind === 'unauthorized'
          ? 'The school’s LRS refused the user name or password, so no report from it is shown. Check them in the LRS settings.'
          : kind === 'too-large'
            ? `The school’s LRS holds more statements about this lesson than Liseuse reads for one report (it stopped at page ${page}), so no report from it is shown.`
            : `Reading the statements from the school’s LRS failed at page ${page}, so no report from it is shown. The LRS said: ${detail}`,
    fr: ({ page, kind, detail }) =>
      kind === 'offline'
        ? `Le LRS de l’établissement est injoignable${NB}: aucun rapport n’en est affiché. Vérifiez le réseau et l’adresse du LRS, puis réessayez.`
        : kind === 'unauthorized'
          ? `Le LRS de l’établissement a refusé le nom d’utilisateur ou le mot de passe${NB}: aucun rapport n’en est affiché. Vérifiez-les dans les réglages du LRS.`
          : kind === 'too-large'
            ? `Le LRS de l’établissement contient plus de déclarations sur cette leçon que Liseuse n’en lit pour un rapport (arrêt à la page ${page})${NB}: aucun rapport n’en est affiché.`
            : `La lecture des déclarations du LRS de l’établissement a échoué à la page ${page}${NB}: aucun rapport n’en est affiché. Le LRS a répondu${NB}: ${detail}`,
  }),
  // The disk and the database
  dataFolderReadonly: say<{ path: string }>({
    en: ({ path }) => `Liseuse cannot write its data folder (${path}). Check that it is writable.`,
    fr: ({ path }) => `Liseuse ne peut pas écrire dans son dossier de données (${path}). Vérifiez qu’il est accessible en écriture.`,
  }),
  databaseDamaged: say<{ file: string }>({
    en: ({ file }) => `The learner database is damaged (${file}).`,
    fr: ({ file }) => `La base de données des élèves est endommagée (${file}).`,
  }),
  diskFull: say({
    en: () => 'The disk is full: Liseuse could not save. Free some space and try again.',
    fr: () => `Le disque est plein${NB}: Liseuse n’a pas pu enregistrer. Libérez de la place et réessayez.`,
  }),
  databaseUnusable: say<{ detail: string }>({
    en: ({ detail }) => `The learner database could not be used: ${detail}`,
    fr: ({ detail }) => `La base de données des élèves n’a pas pu être utilisée${NB}: ${detail}`,
  }),
  databaseTooNew: say<{ version: number; latest: number }>({
    en: ({ version, latest }) =>
      `This data was saved by a newer version of Liseuse (schema ${version}; this version knows ${latest}). Update Liseuse to open it. Nothing was changed.`,
    fr: ({ version, latest }) =>
      `Ces données ont été enregistrées par une version plus récente de Liseuse (schéma ${version}${FINE}; cette version connaît le ${latest}). Mettez Liseuse à jour pour les ouvrir. Rien n’a été modifié.`,
  }),
  // Anything else
  unexpected: say({ en: () => 'Something went wrong. Please try again.', fr: () => 'Un problème est survenu. Veuillez réessayer.' }),
  internal: say({
    en: () => 'Something went wrong inside Liseuse. Nothing you saved earlier was lost; please try again.',
    fr: () => `Un problème est survenu dans Liseuse. Rien de ce que vous aviez enregistré n’est perdu${FINE}; veuillez réessayer.`,
  }),
  backendUnreachable: say({
    en: () => 'Liseuse lost contact with its data service. If you closed it, start Liseuse again, then reload this page.',
    fr: () => `Liseuse a perdu le contact avec son service de données. Si vous l’avez fermé, relancez Liseuse, puis rechargez cette page.`,
  }),
};

export type ErrorReason = keyof typeof ERROR_MESSAGES;
export type ReasonParams<K extends ErrorReason> = Parameters<(typeof ERROR_MESSAGES)[K]['en']>[0];

/** Why the backend refused, in a form any language can word: a key of ERROR_MESSAGES and its parameters. */
export interface ErrorReasonShape {
  key: ErrorReason;
  params: Params;
}

export function isErrorReason(value: unknown): value is ErrorReasonShape {
  if (typeof value !== 'object' || value === null) return false;
  const { key, params } = value as Partial<ErrorReasonShape>;
  return (
    typeof key === 'string' &&
    Object.hasOwn(ERROR_MESSAGES, key) &&
    typeof params === 'object' &&
    params !== null &&
    Object.values(params).every((param) => typeof param === 'string' || typeof param === 'number')
  );
}

/** The reason in words, in `language`. */
export function wordReason(reason: ErrorReasonShape, language: InterfaceLanguage): string {
  const wording = ERROR_MESSAGES[reason.key] as Wording<Params>;
  return wording[language](reason.params);
}
