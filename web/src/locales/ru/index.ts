// The Russian catalogs, loaded as their own chunk only when Russian is used.
// Keys must match ../en (the catalog test fails on a missing key or plural form).
import common from './common.json';
import settings from './settings.json';

export const ru = { common, settings };
