import { eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { AccessActor } from '../audit/access-log.ts';
import { users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import type { SessionUser } from './session-user.ts';

/** The access log's view of a user. */
export function actorOfUser(user: SessionUser): AccessActor {
  return { id: user.id, name: user.displayName, role: user.role, orgUnitId: user.orgUnit.id };
}

/** The user's own account row, for changes to it. */
export async function accountRow(rt: RuntimeContext, userId: string): Promise<typeof users.$inferSelect> {
  const [row] = await rt.db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new PlatformError('AUTH_REQUIRED');
  return row;
}
