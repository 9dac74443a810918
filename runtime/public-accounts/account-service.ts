import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { chinaDate, PlatformError } from '../../engine/index.ts';
import { parseCitizenId } from '../../forms/index.ts';
import { hashPassword, requireStrongPassword } from '../auth/index.ts';
import type { RequestOrigin } from '../audit/index.ts';
import type { Executor, Transaction } from '../db/index.ts';
import { orgUnits, persons, publicAccounts } from '../db/schema/index.ts';
import { nameInitials } from '../persons/index.ts';
import { normalIdNumber, sealIdNumber, sealPhone } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { NO_ORIGIN, recordPublicAccess } from './access-events.ts';
import { requireWellFormed, type CitizenSignUp, type EmployerSignUp } from './signup-forms.ts';
import type { PublicAccount } from './types.ts';
import { spendVerificationCode } from './verification-codes.ts';

type AccountRow = typeof publicAccounts.$inferSelect;

/** An account row as pages and services see it. */
export function publicAccountOf(row: AccountRow): PublicAccount {
  return { id: row.id, kind: row.kind, status: row.status, cityCode: row.cityCode, displayName: row.displayName, personId: row.personId, employerId: row.employerId };
}

/** The cities whose sites take sign-ups: every city org unit of the installation, by code. */
export async function signUpCities(rt: RuntimeContext): Promise<{ cityCode: string; name: string }[]> {
  const rows = await rt.db.select({ cityCode: orgUnits.cityCode, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.kind, 'city')).orderBy(orgUnits.cityCode);
  return rows.flatMap((row) => (row.cityCode ? [{ cityCode: row.cityCode, name: row.name }] : []));
}

