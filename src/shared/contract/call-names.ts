// Every call's name and nothing else: what the sandboxed preload bridges, without bundling the schemas. The
// compiler keeps it equal to the contract's names (satisfies: no unknown name; the check below: none missing).
import type { CallName } from './index';

export const CALL_NAMES = [
  'app:info',
  'learners:list',
  'learners:create',
  'learners:choose',
  'learners:current',
  'learners:rename',
  'learners:delete',
  'lessons:list',
  'lessons:get',
  'reading:state',
  'reading:lookup',
  'reading:setStatus',
  'reading:savePosition',
  'reading:addTime',
  'settings:get',
  'settings:set',
  'quiz:overview',
  'quiz:start',
  'quiz:attempt',
  'quiz:answer',
  'teacher:status',
  'teacher:setPin',
  'teacher:unlock',
  'teacher:lock',
  'teacher:recover',
  'teacher:changePin',
  'teacher:overview',
  'teacher:info',
  'progress:get',
  'review:summary',
  'review:words',
  'review:queue',
  'review:addPhrase',
  'review:grade',
  'reports:class',
  'reports:learner',
  'reports:export',
  'results:export',
  'results:import',
] as const satisfies readonly CallName[];

type Missing = Exclude<CallName, (typeof CALL_NAMES)[number]>;
/** Fails to compile, naming the call, when the contract has a call this list lacks. */
const _noneMissing: [Missing] extends [never] ? true : Missing = true;
