// The English catalogs: the source every other language translates, and the
// fallback for any key a translation lacks. One JSON file per namespace; a new
// namespace is one line here and one in ../ru/index.ts (docs/i18n.md).
import admin from './admin.json';
import auth from './auth.json';
import billing from './billing.json';
import channels from './channels.json';
import chats from './chats.json';
import common from './common.json';
import consoleCatalog from './console.json';
import employees from './employees.json';
import finance from './finance.json';
import integrations from './integrations.json';
import settings from './settings.json';
import shell from './shell.json';
import support from './support.json';
import tickets from './tickets.json';

export const en = { admin, auth, billing, channels, chats, common, console: consoleCatalog, employees, finance, integrations, settings, shell, support, tickets } as const;
