// xAPI statements for every learning event (pure): the profile's IRIs, the interaction mapping and the builders.
export * from './profile';
export * from './statements';
export type * from './types';
export { answerFromResponse, interactionDefinition, interactionResponse } from './interactions';
