// Where the end-to-end tests find the real server and its data. The config
// runs once in the runner and again in every worker; the runner's choices
// travel to the workers in environment variables.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = path.resolve(webDir, '..');
export const distDir = path.join(webDir, 'dist');
export const screenshotDir = path.join(webDir, 'test-results', 'screenshots');

process.env.E2E_PORT ??= '18473';
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'textura-e2e-'));
process.env.TEXTURA_BIN ??= path.join(repoRoot, 'build', 'textura');

export const port = Number(process.env.E2E_PORT);
export const dataDir = process.env.E2E_DATA_DIR;
export const texturaBin = process.env.TEXTURA_BIN;
export const baseURL = `http://127.0.0.1:${port}`;

/** The variables the server and its CLI read. */
export const serverEnv = {
  TEXTURA_LISTEN: `127.0.0.1:${port}`,
  TEXTURA_DATA_DIR: dataDir,
  TEXTURA_WEB_DIR: distDir,
  // The integrations spec's webhook receiver listens on 127.0.0.1.
  TEXTURA_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  TEXTURA_WEBHOOK_POLL_MS: '200',
  // Every spec signs up and in from 127.0.0.1: over the default 30 attempts per address
  // per window the later specs would meet 429. The per-email limit stays at its default
  // (shell.spec's lockout test relies on it).
  TEXTURA_LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
};
