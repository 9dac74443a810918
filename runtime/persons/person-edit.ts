import { and, eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { maskPhone, maskSocialSecurityCardNo, normalSocialSecurityCardNo } from '../../forms/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { codeEntry } from '../code-tables/index.ts';
import { auditLog, persons, type PersonSkill } from '../db/schema/index.ts';
import { changedFields, recordChanges } from '../master-history/index.ts';
import { maskAccount, openValue, sealMasked, sealPhone } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { nameInitials } from './name-initials.ts';
import { paymentAccountColumns, personView, type PaymentAccountType } from './person-service.ts';
import { requireCity } from './require-city.ts';

/** What an edit may change on a person's record (never the ID number: a mistyped one is a merge); a field left out stays, null clears it. */
export interface PersonChanges {
  name?: string | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  hukouType?: string | null | undefined;
  hukouArea?: string | null | undefined;
  residenceArea?: string | null | undefined;
  address?: string | null | undefined;
  socialSecurityCardNo?: string | null | undefined;
  emergencyContactName?: string | null | undefined;
  emergencyContactPhone?: string | null | undefined;
  skills?: PersonSkill[] | undefined;
  paymentAccountType?: PaymentAccountType | undefined;
  paymentAccount?: string | null | undefined;
  paymentBank?: string | undefined;
}

type PersonRow = typeof persons.$inferSelect;

/** The personal fields of a person's record, each with how it is masked: encrypted at rest and in the history. */
const MASKS: Readonly<Record<string, (value: string) => string>> = {
  phone: maskPhone,
  emergencyContactPhone: maskPhone,
  socialSecurityCardNo: maskSocialSecurityCardNo,
  paymentAccount: maskAccount,
};

/** A person's editable values in the clear, each as one string (skills as JSON), as the history compares and keeps them. */
function clearValues(rt: RuntimeContext, row: PersonRow): Record<string, string | null> {
  return {
    name: row.name,
    phone: openValue(rt.cipher, row.phone),
    email: row.email,
    hukouType: row.hukouType,
    hukouArea: row.hukouArea,
    residenceArea: row.residenceArea,
    address: row.address,
    socialSecurityCardNo: openValue(rt.cipher, row.socialSecurityCardNo),
    emergencyContactName: row.emergencyContactName,
    emergencyContactPhone: openValue(rt.cipher, row.emergencyContactPhone),
    skills: JSON.stringify(row.skills),
    paymentAccountType: row.paymentAccountType,
    paymentAccount: openValue(rt.cipher, row.paymentAccount),
    paymentBank: row.paymentBank,
  };
}

const blankToNull = (value: string | null | undefined) => value?.trim() || null;

/** The values after the edit: those asked for, normalised; an account removed takes its type and bank with it. */
function valuesAfter(before: Record<string, string | null>, changes: PersonChanges): Record<string, string | null> {
  const after = { ...before };
  for (const field of ['phone', 'email', 'hukouType', 'hukouArea', 'residenceArea', 'address', 'emergencyContactName', 'emergencyContactPhone'] as const) {
    if (changes[field] !== undefined) after[field] = blankToNull(changes[field]);
  }
  if (changes.name !== undefined) after['name'] = changes.name.trim();
  if (changes.socialSecurityCardNo !== undefined) after['socialSecurityCardNo'] = changes.socialSecurityCardNo === null ? null : normalSocialSecurityCardNo(changes.socialSecurityCardNo);
  if (changes.skills !== undefined) after['skills'] = JSON.stringify(changes.skills);
  if (changes.paymentAccount === null) Object.assign(after, { paymentAccount: null, paymentAccountType: null, paymentBank: null });
  else if (changes.paymentAccount !== undefined) after['paymentAccount'] = changes.paymentAccount.replace(/\s/g, '');
  if (after['paymentAccount'] !== null) {
    if (changes.paymentAccountType !== undefined) after['paymentAccountType'] = changes.paymentAccountType;
    if (changes.paymentBank !== undefined) after['paymentBank'] = blankToNull(changes.paymentBank);
    after['paymentAccountType'] ??= 'bank-account';
  }
  return after;
}

/** Refuses a code not in its table (户口性质, the occupation of a certificate) with the field that holds it; nothing is written. */
function checkCodes(changes: PersonChanges): void {
  const unknown = (field: string, table: string, code: string) => new PlatformError('CODE_UNKNOWN', { details: { field, table, code } });
  if (changes.hukouType && !codeEntry('hukou-type', changes.hukouType)) throw unknown('hukouType', 'hukou-type', changes.hukouType);
  changes.skills?.forEach((skill, index) => {
    if (skill.occupation && !codeEntry('occupation-2022', skill.occupation)) throw unknown(`skills.${index}.occupation`, 'occupation-2022', skill.occupation);
  });
}

/** The columns that store the changed fields: personal values sealed with their masked forms. */
function columnsOf(rt: RuntimeContext, changed: ReadonlySet<string>, after: Record<string, string | null>, changes: PersonChanges): Partial<typeof persons.$inferInsert> {
  const columns: Partial<typeof persons.$inferInsert> = {};
  if (changed.has('name')) Object.assign(columns, { name: after['name']!, nameInitials: nameInitials(after['name']!) });
  if (changed.has('phone')) Object.assign(columns, sealPhone(rt.cipher, after['phone']));
  for (const field of ['email', 'hukouType', 'hukouArea', 'residenceArea', 'address', 'emergencyContactName'] as const) if (changed.has(field)) columns[field] = after[field] ?? null;
  if (changed.has('emergencyContactPhone')) {
    const { value, masked } = sealMasked(rt.cipher, after['emergencyContactPhone'], maskPhone);
    Object.assign(columns, { emergencyContactPhone: value, emergencyContactPhoneMasked: masked });
  }
  if (changed.has('socialSecurityCardNo')) {
    const { value, masked } = sealMasked(rt.cipher, after['socialSecurityCardNo'], maskSocialSecurityCardNo);
    Object.assign(columns, { socialSecurityCardNo: value, socialSecurityCardNoMasked: masked });
  }
  if (changed.has('skills')) columns.skills = changes.skills ?? [];
  if (changed.has('paymentAccount') || changed.has('paymentAccountType') || changed.has('paymentBank')) {
    const account = { paymentAccountType: (after['paymentAccountType'] ?? undefined) as PaymentAccountType | undefined, paymentAccount: after['paymentAccount'], paymentBank: after['paymentBank'] ?? undefined };
    Object.assign(columns, paymentAccountColumns(rt, account));
  }
  return columns;
}

/**
 * Corrects a person of the user's city for a stated reason. Codes are checked against their tables
 * before anything is written; in one transaction the record is changed and every changed field is
 * appended to its history (who, when, before, after, the reason; personal values sealed). A change
 * of payment account is audited as before. Asking for what is already there writes nothing.
 */
export async function editPerson(rt: RuntimeContext, user: SessionUser, id: string, input: { changes: PersonChanges; reason: string }) {
  const cityCode = requireCity(user);
  checkCodes(input.changes);
  const now = rt.clock();
  const where = and(eq(persons.cityCode, cityCode), eq(persons.id, id));
  const row = await rt.db.transaction(async (tx) => {
    const [before] = await tx.select().from(persons).where(where).for('update');
    if (!before) throw new PlatformError('NOT_FOUND', { details: { person: id } });
    if (before.mergedInto) throw new PlatformError('RECORD_MERGED', { details: { person: id, mergedInto: before.mergedInto } });
    const clear = clearValues(rt, before);
    const after = valuesAfter(clear, input.changes);
    const changes = changedFields(clear, after, MASKS);
    if (changes.length === 0) return before;
    const changed = new Set(changes.map((change) => change.field));
    const columns = columnsOf(rt, changed, after, input.changes);
    const [updated] = await tx.update(persons).set({ ...columns, updatedAt: now }).where(where).returning();
    await recordChanges(tx, rt.cipher, user, now, { cityCode, subjectType: 'person', subjectId: id, kind: 'edit', reason: input.reason.trim() }, changes);
    // Where money goes is changed on the record, by whom and from which account to which (masked).
    if (changed.has('paymentAccount')) {
      await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'person.payment-account', target: id, details: { from: before.paymentAccountMasked, to: updated!.paymentAccountMasked }, at: now });
    }
    return updated!;
  });
  return personView(rt, row, { full: false });
}
