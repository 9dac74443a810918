import { and, eq } from 'drizzle-orm';
import { chinaDate, PlatformError } from '../../engine/index.ts';
import { maskCitizenId, maskPhone } from '../../forms/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/index.ts';
import { actorOfUser, type SessionUser } from '../auth/index.ts';
import { codeEntry } from '../code-tables/index.ts';
import { employers } from '../db/schema/index.ts';
import { changedFields, readHistory, recordChanges } from '../master-history/index.ts';
import { requireCity } from '../persons/index.ts';
import { renameEmployerPostings } from '../postings/index.ts';
import { handlesCaseData, normalIdNumber, openValue, sealMasked } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { employerInScope, employerView, sealedLegalRep } from './employer-service.ts';

/** The size classes of the statistics bureau's rule (统计上大中小微型企业划分办法). */
export type EmployerSize = 'large' | 'medium' | 'small' | 'micro';

/** What an edit may change on an employer's record (never the credit code); a field left out stays, null clears it. */
export interface EmployerChanges {
  name?: string | undefined;
  legalRepName?: string | null | undefined;
  legalRepIdNumber?: string | null | undefined;
  establishedOn?: string | null | undefined;
  address?: string | null | undefined;
  industry?: string | null | undefined;
  ownershipType?: string | null | undefined;
  size?: EmployerSize | null | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
}

type EmployerRow = typeof employers.$inferSelect;
const PLAIN = ['name', 'legalRepName', 'establishedOn', 'address', 'industry', 'ownershipType', 'size', 'contactName'] as const;
const MASKS: Readonly<Record<string, (value: string) => string>> = { legalRepIdNumber: maskCitizenId, contactPhone: maskPhone };

function clearValues(rt: RuntimeContext, row: EmployerRow): Record<string, string | null> {
  return {
    ...Object.fromEntries(PLAIN.map((field) => [field, row[field]])),
    legalRepIdNumber: openValue(rt.cipher, row.legalRepIdNumber),
    contactPhone: openValue(rt.cipher, row.contactPhone),
  };
}

/** Refuses what no record may hold, before anything is written: an industry that is not a GB/T 4754 class, an unknown registration type, a future establishment. */
function checkChanges(rt: RuntimeContext, changes: EmployerChanges): void {
  const unknown = (field: string, table: string, code: string) => new PlatformError('CODE_UNKNOWN', { details: { field, table, code } });
  if (changes.industry && codeEntry('industry-gb4754-2017', changes.industry)?.level !== 4) throw unknown('industry', 'industry-gb4754-2017', changes.industry);
  if (changes.ownershipType && (codeEntry('registration-type-2011', changes.ownershipType)?.level ?? 1) < 2) throw unknown('ownershipType', 'registration-type-2011', changes.ownershipType);
  if (changes.establishedOn && changes.establishedOn > chinaDate(rt.clock())) throw new PlatformError('FORM_INVALID', { details: { field: 'establishedOn', problem: 'future' } });
}

/**
 * Corrects an employer of the user's city for a stated reason: the record changed and every changed
 * field appended to its history in one transaction (the legal representative's ID number, checked
 * by GB 11643, and the contact's phone sealed there as on the record). Asking for what is there writes nothing.
 */
export async function editEmployer(rt: RuntimeContext, user: SessionUser, id: string, input: { changes: EmployerChanges; reason: string }) {
  const cityCode = requireCity(user);
  checkChanges(rt, input.changes);
  const now = rt.clock();
  const legalRep = input.changes.legalRepIdNumber ? sealedLegalRep(rt, input.changes.legalRepIdNumber, chinaDate(now)) : null;
  const where = and(eq(employers.cityCode, cityCode), eq(employers.id, id));
  const row = await rt.db.transaction(async (tx) => {
    const [before] = await tx.select().from(employers).where(where).for('update');
    if (!before) throw new PlatformError('NOT_FOUND', { details: { employer: id } });
    const clear = clearValues(rt, before);
    const after = { ...clear };
    for (const field of [...PLAIN, 'contactPhone'] as const) {
      const value = input.changes[field];
      if (value !== undefined) after[field] = value?.trim() || null;
    }
    if (input.changes.legalRepIdNumber !== undefined) after['legalRepIdNumber'] = input.changes.legalRepIdNumber === null ? null : normalIdNumber(input.changes.legalRepIdNumber);
    const changes = changedFields(clear, after, MASKS);
    if (changes.length === 0) return before;
    const changed = new Set(changes.map((change) => change.field));
    const columns: Partial<typeof employers.$inferInsert> = { updatedAt: now };
    for (const field of PLAIN) if (changed.has(field)) Object.assign(columns, { [field]: after[field] });
    if (changed.has('legalRepIdNumber')) Object.assign(columns, legalRep ?? { legalRepIdNumber: null, legalRepIdNumberIndex: null, legalRepIdNumberMasked: null });
    if (changed.has('contactPhone')) {
      const { value, masked } = sealMasked(rt.cipher, after['contactPhone'], maskPhone);
      Object.assign(columns, { contactPhone: value, contactPhoneMasked: masked });
    }
    const [updated] = await tx.update(employers).set(columns).where(where).returning();
    // The public job search names the employer of each open posting: corrected with the record.
    if (changed.has('name')) await renameEmployerPostings(tx, cityCode, { id, name: updated!.name, creditCode: updated!.creditCode }, now);
    await recordChanges(tx, rt.cipher, user, now, { cityCode, subjectType: 'employer', subjectId: id, kind: 'edit', reason: input.reason.trim() }, changes);
    return updated!;
  });
  return employerView(rt, row);
}

/** One employer (404 out of scope): the contact's phone in the clear for who works cases, a read recorded in the access log; masked for others. */
export async function getEmployer(rt: RuntimeContext, user: SessionUser, id: string, origin: RequestOrigin) {
  const row = await employerInScope(rt, user, id);
  const full = handlesCaseData(user);
  if (full && row.contactPhone !== null) {
    await recordAccess(rt.db, { actor: actorOfUser(user), action: 'employer.read', target: { type: 'employer', id: row.id }, origin, at: rt.clock(), details: { full } });
  }
  return employerView(rt, row, { full });
}

/** The legal representative's ID number is compared by its blind index and never shown in full, in the history neither. */
const LEGAL_REP: ReadonlySet<string> = new Set(['legalRepIdNumber']);

/** An employer's history, newest first: the contact's phone opened as `getEmployer` opens it (the reading recorded), the legal representative's ID number always masked. */
export async function employerHistory(rt: RuntimeContext, user: SessionUser, id: string, origin: RequestOrigin) {
  const row = await employerInScope(rt, user, id);
  const full = handlesCaseData(user);
  const items = await readHistory(rt.db, rt.cipher, user, { cityCode: row.cityCode, subjectType: 'employer', subjectId: row.id }, { full, origin, at: rt.clock(), alwaysMasked: LEGAL_REP });
  return { items, masked: !full };
}
