import { PlatformError } from '../../engine/index.ts';
import { parseCreditCode } from '../../forms/index.ts';
import { holds, type SessionUser } from '../auth/index.ts';
import { codeEntry } from '../code-tables/index.ts';
import type { institutions, InstitutionKind } from '../db/schema/index.ts';

/** What a city registers about an institution. */
export interface InstitutionInput {
  creditCode: string;
  name: string;
  kind: InstitutionKind;
  licenceNo: string;
  validFrom: string;
  validUntil: string;
  occupations: string[];
  /** Accept a code that fails a check digit (an early pilot code), with a reason, as for employers. */
  checkOverride?: { reason: string } | undefined;
}

/** The fields a correction may change; the credit code and the kind name the record and stay. */
export type InstitutionChanges = Partial<Pick<InstitutionInput, 'name' | 'licenceNo' | 'validFrom' | 'validUntil' | 'occupations'>>;

/** The occupational classification the scope is written in (`runtime/code-tables`). */
export const SCOPE_TABLE = 'occupation-2022';

/**
 * The credit code checked as an employer's is (GB 32100 and the embedded GB 11714 check): a code
 * failing a check digit only with a reviewer's or admin's stated reason, kept on the record.
 */
export function checkedCreditCode(user: SessionUser, raw: string, override: { reason: string } | undefined, at: Date) {
  const creditCode = raw.trim().toUpperCase();
  const parsed = parseCreditCode(creditCode);
  if (parsed.ok) return { creditCode, checkOverride: null };
  if (parsed.problem === 'format' || !override || !holds('employers.override', user.role, user.orgUnit.kind)) {
    throw new PlatformError('CREDIT_CODE_INVALID', { details: { field: 'creditCode', problem: parsed.problem } });
  }
  return { creditCode, checkOverride: { by: user.id, at: at.toISOString(), reason: override.reason, problem: parsed.problem } };
}

/** Every scope code in the 2022 occupational classification, each once, in order; an unknown one is `FORM_INVALID`. */
export function checkedOccupations(codes: readonly string[]): string[] {
  const unknown = codes.filter((code) => codeEntry(SCOPE_TABLE, code) === undefined);
  if (unknown.length > 0) throw new PlatformError('FORM_INVALID', { details: { field: 'occupations', problem: 'unknown-code', codes: unknown } });
  return [...new Set(codes)].sort();
}

/** A validity that ends before it starts is `FORM_INVALID` on `validUntil`. */
export function checkValidity(validFrom: string, validUntil: string): void {
  if (validUntil < validFrom) throw new PlatformError('FORM_INVALID', { details: { field: 'validUntil', problem: 'before-valid-from' } });
}

/** An institution as the API shows it. */
export function institutionView(row: typeof institutions.$inferSelect) {
  return {
    id: row.id,
    cityCode: row.cityCode,
    creditCode: row.creditCode,
    name: row.name,
    kind: row.kind,
    licenceNo: row.licenceNo,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    occupations: row.occupations,
    status: row.status,
    checkOverride: row.checkOverride ?? null,
    orgUnitId: row.orgUnitId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
