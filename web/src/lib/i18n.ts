// The web app's languages: i18next with one JSON catalog per feature
// (src/locales/<language>/<namespace>.json), English the source and fallback.
// How to add a string, a namespace or a language: docs/i18n.md.
//
// English is bundled (it is the fallback every missing key resolves to); every
// other language is its own chunk, fetched only when someone uses it.
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from '@/locales/en';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's own name, for a language switcher (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };

export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
    returnNull: false;
  }
}

type Catalog = Record<Namespace, object>;
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ ru: Catalog }>> = {
  ru: () => import('@/locales/ru'),
};

const STORAGE_KEY = 'textura.locale';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** "ru-RU" → ru, "en_US" → en, anything else (or nothing) → English. */
export function toLanguage(value: string | null | undefined): Language {
  const base = value?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}

/** The first of the browser's languages that we have, else English. */
export function browserLanguage(): Language {
  const wanted = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of wanted) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/** The language chosen on this device (e.g. on the sign-in page), else the browser's. */
export function rememberedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be unavailable (private mode); the browser's language still works.
  }
  return browserLanguage();
}

function remember(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered on this device; the profile still carries it once signed in.
  }
}

async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'common')) return;
  const catalog = (await loaders[language]())[language];
  for (const [ns, resources] of Object.entries(catalog)) {
    i18next.addResourceBundle(language, ns, resources, true, true);
  }
}

function applyToDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Starts i18next in `language` (default: the remembered or browser language).
 * Resolves once that language's catalog is loaded, so the first render is
 * already in the right language. Idempotent.
 */
export async function initI18n(language: Language = rememberedLanguage()): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    i18next.on('languageChanged', applyToDocument);
    await i18next.use(initReactI18next).init({
      resources: { en },
      partialBundledLanguages: true,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: LANGUAGES,
      load: 'languageOnly',
      ns: NAMESPACES,
      defaultNS: 'common',
      fallbackNS: 'common',
      initAsync: false,
      // A missing or empty translation shows the English text, never the key.
      returnEmptyString: false,
      interpolation: { escapeValue: false }, // React escapes already
      react: { useSuspense: false },
    });
    applyToDocument(DEFAULT_LANGUAGE);
  }
  await setLanguage(language, { remember: false });
  return i18next;
}

/**
 * Switches the whole app to `language` at once, without a reload (an unknown
 * value means English). `remember` keeps the choice on this device for the
 * next visit before sign-in.
 */
export async function setLanguage(
  language: string | null | undefined,
  { remember: keep = true }: { remember?: boolean } = {},
): Promise<void> {
  const next = toLanguage(language);
  if (keep) remember(next);
  await ensureLoaded(next);
  if (i18next.language !== next) await i18next.changeLanguage(next);
}

export function currentLanguage(): Language {
  return toLanguage(i18next.resolvedLanguage ?? i18next.language);
}

export { i18next as i18n, useTranslation };
export { Trans } from 'react-i18next';
