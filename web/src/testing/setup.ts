import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n, initI18n, setLanguage } from '@/lib/i18n';
import { installFakeWebSocket } from './fake-websocket';
import { installMatchMedia } from './match-media';

// findBy…/waitFor give up after this long; the default second is too short
// when the machine is busy (e.g. compiling the server next to the tests).
configure({ asyncUtilTimeout: 3000 });

// Tests read English unless they switch (and each test starts in English again).
await initI18n('en');

beforeEach(() => {
  installMatchMedia(false);
  installFakeWebSocket();
});

afterEach(async () => {
  cleanup();
  if (i18n.language !== 'en') await setLanguage('en', { remember: false });
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.themePreference;
});
