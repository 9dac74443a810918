import { and, count, desc, eq, like, or, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError, chinaDate } from '../../engine/index.ts';
import { parseCitizenId } from '../../forms/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { actorOfUser, inVisibleCities, type SessionUser } from '../auth/index.ts';
import { isUniqueViolation, namePrefix } from '../db/index.ts';
import { persons } from '../db/schema/index.ts';
import { isKnownAreaCode } from '../divisions/index.ts';
import { handlesPerson, normalIdNumber, openValue, sealAccount, sealIdNumber, sealPhone } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { looksLikeInitials, nameInitials } from './name-initials.ts';
import { requireCity } from './require-city.ts';

export interface RegisterPersonInput {
  idNumber: string;
  name: string;
  phone?: string | undefined;
  hukouArea?: string | undefined;
  residenceArea?: string | undefined;
  address?: string | undefined;
  paymentAccountType?: PaymentAccountType | undefined;
  paymentAccount?: string | undefined;
  paymentBank?: string | undefined;
}

/** 社会保障卡金融账户 or a bank account. */
export type PaymentAccountType = 'social-security-card' | 'bank-account';

type PersonRow = typeof persons.$inferSelect;

/**
 * Every status the loaded packages declare, with the person's value, the declared default (the
 * first value, `none`) where none is set; a status set by a package no longer loaded is kept.
 */
function statusesOf(rt: RuntimeContext, row: PersonRow): Record<string, string> {
  const defaults = Object.fromEntries([...rt.registry.statuses].map(([key, declared]) => [key, declared.values[0]!]));
  return { ...defaults, ...row.statuses };
}

/** The payment account columns of a person: the number sealed and masked, with its type and bank; all null for none. */
export function paymentAccountColumns(rt: RuntimeContext, input: { paymentAccountType?: PaymentAccountType | undefined; paymentAccount?: string | null | undefined; paymentBank?: string | undefined }) {
  const { account, masked } = sealAccount(rt.cipher, input.paymentAccount);
  return account === null
    ? { paymentAccountType: null, paymentAccount: null, paymentAccountMasked: null, paymentBank: null }
    : { paymentAccountType: input.paymentAccountType ?? 'bank-account', paymentAccount: account, paymentAccountMasked: masked, paymentBank: input.paymentBank?.trim() || null };
}

/**
 * A person as the API shows it. `full`: the ID number, the phones and the social security card
 * number in the clear (decrypted), for someone who handles the person; otherwise their masked forms. `masked` tells the reader which.
 * The payment account is masked unless `account` asks for it in the clear (a read the caller records).
 */
