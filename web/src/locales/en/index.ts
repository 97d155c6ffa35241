// The English catalogs: the source every other language translates, and the
// fallback for any key a translation lacks. One JSON file per namespace; a new
// namespace is one line here and one in ../ru/index.ts (docs/i18n.md).
import common from './common.json';
import settings from './settings.json';

export const en = { common, settings } as const;
