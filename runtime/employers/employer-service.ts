import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { chinaDate, PlatformError } from '../../engine/index.ts';
import { parseCitizenId, parseCreditCode } from '../../forms/index.ts';
import { holds, inVisibleCities, type SessionUser } from '../auth/index.ts';
import { codeOrNamePrefix, isUniqueViolation } from '../db/index.ts';
import { auditLog, employers } from '../db/schema/index.ts';
import { requireCity } from '../persons/index.ts';
import { openValue, sealIdNumber } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

export interface RegisterEmployerInput {
  creditCode: string;
  name: string;
  /** The legal representative's citizen ID number: stored sealed, compared by its blind index, never returned in the clear. */
  legalRepIdNumber?: string | undefined;
  /** The day the business was established (成立日期), YYYY-MM-DD. */
  establishedOn?: string | undefined;
  /** Accept a code that fails a check digit (an early pilot code), with a reason. Reviewers and admins only. */
  checkOverride?: { reason: string } | undefined;
}

/**
 * An employer as the API shows it: the legal representative's ID number always masked; the contact's
 * phone in the clear only with `full` (for who handles cases, a read the caller records), else masked.
 */
export function employerView(rt: RuntimeContext, row: typeof employers.$inferSelect, options: { full: boolean } = { full: false }) {
  return {
    id: row.id,
    cityCode: row.cityCode,
    creditCode: row.creditCode,
    name: row.name,
    legalRepName: row.legalRepName,
    legalRepIdNumber: row.legalRepIdNumberMasked,
    establishedOn: row.establishedOn,
    address: row.address,
    industry: row.industry,
    ownershipType: row.ownershipType,
    size: row.size,
    contactName: row.contactName,
    contactPhone: options.full ? openValue(rt.cipher, row.contactPhone) : row.contactPhoneMasked,
    masked: !options.full,
    checkOverride: row.checkOverride ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The legal representative's ID number, checked (GB 11643) and sealed as the persons table keeps one. */
export function sealedLegalRep(rt: RuntimeContext, idNumber: string, today: string) {
  const parsed = parseCitizenId(idNumber, today);
  if (!parsed.ok) throw new PlatformError('ID_NUMBER_INVALID', { details: { field: 'legalRepIdNumber', problem: parsed.problem } });
  const sealed = sealIdNumber(rt.cipher, idNumber);
  return { legalRepIdNumber: sealed.idNumber, legalRepIdNumberIndex: sealed.idNumberIndex, legalRepIdNumberMasked: sealed.idNumberMasked };
}

/**
 * Registers an employer by unified social credit code (GB 32100 check and the embedded
 * GB 11714 organisation code check). A code failing a check is refused unless a reviewer
 * records an audited override, because some early pilot codes fail it yet are legal.
 */
export async function registerEmployer(rt: RuntimeContext, user: SessionUser, input: RegisterEmployerInput) {
  const cityCode = requireCity(user);
  const creditCode = input.creditCode.trim().toUpperCase();
  const parsed = parseCreditCode(creditCode);
  const overridable = !parsed.ok && parsed.problem !== 'format' && input.checkOverride && holds('employers.override', user.role, user.orgUnit.kind);
  if (!parsed.ok && !overridable) throw new PlatformError('CREDIT_CODE_INVALID', { details: { field: 'creditCode', problem: parsed.problem } });
  const now = rt.clock();
  const legalRep = input.legalRepIdNumber?.trim() ? sealedLegalRep(rt, input.legalRepIdNumber, chinaDate(now)) : {};
  if (input.establishedOn !== undefined && input.establishedOn > chinaDate(now)) {
    throw new PlatformError('FORM_INVALID', { details: { field: 'establishedOn', problem: 'future' } });
  }
  const checkOverride = !parsed.ok && input.checkOverride ? { by: user.id, at: now.toISOString(), reason: input.checkOverride.reason, problem: parsed.problem } : null;
  try {
    const row = await rt.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(employers)
        .values({ cityCode, id: randomUUID(), creditCode, name: input.name.trim(), ...legalRep, establishedOn: input.establishedOn ?? null, checkOverride, orgUnitId: user.orgUnit.id, createdBy: user.id, createdAt: now })
        .returning();
      if (checkOverride) {
        await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'employer.check-override', target: creditCode, details: checkOverride, at: now });
      }
      return inserted!;
    });
    return employerView(rt, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new PlatformError('DUPLICATE_RECORD', { details: { field: 'creditCode' }, cause: error });
    throw error;
  }
}

/** Employers visible to the user, by exact credit code or name prefix. */
export async function findEmployers(rt: RuntimeContext, user: SessionUser, query: { q?: string | undefined; page: number; pageSize: number }) {
  const q = query.q?.trim();
  const filters: SQL[] = [inVisibleCities(employers.cityCode, user)];
  if (q) filters.push(codeOrNamePrefix(employers.creditCode, employers.name, q));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    rt.db.select().from(employers).where(where).orderBy(desc(employers.createdAt)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    rt.db.select({ value: count() }).from(employers).where(where),
  ]);
  return { items: rows.map((row) => employerView(rt, row)), total: Number(total?.value ?? 0) };
}

/** An employer in the user's visible cities, or 404. */
export async function employerInScope(rt: RuntimeContext, user: SessionUser, id: string): Promise<typeof employers.$inferSelect> {
  const [row] = await rt.db.select().from(employers).where(and(eq(employers.id, id), inVisibleCities(employers.cityCode, user))).limit(1);
  if (!row) throw new PlatformError('NOT_FOUND', { details: { employer: id } });
  return row;
}
