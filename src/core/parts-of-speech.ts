// The parts of speech a gloss may name, as stored (English machine keys; the interface words them in its own
// language). Their own file so the lesson schema and the gloss formatting both read them without importing each other.
export const PARTS_OF_SPEECH = [
  'noun',
  'proper noun',
  'verb',
  'auxiliary',
  'adjective',
  'adverb',
  'article',
  'determiner',
  'pronoun',
  'preposition',
  'conjunction',
  'number',
  'interjection',
  'abbreviation',
] as const;
