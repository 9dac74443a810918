import { eq, like, or, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * The look-up service windows use: an exact identifier (ID number, credit code; compared in
 * upper case) or the start of a name, with LIKE wildcards in the query taken literally.
 */
export function codeOrNamePrefix(code: AnyColumn, name: AnyColumn, query: string): SQL {
  return or(eq(code, query.toUpperCase()), like(name, `${query.replace(/[%_\\]/g, '\\$&')}%`))!;
}
