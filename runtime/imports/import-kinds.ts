import { PlatformError } from '../../engine/index.ts';
import { IMPORT_KINDS, type ImportKind } from '../db/schema/index.ts';
import { employerImport } from './employer-rows.ts';
import type { ImportKindSpec } from './import-kind.ts';
import { personImport } from './person-rows.ts';

/** Every kind a bulk import takes, by its id. */
export const importKinds: Readonly<Record<ImportKind, ImportKindSpec>> = { persons: personImport, employers: employerImport };

/** A kind's declaration, or NOT_FOUND. */
export function importKind(kind: string): ImportKindSpec {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new PlatformError('NOT_FOUND', { details: { importKind: kind } });
  return importKinds[kind as ImportKind];
}
