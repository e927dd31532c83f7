// Turns a gloss's grammar into the short English lines the gloss card shows, so components only lay them out.
import type { Gloss } from './lesson';

const GENDER = { m: 'masculine', f: 'feminine' } as const;
const NUMBER = { sg: 'singular', pl: 'plural' } as const;
const PERSON = { 1: '1st person', 2: '2nd person', 3: '3rd person' } as const;

/**
 * "noun, masculine singular" / "verb: passé composé, indicative, 3rd person singular (a retenu)" /
 * "verb: past participle (passive sense), feminine plural": a participle standing alone agrees like an adjective.
 */
export function grammarLine(gloss: Gloss): string {
  const agreement = [gloss.gender ? GENDER[gloss.gender] : '', gloss.number ? NUMBER[gloss.number] : ''].filter(Boolean).join(' ');
  if (gloss.verb) {
    const { tense, mood, person, number, group } = gloss.verb;
    const who = mood === 'participle' && !person ? agreement : [person ? PERSON[person] : '', number ? NUMBER[number] : ''].filter(Boolean).join(' ');
    const parts = [tense, mood === 'indicative' || tense.includes(mood) ? '' : mood, who].filter(Boolean);
    return `${gloss.pos}: ${parts.join(', ')}${group ? ` (${group})` : ''}`;
  }
  return agreement ? `${gloss.pos}, ${agreement}` : gloss.pos;
}

/**
 * A sense short enough for a quiz option: its first part (up to a semicolon), without remarks in brackets.
 * Empty when the sense is only a remark (a word that means something only as part of an expression).
 */
export function optionSense(sense: string): string {
  const head = sense.split(';')[0] ?? '';
  return head
    .replace(/\([^)]*\)?/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/\s+([,.])/gu, '$1')
    .replace(/^[\s,.:]+|[\s,.:]+$/gu, '');
}

/**
 * The shortest useful sense, for glosses printed under the words: the first alternative of the option-sized
 * sense, without quoted French either.
 */
export function shortSense(sense: string): string {
  const bare = optionSense(sense).replace(/«[^»]*»?/g, ' ');
  return (bare.split(/[,/:]/)[0] ?? '').replace(/\s+/g, ' ').trim();
}
