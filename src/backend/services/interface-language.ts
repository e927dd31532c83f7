// The interface language chosen for this computer in the teacher area: its teacher area, its exports, and every
// learner who has not chosen one. Kept in app_state; a value this version does not know reads as "not chosen".
import * as v from 'valibot';
import { Language, type InterfaceLanguage } from '../../shared/contract/fields';
import type { AppStateRepository } from '../db/repositories/learners';

const KEY = 'interface_language';

export class InterfaceLanguageService {
  constructor(private readonly appState: AppStateRepository) {}

  /** null until the teacher chooses: the renderer then follows the system's language. */
  current(): InterfaceLanguage | null {
    const parsed = v.safeParse(Language, this.appState.get(KEY));
    return parsed.success ? parsed.output : null;
  }

  set(language: InterfaceLanguage): null {
    this.appState.set(KEY, language);
    return null;
  }
}
