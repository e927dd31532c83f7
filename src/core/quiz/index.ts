// A lesson's comprehension quiz: the schema of quiz.json, the loaded question types, and the loader.
export * from './schema';
export type * from './types';
export { locateEvidence } from './evidence';
export { loadQuiz } from './load';