export function personView(rt: RuntimeContext, row: PersonRow, options: { full: boolean; account?: boolean }) {
  return {
    id: row.id,
    cityCode: row.cityCode,
    idNumber: options.full ? openValue(rt.cipher, row.idNumber)! : (row.idNumberMasked ?? ''),
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    phone: options.full ? openValue(rt.cipher, row.phone) : row.phoneMasked,
    masked: !options.full,
    hukouArea: row.hukouArea,
    residenceArea: row.residenceArea,
    address: row.address,
    paymentAccountType: row.paymentAccountType,
    paymentAccount: options.account === true ? openValue(rt.cipher, row.paymentAccount) : row.paymentAccountMasked,
    paymentBank: row.paymentBank,
    hukouType: row.hukouType,
    email: row.email,
    emergencyContactName: row.emergencyContactName,
    emergencyContactPhone: options.full ? openValue(rt.cipher, row.emergencyContactPhone) : row.emergencyContactPhoneMasked,
    socialSecurityCardNo: options.full ? openValue(rt.cipher, row.socialSecurityCardNo) : row.socialSecurityCardNoMasked,
    skills: row.skills,
    mergedInto: row.mergedInto,
    mergedAt: row.mergedAt?.toISOString() ?? null,
    statuses: statusesOf(rt, row),
    unjustifiedRefusals: row.unjustifiedRefusals,
    certificateNo: row.certificateNo,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Registers a person under real name in the user's city. The ID number must pass the GB 11643
 * check; gender and birth date are derived from it, never typed; it and the phone are stored
 * encrypted, with a blind index that keeps the ID number unique in the city. An unknown area
 * code is a warning because codes are retired over time.
 */
export async function registerPerson(rt: RuntimeContext, user: SessionUser, input: RegisterPersonInput) {
  const cityCode = requireCity(user);
  const parsed = parseCitizenId(input.idNumber, chinaDate(rt.clock()));
  if (!parsed.ok) throw new PlatformError('ID_NUMBER_INVALID', { details: { field: 'idNumber', problem: parsed.problem } });
  const warnings = isKnownAreaCode(parsed.areaCode) ? [] : [{ code: 'ID_AREA_UNKNOWN', areaCode: parsed.areaCode }];
  try {
    const [row] = await rt.db
      .insert(persons)
      .values({
        cityCode,
        id: randomUUID(),
        ...sealIdNumber(rt.cipher, input.idNumber),
        name: input.name.trim(),
        nameInitials: nameInitials(input.name),
        gender: parsed.gender,
        birthDate: parsed.birthDate,
        ...sealPhone(rt.cipher, input.phone),
        hukouArea: input.hukouArea ?? null,
        residenceArea: input.residenceArea ?? null,
        address: input.address ?? null,
        ...paymentAccountColumns(rt, input),
        orgUnitId: user.orgUnit.id,
        createdBy: user.id,
        createdAt: rt.clock(),
        updatedAt: rt.clock(),
      })
      .returning();
    return { ...personView(rt, row!, { full: true }), warnings };
  } catch (error) {
    if (isUniqueViolation(error)) throw new PlatformError('DUPLICATE_RECORD', { details: { field: 'idNumber' }, cause: error });
    throw error;
  }
}

/**
 * Persons visible to the user: by exact ID number (through its blind index), by name prefix,
 * or, when the query is latin letters, by the start of the name's pinyin initials (`zs` finds
 * 张三). Always masked: a list is not where a full number is needed.
 */
export async function findPersons(rt: RuntimeContext, user: SessionUser, query: { q?: string | undefined; page: number; pageSize: number }) {
  const q = query.q?.trim();
  const filters: SQL[] = [inVisibleCities(persons.cityCode, user)];
  if (q) {
    const byCode = or(eq(persons.idNumberIndex, rt.cipher.index(normalIdNumber(q))), namePrefix(persons.name, q))!;
    filters.push(looksLikeInitials(q) ? or(byCode, like(persons.nameInitials, `${q.toLowerCase()}%`))! : byCode);
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    rt.db.select().from(persons).where(where).orderBy(desc(persons.createdAt)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    rt.db.select({ value: count() }).from(persons).where(where),
  ]);
  return { items: rows.map((row) => personView(rt, row, { full: false })), total: Number(total?.value ?? 0) };
}

/** A person in the user's visible cities, or 404; nothing of their personal data is read out. */
export async function personInScope(rt: RuntimeContext, user: SessionUser, id: string): Promise<PersonRow> {
  const [row] = await rt.db.select().from(persons).where(and(eq(persons.id, id), inVisibleCities(persons.cityCode, user))).limit(1);
  if (!row) throw new PlatformError('NOT_FOUND', { details: { person: id } });
  return row;
}

/**
 * One person visible to the user (404 for persons out of scope): in full for someone who handles
 * them, masked for anyone else. Every read is recorded in the access log before it is answered.
 */
export async function getPerson(rt: RuntimeContext, user: SessionUser, id: string, origin: RequestOrigin) {
  const row = await personInScope(rt, user, id);
  const full = await handlesPerson(rt.db, user, row);
  const account = full && row.paymentAccount !== null;
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'person.read', target: { type: 'person', id: row.id }, origin, at: rt.clock(), details: { full, paymentAccount: account } });
  return personView(rt, row, { full, account });
}

/**
 * The exception (break-glass): a person's full ID number and phone for a user who does not
 * handle them but must, for the purpose stated, which the access log keeps with who and when.
 */
export async function revealPerson(rt: RuntimeContext, user: SessionUser, id: string, purpose: string, origin: RequestOrigin) {
  const row = await personInScope(rt, user, id);
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'person.reveal', target: { type: 'person', id: row.id }, purpose, origin, at: rt.clock(), details: { paymentAccount: row.paymentAccount !== null } });
  return personView(rt, row, { full: true, account: true });
}