async function cityOrgUnit(rt: RuntimeContext, cityCode: string) {
  const [city] = await rt.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.kind, 'city'), eq(orgUnits.cityCode, cityCode)));
  if (!city) throw new PlatformError('FORM_INVALID', { details: { errors: [{ field: 'cityCode', keyword: 'enum', message: 'unknown city', text: { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' } }] } });
  return city;
}

/** The login key of an account: the ID number's blind index for a citizen, the credit code for an employer. */
export function loginIndexOf(rt: RuntimeContext, kind: PublicAccount['kind'], login: string): string {
  return kind === 'citizen' ? rt.cipher.index(normalIdNumber(login)) : login.trim().toUpperCase();
}

async function refuseTaken(rt: RuntimeContext, cityCode: string, kind: PublicAccount['kind'], loginIndex: string): Promise<void> {
  const [taken] = await rt.db.select({ id: publicAccounts.id }).from(publicAccounts).where(and(eq(publicAccounts.cityCode, cityCode), eq(publicAccounts.kind, kind), eq(publicAccounts.loginIndex, loginIndex)));
  if (taken) throw new PlatformError('DUPLICATE_RECORD', { details: { field: kind === 'citizen' ? 'idNumber' : 'creditCode' } });
}

/** The city's record of the citizen's ID number, if any, refused when its name is not the one typed (`ID_NAME_MISMATCH`). */
async function knownPerson(db: Executor, rt: RuntimeContext, input: CitizenIdentity): Promise<string | undefined> {
  const [known] = await db.select({ id: persons.id, name: persons.name }).from(persons).where(and(eq(persons.cityCode, input.cityCode), eq(persons.idNumberIndex, rt.cipher.index(normalIdNumber(input.idNumber)))));
  if (known && known.name !== input.name.trim()) throw new PlatformError('ID_NAME_MISMATCH', { details: { field: 'name' } });
  return known?.id;
}

/** Who a citizen says they are: the city, the ID number, the name, the mobile. */
export type CitizenIdentity = Pick<CitizenSignUp, 'cityCode' | 'idNumber' | 'name' | 'mobile'>;

/**
 * The citizen as a person under real name, in the caller's transaction: the city's record of the ID
 * number when there is one (its name must be the one typed: `ID_NAME_MISMATCH`), else a new record
 * registered by no staff user, at the city's office, with gender and birth date from the number.
 * A signing-up citizen and a national application's applicant become persons this one way.
 */
export async function personForSignUp(tx: Executor, rt: RuntimeContext, input: CitizenIdentity, cityOrgUnitId: string): Promise<string> {
  const known = await knownPerson(tx, rt, input);
  if (known) return known;
  const sealed = sealIdNumber(rt.cipher, input.idNumber);
  const parsed = parseCitizenId(input.idNumber, chinaDate(rt.clock()));
  if (!parsed.ok) throw new PlatformError('ID_NUMBER_INVALID', { details: { field: 'idNumber', problem: parsed.problem } });
  const id = randomUUID();
  await tx.insert(persons).values({
    cityCode: input.cityCode,
    id,
    ...sealed,
    name: input.name.trim(),
    nameInitials: nameInitials(input.name.trim()),
    gender: parsed.gender,
    birthDate: parsed.birthDate,
    ...sealPhone(rt.cipher, input.mobile),
    orgUnitId: cityOrgUnitId,
    createdBy: null,
    createdAt: rt.clock(),
    updatedAt: rt.clock(),
  });
  return id;
}

/**
 * Signs a citizen up under real name: the form checked field by field, the ID number by GB 11643,
 * the password by the policy, one account per ID number and city, the mobile's code spent last (so
 * a form refused for another reason leaves it good), then the person and the account in one
 * transaction. The account is active at once. Recorded in the access log, from `origin`.
 */
export async function signUpCitizen(rt: RuntimeContext, input: CitizenSignUp, origin: RequestOrigin = NO_ORIGIN): Promise<PublicAccount> {
  requireWellFormed('citizen', { ...input });
  requireStrongPassword(input.password, normalIdNumber(input.idNumber));
  const city = await cityOrgUnit(rt, input.cityCode);
  const loginIndex = loginIndexOf(rt, 'citizen', input.idNumber);
  await refuseTaken(rt, input.cityCode, 'citizen', loginIndex);
  await knownPerson(rt.db, rt, input);
  await spendVerificationCode(rt, input.mobile, 'signup', input.code);
  const passwordHash = await hashPassword(input.password);
  const row = await rt.db.transaction(async (tx) => {
    const personId = await personForSignUp(tx, rt, input, city.id);
    const [inserted] = await tx.insert(publicAccounts).values(newAccount(rt, { cityCode: input.cityCode, kind: 'citizen', status: 'active', loginIndex, displayName: input.name.trim(), mobile: input.mobile, passwordHash, personId })).returning();
    return inserted!;
  });
  await recordPublicAccess(rt, { action: 'public.signup', kind: row.kind, cityCode: row.cityCode, account: row, origin, details: { status: row.status } });
  return publicAccountOf(row);
}

/** Hooks run in the sign-up's transaction once an employer's pending account is written (the caseworker's check opens there). */
export type EmployerSignedUp = (tx: Transaction, rt: RuntimeContext, account: PublicAccount) => Promise<void>;

/**
 * Signs an employer up: the credit code checked by GB 32100, the agent's mobile by its code, one
 * account per credit code and city. The account waits (`pending`) until a caseworker has checked
 * the employer; `onSignedUp` runs in the same transaction (it opens that check). Recorded in the
 * access log, from `origin`.
 */
export async function signUpEmployer(rt: RuntimeContext, input: EmployerSignUp, onSignedUp?: EmployerSignedUp, origin: RequestOrigin = NO_ORIGIN): Promise<PublicAccount> {
  requireWellFormed('employer', { ...input });
  const creditCode = input.creditCode.trim().toUpperCase();
  requireStrongPassword(input.password, creditCode);
  await cityOrgUnit(rt, input.cityCode);
  await refuseTaken(rt, input.cityCode, 'employer', creditCode);
  await spendVerificationCode(rt, input.mobile, 'signup', input.code);
  const passwordHash = await hashPassword(input.password);
  const row = await rt.db.transaction(async (tx) => {
    const values = newAccount(rt, { cityCode: input.cityCode, kind: 'employer', status: 'pending', loginIndex: creditCode, displayName: input.employerName.trim(), mobile: input.mobile, passwordHash, personId: null });
    const [inserted] = await tx.insert(publicAccounts).values({ ...values, creditCode, agentName: rt.cipher.encrypt(input.agentName.trim()) }).returning();
    await onSignedUp?.(tx, rt, publicAccountOf(inserted!));
    return inserted!;
  });
  await recordPublicAccess(rt, { action: 'public.signup', kind: row.kind, cityCode: row.cityCode, account: row, origin, details: { status: row.status } });
  return publicAccountOf(row);
}

function newAccount(rt: RuntimeContext, input: Pick<AccountRow, 'cityCode' | 'kind' | 'status' | 'loginIndex' | 'displayName' | 'passwordHash' | 'personId'> & { mobile: string }) {
  const { phone, phoneMasked } = sealPhone(rt.cipher, input.mobile);
  const { mobile: _mobile, ...rest } = input;
  return { ...rest, id: randomUUID(), mobile: phone!, mobileMasked: phoneMasked!, createdAt: rt.clock(), updatedAt: rt.clock() };
}

/** Why a caseworker refused an employer account, for the employer's own page; null when not refused. */
export async function refusalReasonOf(rt: RuntimeContext, accountId: string): Promise<string | null> {
  const [row] = await rt.db.select({ reason: publicAccounts.refusalReason }).from(publicAccounts).where(eq(publicAccounts.id, accountId));
  return row?.reason ?? null;
}
