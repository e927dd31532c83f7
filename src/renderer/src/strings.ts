// Every user-visible string of the interface, in the language chosen now. Components read `strings.section.key`
// as before; the proxy looks the key up in the current language's table at the moment it is read, so a component
// that keeps `const S = strings.reader` still shows French once French is chosen.
import { en, type Strings } from './i18n/en';
import { fr } from './i18n/fr';
import { locale, type Language } from './i18n/locale.svelte';

export type { Strings };
export { counted } from './i18n/plural';

const TABLES: Record<Language, Strings> = { en, fr };

/** The table of one language, for code that must name a language explicitly (tests, exports). */
export function stringsIn(language: Language): Strings {
  return TABLES[language];
}

function lookUp(path: readonly PropertyKey[]): unknown {
  let value: unknown = TABLES[locale.current];
  for (const key of path) value = (value as Record<PropertyKey, unknown>)?.[key];
  return value;
}

function isSection(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const sections = new Map<string, object>();

/** A live view of one section of the tables: every read goes to the current language. */
function section(path: readonly PropertyKey[]): object {
  const id = path.map(String).join('.');
  let view = sections.get(id);
  if (view) return view;
  view = new Proxy(
    {},
    {
      get(_, key) {
        const value = lookUp([...path, key]);
        return isSection(value) ? section([...path, key]) : value;
      },
      has: (_, key) => key in (lookUp(path) as object),
      ownKeys: () => Reflect.ownKeys(lookUp(path) as object),
      getOwnPropertyDescriptor(_, key) {
        const table = lookUp(path) as object;
        if (!Object.prototype.hasOwnProperty.call(table, key)) return undefined;
        const value = lookUp([...path, key]);
        return { value: isSection(value) ? section([...path, key]) : value, enumerable: true, configurable: true, writable: false };
      },
    },
  );
  sections.set(id, view);
  return view;
}

export const strings = section([]) as Strings;
