// The Russian catalogs, loaded as their own chunk only when Russian is used.
// Keys must match ../en (the catalog test fails on a missing key or plural form).
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

export const ru = { admin, auth, billing, channels, chats, common, console: consoleCatalog, employees, finance, integrations, settings, shell, support, tickets };
