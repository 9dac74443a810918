import { eq, like, or, type AnyColumn, type SQL } from 'drizzle-orm';

/** Names starting with the query, LIKE wildcards in the query taken literally. */
export function namePrefix(name: AnyColumn, query: string): SQL {
  return like(name, `${query.replace(/[%_\\]/g, '\\$&')}%`);
}

/**
 * The look-up service windows use: an exact identifier (a credit code; compared in upper case)
 * or the start of a name.
 */
export function codeOrNamePrefix(code: AnyColumn, name: AnyColumn, query: string): SQL {
  return or(eq(code, query.toUpperCase()), namePrefix(name, query))!;
}
