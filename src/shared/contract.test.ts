import { describe, expect, it } from 'vitest';
import { contract, isCallName } from './contract';
import { appCalls } from './contract/app';
import { authoringCalls } from './contract/authoring';
import type { Call } from './contract/call';
import { CALL_NAMES } from './contract/call-names';
import { learnerCalls } from './contract/learners';
import { lessonCalls } from './contract/lessons';
import { lrsCalls } from './contract/lrs';
import { openAnswerCalls } from './contract/open-answers';
import { lmsCalls } from './contract/lms';
import { progressCalls } from './contract/progress';
import { quizCalls } from './contract/quiz';
import { readingCalls } from './contract/reading';
import { reportCalls } from './contract/reports';
import { resultCalls } from './contract/results';
import { reviewCalls } from './contract/review';
import { teacherCalls } from './contract/teacher';

const DOMAINS = { appCalls, learnerCalls, lessonCalls, readingCalls, quizCalls, teacherCalls, progressCalls, reviewCalls, reportCalls, resultCalls, openAnswerCalls, lmsCalls, authoringCalls, lrsCalls };
const entries = Object.entries(contract) as [string, Call][];

describe('the contract table', () => {
  it('the preload’s list of call names is exactly the table’s names, in its order', () => {
    expect([...CALL_NAMES]).toEqual(Object.keys(contract));
  });

  it('merges every domain’s calls, and no two domains declare the same name', () => {
    const declared = Object.values(DOMAINS).flatMap((slice) => Object.keys(slice));
    expect(new Set(declared).size).toBe(declared.length);
    expect(declared.sort()).toEqual(Object.keys(contract).sort());
  });

  it('every teacher-guarded call’s schema has a teacherToken field, and the calls behind the PIN are guarded', () => {
    const guarded = entries.filter(([, call]) => call.guard === 'teacher');
    for (const [name, call] of guarded) {
      expect((call.input as unknown as { entries?: Record<string, unknown> }).entries, name).toHaveProperty('teacherToken');
    }
    expect(guarded.map(([name]) => name).sort()).toEqual(
      ['authoring:readFile', 'authoring:list', 'authoring:create', 'authoring:get', 'authoring:glosses', 'authoring:draftQuestions', 'authoring:saveDetails', 'authoring:saveGlosses', 'authoring:saveTranslations', 'authoring:saveQuiz', 'authoring:validate', 'authoring:publish', 'authoring:editPublished', 'authoring:archive', 'authoring:exportPack', 'authoring:importPack', 'learners:delete', 'lrs:forget', 'lrs:queue', 'lrs:save', 'lrs:settings', 'lrs:syncNow', 'lrs:test', 'lms:exportQuiz', 'lms:exportSettings', 'lms:setExportSettings', 'openAnswers:grade', 'openAnswers:list', 'quiz:glossSettings', 'quiz:setGlosses', 'reports:class', 'reports:classFromLrs', 'reports:decideAnswer', 'reports:export', 'reports:learner', 'reports:responses', 'results:import', 'teacher:changePin', 'teacher:info', 'teacher:setLanguage'].sort(),
    );
  });

  it('knows its own names and nothing from Object.prototype', () => {
    expect(isCallName('learners:create')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'learners:destroy', 42, undefined]) expect(isCallName(name)).toBe(false);
  });
});
