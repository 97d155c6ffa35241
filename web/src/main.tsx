import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initTheme } from './features/theme/utils/theme-store';
import { initI18n } from './lib/i18n';
import './styles/tokens.css';
import './styles/base.css';

initTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first render is already in the remembered (or browser) language; the
// profile's language takes over once the session is known (LocaleSync).
void initI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
