import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { isUniqueViolation, type Transaction } from '../db/index.ts';
import { auditLog, institutions, type InstitutionStatus } from '../db/schema/index.ts';
import { requireCity } from '../persons/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { checkedCreditCode, checkedOccupations, checkValidity, institutionView, type InstitutionChanges, type InstitutionInput } from './institution-input.ts';

type InstitutionRow = typeof institutions.$inferSelect;

/**
 * Registers an institution in the user's city: credit code checked as an employer's, validity
 * in order, every occupation in scope a code of the 2022 classification; audited. The same code
 * of the same kind twice in a city is `DUPLICATE_RECORD`.
 */
export async function registerInstitution(rt: RuntimeContext, user: SessionUser, input: InstitutionInput) {
  const cityCode = requireCity(user);
  const now = rt.clock();
  const { creditCode, checkOverride } = checkedCreditCode(user, input.creditCode, input.checkOverride, now);
  checkValidity(input.validFrom, input.validUntil);
  const occupations = checkedOccupations(input.occupations);
  const values = { name: input.name.trim(), kind: input.kind, licenceNo: input.licenceNo.trim(), validFrom: input.validFrom, validUntil: input.validUntil, occupations };
  try {
    const row = await rt.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(institutions)
        .values({ cityCode, id: randomUUID(), creditCode, ...values, checkOverride, orgUnitId: user.orgUnit.id, createdBy: user.id, createdAt: now, updatedAt: now })
        .returning();
      await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'institution.register', target: inserted!.id, details: { creditCode, ...values, checkOverride }, at: now });
      return inserted!;
    });
    return institutionView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new PlatformError('DUPLICATE_RECORD', { details: { field: 'creditCode' }, cause: error });
    throw error;
  }
}

/** The user's city's institution by id, locked for a change; one elsewhere answers `NOT_FOUND`. */
async function lockedInstitution(tx: Transaction, cityCode: string, id: string): Promise<InstitutionRow> {
  const [row] = await tx.select().from(institutions).where(and(eq(institutions.cityCode, cityCode), eq(institutions.id, id))).for('update');
  if (!row) throw new PlatformError('NOT_FOUND', { details: { institution: id } });
  return row;
}

/** A revoked institution is closed: nothing about it changes any more. */
function refuseRevoked(row: InstitutionRow): void {
  if (row.status === 'revoked') throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { institution: row.id, status: row.status } });
}

/**
 * Corrects an institution (name, licence number, validity, occupations in scope) with a stated
 * reason; the audit entry keeps each changed field's old and new value. Changing nothing is refused.
 */
export async function updateInstitution(rt: RuntimeContext, user: SessionUser, id: string, changes: InstitutionChanges, reason: string) {
  const cityCode = requireCity(user);
  const now = rt.clock();
  const row = await rt.db.transaction(async (tx) => {
    const old = await lockedInstitution(tx, cityCode, id);
    refuseRevoked(old);
    const next = {
      name: changes.name?.trim() ?? old.name,
      licenceNo: changes.licenceNo?.trim() ?? old.licenceNo,
      validFrom: changes.validFrom ?? old.validFrom,
      validUntil: changes.validUntil ?? old.validUntil,
      occupations: changes.occupations ? checkedOccupations(changes.occupations) : old.occupations,
    };
    checkValidity(next.validFrom, next.validUntil);
    const changed = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[]).filter((field) => JSON.stringify(next[field]) !== JSON.stringify(old[field])).map((field) => [field, { from: old[field], to: next[field] }]),
    );
    if (Object.keys(changed).length === 0) throw new PlatformError('FORM_INVALID', { details: { problem: 'no-change' } });
    const [updated] = await tx.update(institutions).set({ ...next, updatedAt: now }).where(and(eq(institutions.cityCode, cityCode), eq(institutions.id, id))).returning();
    await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'institution.update', target: id, details: { changes: changed, reason }, at: now });
    return updated!;
  });
  return institutionView(row);
}

/**
 * Suspends, reinstates or revokes an institution with a stated reason, audited. Revoking is
 * final; asking for the status it already has is refused. Claims naming it follow at once,
 * since the rules read the status when they run.
 */
export async function changeInstitutionStatus(rt: RuntimeContext, user: SessionUser, id: string, status: InstitutionStatus, reason: string) {
  const cityCode = requireCity(user);
  const now = rt.clock();
  const row = await rt.db.transaction(async (tx) => {
    const old = await lockedInstitution(tx, cityCode, id);
    refuseRevoked(old);
    if (old.status === status) throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { institution: id, status } });
    const [updated] = await tx.update(institutions).set({ status, updatedAt: now }).where(and(eq(institutions.cityCode, cityCode), eq(institutions.id, id))).returning();
    await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'institution.status', target: id, details: { from: old.status, to: status, reason }, at: now });
    return updated!;
  });
  return institutionView(row);
}
