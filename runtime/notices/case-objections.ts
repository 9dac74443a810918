import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { actorOfUser, type SessionUser } from '../auth/index.ts';
import { getCaseRow } from '../cases/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { objectionsOfCase, type CaseObjection } from './objections.ts';

/**
 * The objections sent to a case's public notices, for staff whose subtree holds the case (404
 * otherwise): who sent them (name and phone opened, so the caseworker can check with them), when
 * and why. The reading is recorded in the access log first.
 */
export async function caseObjections(rt: RuntimeContext, user: SessionUser, id: string, origin: RequestOrigin): Promise<{ items: CaseObjection[] }> {
  const row = await getCaseRow(rt, user, id);
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'case.read', target: { type: 'case', id: row.id }, origin, at: rt.clock(), details: { caseNo: row.caseNo, objections: true } });
  return { items: await objectionsOfCase(rt, row.cityCode, row.id) };
}
