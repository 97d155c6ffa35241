import type { Viewer } from '../api/schemas';

function names(list: readonly Viewer[]): string {
  const all = list.map((viewer) => viewer.name);
  if (all.length <= 1) return all.join('');
  if (all.length === 2) return `${all[0]} and ${all[1]}`;
  return `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/**
 * "Olga is typing a reply · Ivan is viewing": who else has the ticket open,
 * typists first (they are about to answer it). Null when nobody else does.
 */
export function presenceLabel(viewers: readonly Viewer[]): string | null {
  const typing = viewers.filter((viewer) => viewer.typing);
  const viewing = viewers.filter((viewer) => !viewer.typing);
  const parts: string[] = [];
  if (typing.length > 0) parts.push(`${names(typing)} ${typing.length === 1 ? 'is' : 'are'} typing`);
  if (viewing.length > 0) parts.push(`${names(viewing)} ${viewing.length === 1 ? 'is' : 'are'} viewing`);
  return parts.length === 0 ? null : parts.join(' · ');
}
