import { and, count, desc, eq, like, or, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError, chinaDate } from '../../engine/index.ts';
import { maskCitizenId, parseCitizenId } from '../../forms/index.ts';
import { inVisibleCities, type SessionUser } from '../auth/index.ts';
import { codeOrNamePrefix, isUniqueViolation } from '../db/index.ts';
import { persons } from '../db/schema/index.ts';
import { isKnownAreaCode } from '../divisions/index.ts';
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
}

type PersonRow = typeof persons.$inferSelect;

/** A person as the API shows it; `idNumber` is masked in lists. */
export function personView(row: PersonRow, options: { mask: boolean }) {
  return {
    id: row.id,
    cityCode: row.cityCode,
    idNumber: options.mask ? maskCitizenId(row.idNumber) : row.idNumber,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    phone: row.phone,
    hukouArea: row.hukouArea,
    residenceArea: row.residenceArea,
    address: row.address,
    unemploymentStatus: row.unemploymentStatus,
    employmentStatus: row.employmentStatus,
    difficultyStatus: row.difficultyStatus,
    unjustifiedRefusals: row.unjustifiedRefusals,
    certificateNo: row.certificateNo,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Registers a person under real name in the user's city. The ID number must pass the
 * GB 11643 check; gender and birth date are derived from it, never typed. An unknown area
 * code is a warning because codes are retired over time.
 */
export async function registerPerson(rt: RuntimeContext, user: SessionUser, input: RegisterPersonInput) {
  const cityCode = requireCity(user);
  const parsed = parseCitizenId(input.idNumber, chinaDate(rt.clock()));
  if (!parsed.ok) throw new PlatformError('ID_NUMBER_INVALID', { details: { field: 'idNumber', problem: parsed.problem } });
  const idNumber = input.idNumber.trim().toUpperCase();
  const warnings = isKnownAreaCode(parsed.areaCode) ? [] : [{ code: 'ID_AREA_UNKNOWN', areaCode: parsed.areaCode }];
  try {
    const [row] = await rt.db
      .insert(persons)
      .values({
        cityCode,
        id: randomUUID(),
        idNumber,
        name: input.name.trim(),
        nameInitials: nameInitials(input.name),
        gender: parsed.gender,
        birthDate: parsed.birthDate,
        phone: input.phone ?? null,
        hukouArea: input.hukouArea ?? null,
        residenceArea: input.residenceArea ?? null,
        address: input.address ?? null,
        orgUnitId: user.orgUnit.id,
        createdBy: user.id,
        createdAt: rt.clock(),
        updatedAt: rt.clock(),
      })
      .returning();
    return { ...personView(row!, { mask: false }), warnings };
  } catch (error) {
    if (isUniqueViolation(error)) throw new PlatformError('DUPLICATE_RECORD', { details: { field: 'idNumber' }, cause: error });
    throw error;
  }
}

/**
 * Persons visible to the user: by exact ID number, by name prefix, or, when the query is latin
 * letters, by the start of the name's pinyin initials (`zs` finds 张三). ID numbers masked.
 */
export async function findPersons(rt: RuntimeContext, user: SessionUser, query: { q?: string | undefined; page: number; pageSize: number }) {
  const q = query.q?.trim();
  const filters: SQL[] = [inVisibleCities(persons.cityCode, user)];
  if (q && looksLikeInitials(q)) filters.push(or(codeOrNamePrefix(persons.idNumber, persons.name, q), like(persons.nameInitials, `${q.toLowerCase()}%`))!);
  else if (q) filters.push(codeOrNamePrefix(persons.idNumber, persons.name, q));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    rt.db.select().from(persons).where(where).orderBy(desc(persons.createdAt)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    rt.db.select({ value: count() }).from(persons).where(where),
  ]);
  return { items: rows.map((row) => personView(row, { mask: true })), total: Number(total?.value ?? 0) };
}

/** One person visible to the user, in full; 404 for persons out of scope. */
export async function getPerson(rt: RuntimeContext, user: SessionUser, id: string) {
  const [row] = await rt.db.select().from(persons).where(and(eq(persons.id, id), inVisibleCities(persons.cityCode, user))).limit(1);
  if (!row) throw new PlatformError('NOT_FOUND', { details: { person: id } });
  return personView(row, { mask: false });
}
