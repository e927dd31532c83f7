// The parts of an xAPI 1.0.3 statement Liseuse writes (a subset of the spec's shapes, typed for the builders).

export type LanguageMap = Record<string, string>;

export interface Account {
  homePage: string;
  name: string;
}

export interface Agent {
  objectType: 'Agent';
  account: Account;
  /** Only when the teacher turns names on. */
  name?: string;
}

export interface InteractionComponent {
  id: string;
  description: LanguageMap;
}

export interface ActivityDefinition {
  type: string;
  name?: LanguageMap;
  description?: LanguageMap;
  interactionType?: 'choice' | 'fill-in' | 'long-fill-in' | 'matching' | 'sequencing' | 'true-false';
  correctResponsesPattern?: string[];
  choices?: InteractionComponent[];
  source?: InteractionComponent[];
  target?: InteractionComponent[];
}

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition: ActivityDefinition;
}

export interface StatementRef {
  objectType: 'StatementRef';
  id: string;
}

export interface Result {
  score?: { scaled: number; raw: number; min: number; max: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration. */
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface Context {
  registration?: string;
  contextActivities?: { parent?: Activity[]; grouping?: Activity[]; category?: Activity[] };
  language?: string;
  statement?: StatementRef;
  extensions?: Record<string, unknown>;
  platform?: string;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: Activity | StatementRef;
  result?: Result;
  context?: Context;
  timestamp: string;
  version: string;
}
