import { afterAll, describe, expect, it } from 'vitest';
import { browserLanguage, i18n, initI18n, rememberedLanguage, setLanguage, toLanguage } from './i18n';

afterAll(async () => {
  await setLanguage('en', { remember: false });
});

describe('i18n', () => {
  it('falls back to English for an unknown language', async () => {
    await initI18n('en');
    expect(toLanguage('de-DE')).toBe('en');
    expect(toLanguage('ru-RU')).toBe('ru');
    expect(toLanguage(undefined)).toBe('en');
    await setLanguage('klingon');
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('loads Russian on demand, switches at once and sets <html lang>', async () => {
    await initI18n('en');
    expect(i18n.hasResourceBundle('ru', 'common')).toBe(false);
    await setLanguage('ru');
    expect(i18n.hasResourceBundle('ru', 'common')).toBe(true);
    expect(i18n.t('time.justNow')).toBe('только что');
    expect(document.documentElement.lang).toBe('ru');
  });

  it('remembers the choice on this device', async () => {
    await setLanguage('ru');
    expect(rememberedLanguage()).toBe('ru');
    window.localStorage.clear();
    expect(rememberedLanguage()).toBe(browserLanguage());
  });

  it('shows the English text, never the key, when a translation lacks a key', async () => {
    await setLanguage('ru', { remember: false });
    i18n.addResource('en', 'common', 'onlyInEnglish', 'Only in English');
    const untyped = i18n.t.bind(i18n) as unknown as (key: string) => string;
    expect(untyped('onlyInEnglish')).toBe('Only in English');
  });

  it('takes the first browser language it has', () => {
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages');
    Object.defineProperty(window.navigator, 'languages', { value: ['de-DE', 'ru-RU', 'en'], configurable: true });
    expect(browserLanguage()).toBe('ru');
    Object.defineProperty(window.navigator, 'languages', { value: ['fr'], configurable: true });
    expect(browserLanguage()).toBe('en');
    if (languages) Object.defineProperty(window.navigator, 'languages', languages);
  });
});
