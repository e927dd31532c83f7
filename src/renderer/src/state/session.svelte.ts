// Who is reading, what they are looking at, and their reader settings: the app-wide state.
import { api as appApi } from '../lib/api';
import { attempt } from '../lib/attempt';
import type { Api } from '../../../shared/contract';
import { DEFAULT_SETTINGS, type ReaderSettings } from '../../../shared/contract/reading';
import type { LessonLibrary } from '../../../shared/contract/lessons';
import type { InterfaceLanguage } from '../../../shared/contract/fields';
import type { Learner } from '../../../shared/types';
import { systemLanguage } from '../i18n/locale.svelte';

/** Where a learner was in a quiz: the attempt and the question on screen. */
export interface QuizPlace {
  attemptId: string;
  questionId: string;
}

export type Screen =
  | { name: 'library' }
  /** `highlight` marks a sentence (offsets in the lesson text), e.g. the evidence of a quiz answer. */
  | { name: 'reader'; lessonId: string; highlight?: { start: number; end: number }; returnTo?: QuizPlace }
  /** `questionId`: the question to reopen (with its feedback), when coming back from the text. */
  | { name: 'quiz'; lessonId: string; attemptId: string; questionId?: string }
  | { name: 'progress' }
  | { name: 'words' }
  | { name: 'review' }
  | { name: 'teacher' };

export class SessionState {
  learners = $state<Learner[]>([]);
  current = $state<Learner | null>(null);
  library = $state<LessonLibrary>({ lessons: [], problems: [] });
  settings = $state<ReaderSettings>({ ...DEFAULT_SETTINGS });
  screen = $state<Screen>({ name: 'library' });
  ready = $state(false);
  /** The last failure, worded for the user; shown in an alert until dismissed. */
  error = $state<string | null>(null);
  /** What happened to the data before this start (a damaged database restored), until the user dismisses it. */
  notice = $state<string | null>(null);
  /** This computer's interface language, chosen in the teacher area; null: the system's. */
  computerLanguage = $state<InterfaceLanguage | null>(null);
  /** The language of the screen on show: the learner's own choice on their screens, else this computer's. */
  readonly language = $derived<InterfaceLanguage>(
    (this.current && this.screen.name !== 'teacher' ? this.settings.language : undefined) ?? this.computerLanguage ?? systemLanguage(),
  );

  constructor(private readonly api: Api = appApi) {}

  async init(): Promise<void> {
    await this.guard(async () => {
      const [learners, current, library, info] = await Promise.all([
        this.api['learners:list'](),
        this.api['learners:current'](),
        this.api['lessons:list'](),
        this.api['app:info'](),
      ]);
      this.notice = info.notice?.message ?? null;
      this.computerLanguage = info.language;
      this.learners = learners;
      this.library = library;
      if (current) await this.applyLearner(current);
    });
    this.ready = true;
  }

  async createLearner(name: string): Promise<Learner | null> {
    return this.guard(async () => {
      const learner = await this.api['learners:create']({ name });
      this.learners = await this.api['learners:list']();
      await this.chooseLearner(learner.id);
      return learner;
    });
  }

  async chooseLearner(learnerId: string): Promise<void> {
    await this.guard(async () => this.applyLearner(await this.api['learners:choose']({ learnerId })));
  }

  private async applyLearner(learner: Learner): Promise<void> {
    this.settings = await this.api['settings:get']({ learnerId: learner.id });
    this.current = learner;
  }

  async updateSettings(patch: Partial<ReaderSettings>): Promise<void> {
    const learner = this.current;
    if (!learner) return;
    const next = { ...this.settings, ...patch };
    this.settings = next;
    await this.guard(async () => {
      this.settings = await this.api['settings:set']({ learnerId: learner.id, settings: next });
    });
  }

  open(screen: Screen): void {
    this.screen = screen;
  }

  /** Runs a backend step; a failure becomes a message for the user instead of an exception. */
  async guard<T>(step: () => Promise<T>): Promise<T | null> {
    const outcome = await attempt(step);
    this.error = outcome.ok ? null : outcome.message;
    return outcome.ok ? outcome.value : null;
  }
}

export const session = new SessionState();
