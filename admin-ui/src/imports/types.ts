import type { Localized } from '../api.ts';

/** `persons`, `employers`, or a legacy registration a package declares (`registeredUnemployed`, `employed`): the server lists them. */
export type ImportKind = string;
export type ImportStatus = 'validated' | 'approved' | 'committed' | 'discarded';

/** A kind as `GET /imports/kinds` gives it: its fields and their default headers (the titles). */
export interface KindSpec {
  kind: ImportKind;
  title: Localized;
  keyField: string;
  fields: { id: string; title: Localized; required: boolean; masked: boolean }[];
}

/** An import as the API gives it (`ImportJob`); times ISO. */
export interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileType: 'csv' | 'xlsx';
  status: ImportStatus;
  mapping: Record<string, string>;
  templateId: string | null;
  totalRows: number;
  acceptedRows: number;
  warningRows: number;
  errorRows: number;
  commitTotal: number;
  committedRows: number;
  skippedRows: number;
  failure: string | null;
  uploadedBy: { id: string; name: string };
  uploadedAt: string;
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
  committedAt: string | null;
  discardedBy: { id: string; name: string } | null;
  discardedAt: string | null;
  alreadyImported?: boolean;
}

/** One finding of a dry run (`ImportIssue`). */
export interface ImportIssue {
  rowNo: number;
  field: string;
  fieldTitle: Localized;
  severity: 'error' | 'warning';
  code: string;
  value: string | null;
  reason: Localized;
}

/** A saved column mapping (`ImportTemplate`). */
export interface ImportTemplate {
  id: string;
  kind: ImportKind;
  name: string;
  mapping: Record<string, string>;
}
