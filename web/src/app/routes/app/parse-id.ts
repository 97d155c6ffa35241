/** A resource id from the address, or null for anything that is not one (e.g. /chats/abc). */
export function parseId(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,12}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
