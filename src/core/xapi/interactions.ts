// A quiz question as an xAPI interaction activity (type, correct-responses pattern, choices) and a learner's
// answer as the interaction's response string, in the formats of the xAPI spec's "Interaction Activities".
import type { Answer } from '../grading';
import type { Option, Question } from '../quiz';
import type { ActivityDefinition, InteractionComponent, LanguageMap } from './types';
import { ACTIVITY_TYPES } from './profile';

const ITEM = '[,]';
const PAIR = '[.]';

const components = (options: readonly Option[], lang: string): InteractionComponent[] =>
  options.map((o) => ({ id: o.id, description: { [lang]: o.text } }));

/** Every accepted typed answer is a full pattern of its own; spelling of accents is Liseuse's rule, not xAPI's. */
const fillInPatterns = (accepted: readonly string[]): string[] => accepted.map((text) => `{case_matters=false}${text}`);

export function interactionDefinition(question: Question): ActivityDefinition {
  const description: LanguageMap = { [question.promptLang]: question.prompt };
  const base = { type: ACTIVITY_TYPES.question, description };
  switch (question.type) {
    case 'single':
      return { ...base, interactionType: 'choice', correctResponsesPattern: [question.correct], choices: components(question.options, question.optionLang) };
    case 'multiple':
      return { ...base, interactionType: 'choice', correctResponsesPattern: [question.correct.join(ITEM)], choices: components(question.options, question.optionLang) };
    case 'true-false':
      return { ...base, interactionType: 'true-false', correctResponsesPattern: [String(question.correct)] };
    case 'short-answer':
      return { ...base, interactionType: 'fill-in', correctResponsesPattern: fillInPatterns(question.accepted) };
    case 'cloze':
      return question.mode === 'typed'
        ? { ...base, interactionType: 'fill-in', correctResponsesPattern: fillInPatterns(question.accepted) }
        : { ...base, interactionType: 'choice', correctResponsesPattern: [question.correct], choices: components(question.options, question.optionLang) };
    case 'matching':
      // Source and target ids are both the pair ids: "p1[.]p2" is "p1's left side matched to p2's right side".
      return {
        ...base,
        interactionType: 'matching',
        correctResponsesPattern: [question.pairs.map((p) => `${p.id}${PAIR}${p.id}`).join(ITEM)],
        source: question.pairs.map((p) => ({ id: p.id, description: { [question.leftLang]: p.left } })),
        target: question.pairs.map((p) => ({ id: p.id, description: { [question.rightLang]: p.right } })),
      };
    case 'ordering':
      return {
        ...base,
        interactionType: 'sequencing',
        correctResponsesPattern: [question.items.map((i) => i.id).join(ITEM)],
        choices: question.items.map((i) => ({ id: i.id, description: { [question.itemLang]: i.text } })),
      };
    case 'open':
      // An essay has no correct response; the teacher grades it.
      return { ...base, interactionType: 'long-fill-in' };
  }
}

export function interactionResponse(answer: Answer): string {
  switch (answer.type) {
    case 'single':
      return answer.choice;
    case 'multiple':
      return answer.choices.join(ITEM);
    case 'true-false':
      return String(answer.value);
    case 'short-answer':
    case 'open':
      return answer.text;
    case 'cloze':
      return answer.mode === 'typed' ? answer.text : answer.choice;
    case 'matching':
      return Object.entries(answer.pairs)
        .map(([left, right]) => `${left}${PAIR}${right}`)
        .join(ITEM);
    case 'ordering':
      return answer.order.join(ITEM);
  }
}

/**
 * The inverse of interactionResponse: the Answer a response string stands for, read against the question it
 * answers (a choice response means a single, multiple or choice-cloze answer according to the question), or
 * undefined when the response cannot be one of that question's answers. Ids never contain "[,]" or "[.]" (they are
 * kebab-case), so splitting is exact; typed text is taken whole. The caller still validates the Answer with
 * AnswerSchema and grades it: this only undoes the encoding.
 */
export function answerFromResponse(question: Question, response: string): Answer | undefined {
  const items = (text: string): string[] => (text === '' ? [] : text.split(ITEM));
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: response };
    case 'multiple':
      return { type: 'multiple', choices: items(response) };
    case 'true-false':
      return response === 'true' ? { type: 'true-false', value: true } : response === 'false' ? { type: 'true-false', value: false } : undefined;
    case 'short-answer':
      return { type: 'short-answer', text: response };
    case 'open':
      return { type: 'open', text: response };
    case 'cloze':
      return question.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: response } : { type: 'cloze', mode: 'choice', choice: response };
    case 'matching': {
      // A Map, then own properties: a hostile "__proto__[.]x" must not reach an object's prototype.
      const pairs = new Map<string, string>();
      for (const item of items(response)) {
        const [left, right, ...rest] = item.split(PAIR);
        if (left === undefined || right === undefined || rest.length || pairs.has(left)) return undefined;
        pairs.set(left, right);
      }
      return { type: 'matching', pairs: Object.fromEntries(pairs) };
    }
    case 'ordering':
      return { type: 'ordering', order: items(response) };
  }
}
