import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** SHA-256 of the definition's canonical JSON: equal content, equal hash, whatever the key order. */
export function definitionHash(definition: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(definition))).digest('hex');
}
