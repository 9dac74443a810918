import { createHash } from 'node:crypto';

/**
 * JSON with the keys of every object sorted (by UTF-16 code units, as RFC 8785 does) and no
 * spaces: the same value gives the same bytes at both ends, whatever order its keys were written
 * in or a database gave them back in. Refuses what JSON cannot carry faithfully (a number that is
 * not finite, undefined, a function), rather than hashing something the peer will never see.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON holds finite numbers only');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** SHA-256 in lower-case hex of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The payload hash an envelope carries: SHA-256 of the payload's canonical JSON. */
export function payloadHash(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}
