import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { JsonSchema } from './localise-schema.ts';

/** One entry of a code table or of the division tree, as the API sends it. */
export interface CodeItem {
  code: string;
  name: string;
  level: number;
  parent: string | null;
}

/** The table id that names the division tree (`GET /api/divisions`) rather than a shipped code table. */
export const DIVISION_TABLE = 'division';

const tables = new Map<string, Promise<CodeItem[]>>();
const streets = new Map<string, Promise<CodeItem[]>>();

/** Once per page: a failed load is forgotten, so the next form asks again. */
function once(cache: Map<string, Promise<CodeItem[]>>, key: string, load: () => Promise<{ items: CodeItem[] }>): Promise<CodeItem[]> {
  let loading = cache.get(key);
  if (!loading) {
    loading = load().then((body) => body.items);
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return loading;
}

/** The entries of a table (`occupation-2022`, ..., or `division`: provinces, cities and counties), loaded once per page. */
export function loadCodeTable(table: string): Promise<CodeItem[]> {
  if (table === DIVISION_TABLE) return once(tables, table, () => api('GET', '/divisions'));
  return once(tables, table, () => api('GET', `/code-tables/${encodeURIComponent(table)}`));
}

/** The streets and townships of a county (9-digit codes), loaded once per page when a picker or a value needs them. */
export function loadStreets(county: string): Promise<CodeItem[]> {
  return once(streets, county, () => api('GET', `/divisions?county=${county}`));
}

/** The table an `x-code-table` field names, on the field itself or on the items of a list of codes. */
export function codeTableOf(schema: JsonSchema | undefined): string | undefined {
  const own = schema?.['x-code-table'];
  if (typeof own === 'string') return own;
  const items = schema?.['items'];
  const inner = typeof items === 'object' && items !== null && !Array.isArray(items) ? (items as JsonSchema)['x-code-table'] : undefined;
  return typeof inner === 'string' ? inner : undefined;
}

/** Every table named by the fields of the schemas (nested objects too). */
export function tablesIn(schemas: readonly (JsonSchema | null)[]): string[] {
  const found = new Set<string>();
  const visit = (schema: JsonSchema) => {
    const table = codeTableOf(schema);
    if (table) found.add(table);
    const properties = schema['properties'];
    if (typeof properties === 'object' && properties !== null) for (const sub of Object.values(properties as Record<string, JsonSchema>)) visit(sub);
  };
  for (const schema of schemas) if (schema) visit(schema);
  return [...found].sort();
}

/** A code's name: `names(table, code)`, undefined while its table loads or when it is not in it. */
export type CodeNames = (table: string, code: string) => string | undefined;

/**
 * The names of the codes the schemas' `x-code-table` fields can hold, for showing a value as
 * `名称 (代码)`: the tables load once per page; a street's county is loaded when `codes` holds a
 * 9-digit division code. Until a table has come, its codes have no name.
 */
export function useCodeNames(schemas: readonly (JsonSchema | null)[], codes: readonly string[] = []): CodeNames {
  const key = tablesIn(schemas).join(',');
  const counties = [...new Set(codes.filter((code) => /^\d{9}/.test(code)).map((code) => code.slice(0, 6)))].sort().join(',');
  const [loaded, setLoaded] = useState<Map<string, Map<string, string>>>(new Map());
  useEffect(() => {
    let current = true;
    const wanted = key ? key.split(',') : [];
    const streetLoads = wanted.includes(DIVISION_TABLE) && counties ? counties.split(',').map((county) => loadStreets(county).catch(() => [])) : [];
    void Promise.all([
      ...wanted.map((table) => loadCodeTable(table).then((items) => [table, items] as const, () => [table, []] as const)),
      Promise.all(streetLoads).then((lists) => [`${DIVISION_TABLE}:streets`, lists.flat()] as const),
    ]).then((pairs) => {
      if (!current) return;
      const next = new Map<string, Map<string, string>>();
      for (const [table, items] of pairs) {
        const name = table.endsWith(':streets') ? DIVISION_TABLE : table;
        const byCode = next.get(name) ?? new Map<string, string>();
        for (const item of items) byCode.set(item.code, item.name);
        next.set(name, byCode);
      }
      setLoaded(next);
    });
    return () => {
      current = false;
    };
  }, [key, counties]);
  return (table, code) => loaded.get(table)?.get(code);
}
