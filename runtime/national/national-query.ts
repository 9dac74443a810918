import { randomUUID } from 'node:crypto';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { recordAccess, type AccessActor, type RequestOrigin } from '../audit/index.ts';
import { queryRows } from '../db/index.ts';
import { nationalClaims, nationalProvinces } from '../db/schema/index.ts';
import { sendMessage } from '../exchange/index.ts';
import { normalIdNumber } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { provinceSchema } from './provinces.ts';
import { NATIONAL_PERSON_READ, type ReadNotice } from './read-notice.ts';

type Province = typeof nationalProvinces.$inferSelect;

/** How many rows a list across provinces gives at most. */
export const NATIONAL_LIST_MAX = 200;

/**
 * One statement over every province's foreign table of `view`: the parts joined by UNION ALL, each
 * tagged with its province, so PostgreSQL (postgres_fdw, servers `async_capable`) scans the
 * provinces at the same time rather than one after another.
 */
function acrossProvinces(provinces: readonly Province[], view: string, columns: string, where: SQL, tail: SQL = sql``): SQL {
  const parts = provinces.map((p) => sql`SELECT ${p.code}::text AS province, ${sql.raw(columns)} FROM ${sql.raw(`${provinceSchema(p.code)}.${view}`)} WHERE ${where}`);
  return sql`${sql.join(parts, sql` UNION ALL `)} ${tail}`;
}

async function provincesRead(rt: RuntimeContext): Promise<Province[]> {
  return rt.db.select().from(nationalProvinces).orderBy(asc(nationalProvinces.code));
}

/** A person's record in a province: its city and statuses (`unemploymentStatus`, `employmentStatus`, …). */
export interface ProvinceRecord {
  province: string;
  cityCode: string;
  statuses: Record<string, string>;
  updatedAt: string;
}

/**
 * 全国查询 A person's employment and unemployment status in every province, by ID number: the
 * provinces' records found by the blind index (never the number), the national claims held for it.
 * Recorded at both ends before it is answered: each province holding the person is sent a signed
 * notice (`national.person-read`, through the outbox) that its inbox records in its access log, and
 * the national node's access log records the read (`national.person-status`).
 */
export async function personAcrossProvinces(rt: RuntimeContext, reader: AccessActor, idNumber: string, origin: RequestOrigin) {
  const index = rt.cipher.index(normalIdNumber(idNumber));
  const provinces = await provincesRead(rt);
  const rows =
    provinces.length === 0
      ? []
      : await queryRows<{ province: string; city_code: string; statuses: Record<string, string>; updated_at: string | Date }>(
          rt.db,
          acrossProvinces(provinces, 'national_person_statuses', 'city_code, statuses, updated_at', sql`id_number_index = ${index}`),
        );
  const claims = await rt.db.select().from(nationalClaims).where(eq(nationalClaims.idNumberIndex, index));
  const at = rt.clock();
  const holding = provinces.filter((p) => rows.some((row) => row.province === p.code));
  const notice: ReadNotice = { idNumberIndex: index, reader: { id: reader.id, name: reader.name, role: reader.role }, readAt: at.toISOString(), action: 'national.person-status' };
  await rt.db.transaction(async (tx) => {
    for (const p of holding) {
      await sendMessage(rt, { sender: p.nationalMemberCode, receiver: p.memberCode, service: NATIONAL_PERSON_READ, businessKey: `${p.code}-${randomUUID()}`, payload: notice }, tx);
    }
  });
  await recordAccess(rt.db, { actor: reader, action: 'national.person-status', target: { type: 'id-number-index', id: index }, origin, at, details: { provinces: holding.map((p) => p.code) } });
  const records: ProvinceRecord[] = rows.map((row) => ({ province: row.province, cityCode: row.city_code, statuses: row.statuses, updatedAt: new Date(row.updated_at).toISOString() }));
  return {
    records,
    claims: claims.map((claim) => ({ statusKey: claim.statusKey, holder: claim.holder, claimedAt: claim.claimedAt.toISOString() })),
    provinces: provinces.map((p) => ({ code: p.code, name: p.name })),
  };
}

/** Employers in every province by unified social credit code or a part of the name (no personal column is there to read). */
export async function employersAcrossProvinces(rt: RuntimeContext, filter: { creditCode?: string | undefined; name?: string | undefined }) {
  const provinces = await provincesRead(rt);
  if (provinces.length === 0) return [];
  const where = filter.creditCode ? sql`credit_code = ${filter.creditCode}` : filter.name ? sql`name LIKE ${`%${filter.name}%`}` : sql`true`;
  const rows = await queryRows<{ province: string; city_code: string; credit_code: string; name: string; industry: string | null; size: string | null }>(
    rt.db,
    acrossProvinces(provinces, 'national_employers', 'city_code, credit_code, name, industry, size', where, sql`ORDER BY 1, 4 LIMIT ${NATIONAL_LIST_MAX}`),
  );
  return rows.map((row) => ({ province: row.province, cityCode: row.city_code, creditCode: row.credit_code, name: row.name, industry: row.industry, size: row.size }));
}

/** The public vacancies in every province, by occupation code (or all), newest first. */
export async function vacanciesAcrossProvinces(rt: RuntimeContext, filter: { occupation?: string | undefined }) {
  const provinces = await provincesRead(rt);
  if (provinces.length === 0) return [];
  const where = filter.occupation ? sql`occupation LIKE ${`${filter.occupation}%`}` : sql`true`;
  const rows = await queryRows<{ province: string; city_code: string; case_no: string; title: string; employer_name: string; occupation_name: string; work_area_name: string; headcount: number; published_at: string | Date; valid_until: string }>(
    rt.db,
    acrossProvinces(provinces, 'national_vacancies', 'city_code, case_no, title, employer_name, occupation_name, work_area_name, headcount, published_at, valid_until', where, sql`ORDER BY published_at DESC LIMIT ${NATIONAL_LIST_MAX}`),
  );
  return rows.map((row) => ({
    province: row.province,
    cityCode: row.city_code,
    caseNo: row.case_no,
    title: row.title,
    employerName: row.employer_name,
    occupationName: row.occupation_name,
    workAreaName: row.work_area_name,
    headcount: Number(row.headcount),
    publishedAt: new Date(row.published_at).toISOString(),
    validUntil: row.valid_until,
  }));
}
