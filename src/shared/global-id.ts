/**
 * Relay global object ids: `base64url("<Type>:<uuid>")`. Clients treat them as opaque strings.
 */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a global id; `null` when it is not one of ours (wrong encoding, no type, not a UUID). */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  let decoded: string;
  try {
    decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  } catch {
    return null;
  }
  const sep = decoded.indexOf(':');
  if (sep <= 0) return null;
  const type = decoded.slice(0, sep);
  const id = decoded.slice(sep + 1);
  return UUID.test(id) ? { type, id: id.toLowerCase() } : null;
}

/** A UUID no row has: what a filter on a malformed or wrongly typed id matches (nothing). */
const NO_ROW = '00000000-0000-0000-0000-000000000000';

/** The UUID to filter on for a global id of `type`; a malformed or other-type id filters to no rows. */
export function filterIdOf(globalId: string, type: string): string {
  const decoded = fromGlobalId(globalId);
  return decoded?.type === type ? decoded.id : NO_ROW;
}
