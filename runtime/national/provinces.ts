import { sql } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { nationalProvinces } from '../db/schema/index.ts';

/** What a province's database shows the national node: these views (migration 0041) and nothing else. */
export const PROVINCE_VIEWS = ['national_person_statuses', 'national_employers', 'national_vacancies'] as const;

/** A province's database as the national node reaches it, and the members the exchange knows it and the national node by. */
export interface ProvinceSource {
  /** The province's division code (`350000`). */
  code: string;
  name: string;
  memberCode: string;
  nationalMemberCode: string;
  host: string;
  port: number;
  dbname: string;
  /** The province's read-only role for the national node (`grantNationalReader`). */
  user: string;
  password: string;
}

/** The schema (and foreign server) a province's foreign tables live in at the national node. */
export function provinceSchema(code: string): string {
  if (!/^[1-9]\d0000$/.test(code)) throw new RangeError(`a province code is six digits ending 0000, not ${code}`);
  return `province_${code}`;
}

/** A role name checked to be a plain identifier, since DDL takes no bind parameters. */
function roleName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new RangeError(`a role name is lower-case letters, digits and underscores, not ${name}`);
  return name;
}

/** A string literal for DDL, which takes no bind parameters. */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * In a province's database (run as its owner): a login role for the national node that may read
 * the national views and nothing else (not `persons`, not `employers`): the views run with their
 * owner's rights and show no encrypted or personal column. Made again, it keeps the role and grants.
 */
export async function grantNationalReader(db: Executor, user: string, password: string): Promise<void> {
  const role = roleName(user);
  await db.execute(
    sql.raw(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(role)}) THEN CREATE ROLE ${role} LOGIN PASSWORD ${literal(password)}; END IF;
    END $$`),
  );
  await db.execute(sql.raw(`GRANT USAGE ON SCHEMA public TO ${role}`));
  await db.execute(sql.raw(`GRANT SELECT ON ${PROVINCE_VIEWS.join(', ')} TO ${role}`));
}

/**
 * At the national node (run as its owner, PostgreSQL with postgres_fdw): a foreign server for the
 * province, `async_capable` so that one query over several provinces scans them at the same time, a
 * user mapping as the province's reader role, the province's national views imported as foreign
 * tables into `province_<code>`, and the province in `national_provinces`. Run again, it replaces
 * the foreign tables and the server's address.
 */
export async function attachProvince(db: Executor, source: ProvinceSource): Promise<void> {
  const schema = provinceSchema(source.code);
  const server = `host ${literal(source.host)}, port ${literal(String(source.port))}, dbname ${literal(source.dbname)}`;
  await db.execute(sql.raw('CREATE EXTENSION IF NOT EXISTS postgres_fdw'));
  await db.execute(sql.raw(`DROP SERVER IF EXISTS ${schema} CASCADE`));
  await db.execute(sql.raw(`CREATE SERVER ${schema} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (${server}, async_capable 'true', fetch_size '1000')`));
  await db.execute(sql.raw(`CREATE USER MAPPING FOR CURRENT_USER SERVER ${schema} OPTIONS (user ${literal(roleName(source.user))}, password ${literal(source.password)})`));
  await db.execute(sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  await db.execute(sql.raw(`CREATE SCHEMA ${schema}`));
  await db.execute(sql.raw(`IMPORT FOREIGN SCHEMA public LIMIT TO (${PROVINCE_VIEWS.join(', ')}) FROM SERVER ${schema} INTO ${schema}`));
  const row = { code: source.code, name: source.name, memberCode: source.memberCode, nationalMemberCode: source.nationalMemberCode };
  await db.insert(nationalProvinces).values(row).onConflictDoUpdate({ target: nationalProvinces.code, set: row });
}
