import type { Answer } from '../../../client/index.ts';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { JsonSchema } from './localise-schema.ts';

/** One entry of a code table or of the division tree, as the API sends it. */
export type CodeItem = Answer<'/api/divisions', 'get'>['items'][number];

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

/** A code as a person reads it once chosen: `名称 (代码)`, or the code alone while its name is unknown. */
export function codeLabel(code: string, name: string | undefined): string {
  return name ? `${name} (${code})` : code;
}

/** The counties (6 digits) of the streets (9 digits or more) among division codes, each once: whose streets must load for their names. */
export function countiesOf(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((code) => /^\d{9}/.test(code)).map((code) => code.slice(0, 6)))].sort();
}

const namesOfList = new WeakMap<readonly CodeItem[], ReadonlyMap<string, string>>();

/** The names by code of a loaded list: built once per list, so once per page for a table (its load is). */
function namesByCode(items: readonly CodeItem[]): ReadonlyMap<string, string> {
  let names = namesOfList.get(items);
  if (!names) namesOfList.set(items, (names = new Map(items.map((item) => [item.code, item.name]))));
  return names;
}

/** A code's name: `names(table, code)`, undefined while its table loads or when it is not in it. */
export type CodeNames = (table: string, code: string) => string | undefined;

/**
 * The names of the codes the schemas' `x-code-table` fields can hold, for showing a value as
 * `名称 (代码)`: the tables load once per page; a street's county is loaded when `codes` holds a
 * 9-digit division code. Until a table has come, its codes have no name.
 */
export function useCodeNames(schemas: readonly (JsonSchema | null)[], codes: readonly string[] = []): CodeNames {
  return useTableNames(tablesIn(schemas).join(','), codes);
}

/**
 * The name of a division code (a person's 户籍地 or 常住地, an org unit named by its code), for
 * showing it as `名称 (代码)`: streets among `codes` have their counties' streets loaded. Undefined
 * while the tree loads and for a code it lacks (a community, a retired code).
 */
export function useDivisionNames(codes: readonly (string | null | undefined)[] = []): (code: string) => string | undefined {
  const names = useTableNames(DIVISION_TABLE, codes.filter((code): code is string => typeof code === 'string'));
  return useCallback((code: string) => names(DIVISION_TABLE, code), [names]);
}

/** The names of the codes of the tables `key` lists (comma-separated), the same function until more have loaded. */
function useTableNames(key: string, codes: readonly string[]): CodeNames {
  const counties = countiesOf(codes).join(',');
  // Each table's loaded lists: the table, and for the division tree the streets of the counties asked for.
  const [loaded, setLoaded] = useState<ReadonlyMap<string, readonly (readonly CodeItem[])[]>>(new Map());
  useEffect(() => {
    let current = true;
    const lists = (table: string) => [
      loadCodeTable(table),
      ...(table === DIVISION_TABLE && counties ? counties.split(',').map(loadStreets) : []),
    ];
    const wanted = key ? key.split(',') : [];
    void Promise.all(wanted.map((table) => Promise.all(lists(table).map((list) => list.catch((): CodeItem[] => []))).then((found) => [table, found] as const))).then((pairs) => {
      if (current) setLoaded(new Map(pairs));
    });
    return () => {
      current = false;
    };
  }, [key, counties]);
  return useCallback(
    (table: string, code: string) => {
      for (const list of loaded.get(table) ?? []) {
        const name = namesByCode(list).get(code);
        if (name !== undefined) return name;
      }
      return undefined;
    },
    [loaded],
  );
}
