import type { LocalizedText } from '../../engine/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
import type { Executor, Transaction } from '../db/index.ts';
import type { ImportKind } from '../db/schema/index.ts';
import type { RowIssue } from './import-reasons.ts';
import type { RawCell } from './read-table.ts';

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

/** Who and what a committed batch is written as. */
export interface CommitBase {
  cityCode: string;
  orgUnitId: string;
  createdBy: string;
  importId: string;
  now: Date;
}

/**
 * A kind of record a bulk import brings in: its fields, the check of one row, the look-up of keys
 * already registered (duplicates against the database) and the batched insert of staged rows.
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
  /** Inserts staged values as one statement, skipping any registered since the dry run; returns the ids written. */
  insert(tx: Transaction, values: readonly Record<string, unknown>[], base: CommitBase): Promise<string[]>;
}
