import type { RequestOrigin } from '../audit/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { readHistory } from '../master-history/index.ts';
import { handlesPerson } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { personInScope } from './person-service.ts';

/**
 * The history of a person visible to the user (404 out of scope): personal values in the clear for
 * who handles the person, that reading recorded in the access log; masked for anyone else.
 */
export async function personHistory(rt: RuntimeContext, user: SessionUser, id: string, origin: RequestOrigin) {
  const row = await personInScope(rt, user, id);
  const full = await handlesPerson(rt.db, user, row);
  const items = await readHistory(rt.db, rt.cipher, user, { cityCode: row.cityCode, subjectType: 'person', subjectId: row.id }, { full, origin, at: rt.clock() });
  return { items, masked: !full };
}
