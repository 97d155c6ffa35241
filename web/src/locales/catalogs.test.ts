// Every language has every key English has (and no stale ones), every Russian
// plural has all its forms, and a translation uses the same {{variables}}.
// Runs over every JSON file in src/locales, so a new namespace is checked as
// soon as it exists.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';

type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>('./*/*.json', { eager: true, import: 'default' });

function catalogs(language: string): Record<string, Tree> {
  const result: Record<string, Tree> = {};
  for (const [path, tree] of Object.entries(files)) {
    const [, lang, file] = /^\.\/([^/]+)\/(.+)\.json$/.exec(path) ?? [];
    if (lang === language && file) result[file] = tree;
  }
  return result;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLURAL_FORMS: Record<string, readonly string[]> = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
};

/** Keys with their plural suffixes folded: "count.words_one" → "count.words". */
function baseKeys(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] ?? '').sort();
}

const source = catalogs('en');
const languages = Object.keys(PLURAL_FORMS).filter((language) => language !== 'en');

describe('message catalogs', () => {
  it('registers every catalog file in its language index', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(source).sort());
    expect(Object.keys(ru).sort()).toEqual(Object.keys(catalogs('ru')).sort());
  });

  for (const language of languages) {
    const target = catalogs(language);

    it(`${language} has exactly the namespaces English has`, () => {
      expect(Object.keys(target).sort()).toEqual(Object.keys(source).sort());
    });

    for (const [namespace, tree] of Object.entries(source)) {
      const english = flatten(tree);
      const translated = flatten(target[namespace] ?? {});

      it(`${language}/${namespace}: no key missing, none left over`, () => {
        const missing = [...baseKeys(english.keys())].filter((key) => !baseKeys(translated.keys()).has(key));
        const extra = [...baseKeys(translated.keys())].filter((key) => !baseKeys(english.keys()).has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it(`${language}/${namespace}: every plural has all ${language} forms`, () => {
        const plurals = [...english.keys()].filter((key) => PLURAL_SUFFIX.test(key));
        const incomplete: string[] = [];
        for (const base of baseKeys(plurals)) {
          for (const form of PLURAL_FORMS[language] ?? []) {
            if (!translated.get(`${base}_${form}`)) incomplete.push(`${base}_${form}`);
          }
        }
        expect(incomplete).toEqual([]);
      });

      it(`${language}/${namespace}: no empty text, the same {{variables}}`, () => {
        const wrong: string[] = [];
        for (const [key, text] of translated) {
          if (text.trim() === '') wrong.push(`${key}: empty`);
          const plural = PLURAL_SUFFIX.test(key);
          const base = key.replace(PLURAL_SUFFIX, '');
          // A plural form may leave the count out ("1 file" said as "one file").
          const original = plural ? english.get(`${base}_other`) : english.get(key);
          if (original === undefined) continue;
          const named = (found: string[]) => [...new Set(found)].filter((name) => !plural || name !== 'count');
          const want = named(variables(original));
          const have = named(variables(text));
          if (want.join() !== have.join()) wrong.push(`${key}: {{${have.join()}}} instead of {{${want.join()}}}`);
        }
        expect(wrong).toEqual([]);
      });
    }
  }

  it('names no <Trans> component after an HTML void element (its text would fall out)', () => {
    const VOID = /<\/?(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b/;
    const wrong: string[] = [];
    for (const [path, tree] of Object.entries(files)) {
      for (const [key, text] of flatten(tree)) if (VOID.test(text)) wrong.push(`${path} ${key}`);
    }
    expect(wrong).toEqual([]);
  });

  it('English plurals have their one and other forms', () => {
    const incomplete: string[] = [];
    for (const [namespace, tree] of Object.entries(source)) {
      const keys = flatten(tree);
      for (const base of baseKeys([...keys.keys()].filter((key) => PLURAL_SUFFIX.test(key)))) {
        for (const form of PLURAL_FORMS.en ?? []) {
          if (!keys.get(`${base}_${form}`)) incomplete.push(`${namespace}:${base}_${form}`);
        }
      }
    }
    expect(incomplete).toEqual([]);
  });
});
