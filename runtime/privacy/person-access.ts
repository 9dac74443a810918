import { sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/index.ts';
import { queryRows, type Executor } from '../db/index.ts';

/** The roles whose work on a person's cases needs the person's full ID number and phone. */
const HANDLING_ROLES = new Set(['caseworker', 'reviewer']);

/** Whether the user works the cases they may read, and so sees their personal values (a bank account) in full. */
export function handlesCaseData(user: SessionUser): boolean {
  return HANDLING_ROLES.has(user.role);
}

/**
 * Whether the user handles the person, and so sees the full ID number and phone: a caseworker
 * or reviewer whose subtree holds one of the person's cases, or the office that registered them.
 * Everyone else (an administrator, an office elsewhere in the city) sees them masked, and may
 * reveal them for a stated purpose, which is recorded.
 */
export async function handlesPerson(db: Executor, user: SessionUser, person: { cityCode: string; id: string; orgUnitId: string }): Promise<boolean> {
  if (!HANDLING_ROLES.has(user.role)) return false;
  const under = `${user.jurisdictionPath}%`;
  const [row] = await queryRows<{ handles: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM cases c WHERE c.city_code = ${person.cityCode} AND c.subject_id = ${person.id} AND c.org_path LIKE ${under})
            OR EXISTS (SELECT 1 FROM org_units o WHERE o.id = ${person.orgUnitId} AND o.path LIKE ${under}) AS handles`,
  );
  return row?.handles === true;
}
