// The interface language now on screen. One rune field, read by the `strings` proxy, so every string a component
// shows is re-read when it changes: switching takes effect at once, with no restart and no prop threading.
import { INTERFACE_LANGUAGES as LANGUAGES, type InterfaceLanguage as Language } from '../../../shared/contract/fields';

export { LANGUAGES, type Language };

/** Each language named in itself, so a learner who cannot read the current one still finds their own. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

/** The language the system asks for, when it is one the interface has; English otherwise. */
export function systemLanguage(preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base ?? '')) return base as Language;
  }
  return 'en';
}

class Locale {
  current = $state<Language>(systemLanguage());

  /** Shows the interface in `language` and tells assistive technology and the browser (`<html lang>`). */
  set(language: Language): void {
    this.current = language;
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }
}

export const locale = new Locale();
