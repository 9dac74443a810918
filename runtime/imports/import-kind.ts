import type { LocalizedText } from '../../engine/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
import type { Executor, Transaction } from '../db/index.ts';
import type { ImportKind } from '../db/schema/index.ts';
import type { RowIssue } from './import-reasons.ts';
import type { RawCell } from './read-table.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** A column an import kind takes: its id (the default header, as are its titles), whether required, how the report masks it. */
export interface ImportField {
  id: string;
  title: LocalizedText;
  required: boolean;
  /** Personal data: the report shows it masked (an ID number as lists do, a name by its first character, text by its start). */
  mask?: 'id' | 'name' | 'phone' | 'text';
}

/** One row checked: its findings; and, when it may be committed, its unique key and its insert-ready values (personal values sealed). */
export interface CheckedRow {
  issues: RowIssue[];
  key?: string;
  values?: Record<string, unknown>;
}

/** What a check of a row needs: the cipher that seals personal values, and today (China date) for dates that may not be future. */
export interface CheckContext {
  cipher: FieldCipher;
  today: string;
}

/**
 * Where committed rows go: the table, its unique key (a row registered since the dry run is skipped
 * on it), each column with the key of the staged value it takes and its SQL type, and the columns
 * stamped with the commit's time. The commit copies staged rows with one statement per batch, in
 * the database, so no value travels back through the application.
 */
export interface ImportTarget {
  table: string;
  conflict: readonly string[];
  columns: readonly { column: string; key: string; type: 'text' | 'date' }[];
  stamped: readonly string[];
}

/**
 * A kind of record a bulk import brings in: its fields, the check of one row, the look-up of keys
 * already registered (duplicates against the database) and where committed rows are written.
 */
export interface ImportKindSpec {
  kind: ImportKind;
  title: LocalizedText;
  fields: readonly ImportField[];
  /** The field a row is unique by (in the file and in the city). */
  keyField: string;
  check(cells: ReadonlyMap<string, RawCell>, context: CheckContext): CheckedRow;
  /** Which of `keys` the city holds already. */
  existing(db: Executor, cityCode: string, keys: readonly string[]): Promise<Set<string>>;
  /**
   * Checks of the rows `check` accepted that need the database (the person a registration names
   * must be registered in the city), a chunk at a time: a row failing one gets its finding and loses
   * its key and values.
   */
  lookUp?(db: Executor, cityCode: string, rows: readonly CheckedRow[]): Promise<void>;
  /** Where committed rows are copied; or, for a kind whose rows become cases, `commitRow`. */
  target?: ImportTarget;
  /** Writes one staged row in the batch's transaction; returns the id of the record written, or undefined when it was skipped (refused since the dry run). */
  commitRow?(tx: Transaction, rt: RuntimeContext, job: ImportJobRef, values: Record<string, unknown>): Promise<string | undefined>;
}

/** The import a committed row belongs to, as `commitRow` needs it. */
export interface ImportJobRef {
  cityCode: string;
  id: string;
  uploadedBy: string;
  approvedBy: string | null;
}
