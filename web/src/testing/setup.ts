import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { installFakeWebSocket } from './fake-websocket';
import { installMatchMedia } from './match-media';

// findBy…/waitFor give up after this long; the default second is too short
// when the machine is busy (e.g. compiling the server next to the tests).
configure({ asyncUtilTimeout: 3000 });

beforeEach(() => {
  installMatchMedia(false);
  installFakeWebSocket();
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.themePreference;
});
