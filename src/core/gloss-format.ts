// Turns a gloss's grammar into the short English lines the gloss card shows, so components only lay them out.
import type { Gloss } from './lesson';

const GENDER = { m: 'masculine', f: 'feminine' } as const;
const NUMBER = { sg: 'singular', pl: 'plural' } as const;
const PERSON = { 1: '1st person', 2: '2nd person', 3: '3rd person' } as const;

/** "noun, masculine singular" / "verb: passé composé, indicative, 3rd person singular (a retenu)". */
export function grammarLine(gloss: Gloss): string {
  if (gloss.verb) {
    const { tense, mood, person, number, group } = gloss.verb;
    const who = [person ? PERSON[person] : '', number ? NUMBER[number] : ''].filter(Boolean).join(' ');
    const parts = [tense, mood === 'indicative' || tense.includes(mood) ? '' : mood, who].filter(Boolean);
    return `${gloss.pos}: ${parts.join(', ')}${group ? ` (${group})` : ''}`;
  }
  const agreement = [gloss.gender ? GENDER[gloss.gender] : '', gloss.number ? NUMBER[gloss.number] : ''].filter(Boolean).join(' ');
  return agreement ? `${gloss.pos}, ${agreement}` : gloss.pos;
}

/**
 * The shortest useful sense, for glosses printed under the words: the first alternative, without remarks in
 * brackets. Empty when the sense is only a remark (a word that means something only as part of an expression).
 */
export function shortSense(sense: string): string {
  const bare = sense.replace(/\([^)]*\)?/g, ' ').replace(/«[^»]*»?/g, ' ');
  return (bare.split(/[;,/:]/)[0] ?? '').replace(/\s+/g, ' ').trim();
}
