import { intlLocale } from '@/lib/formatters';
import { currentLanguage, i18n } from '@/lib/i18n';
import type { Viewer } from '../api/schemas';

/** "Olga", "Olga and Petr", "A, B and C" ("A, B и C"): the language's own list. */
function names(list: readonly Viewer[]): string {
  const format = new Intl.ListFormat(intlLocale(currentLanguage()), { type: 'conjunction' });
  return format.format(list.map((viewer) => viewer.name));
}

/**
 * "Olga is typing · Ivan is viewing": who else has the ticket open,
 * typists first (they are about to answer it). Null when nobody else does.
 */
export function presenceLabel(viewers: readonly Viewer[]): string | null {
  const t = i18n.getFixedT(null, 'console');
  const typing = viewers.filter((viewer) => viewer.typing);
  const viewing = viewers.filter((viewer) => !viewer.typing);
  const parts: string[] = [];
  if (typing.length > 0) parts.push(t('presence.typing', { names: names(typing), count: typing.length }));
  if (viewing.length > 0) parts.push(t('presence.viewing', { names: names(viewing), count: viewing.length }));
  return parts.length === 0 ? null : parts.join(' · ');
}
