import { eq } from 'drizzle-orm';
import { definitionHash, type Definition, type Overlay } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { definitions } from '../db/schema/index.ts';
import { definitionAt } from './layers.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Whether publishing a draft would add nothing to the version in force at the user's level: the
 * same effective definition, parameter values, locks and integrations as that version, built on
 * the same version below. With no version of its own in force, the level's draft adds nothing when
 * it leaves the definition as it is and sets no value, lock or integration. Such a publication
 * would only number an identical version, so it is refused (`OVERLAY_UNCHANGED`).
 */
export async function publishesNothing(
  db: Executor,
  user: SessionUser,
  processId: string,
  draft: { overlay: Overlay; definition: Definition },
): Promise<boolean> {
  const inForce = await definitionAt(db, user.orgUnit.path, processId);
  if (definitionHash(inForce.definition) !== definitionHash(draft.definition)) return false;
  const empty: Pick<Overlay, 'parameters' | 'locks' | 'integrations'> = { parameters: [], locks: [], integrations: {} };
  let own = empty;
  // A level's own version is in force only while built on the version in force below (`processesInForce`).
  if (inForce.scopeOrgUnitId === user.orgUnit.id) {
    const [row] = await db.select({ overlay: definitions.overlay }).from(definitions).where(eq(definitions.id, inForce.definitionId));
    own = row?.overlay ?? empty;
  }
  const { overlay } = draft;
  return same(overlay.parameters, own.parameters) && same(overlay.locks, own.locks) && same(overlay.integrations ?? {}, own.integrations ?? {});
}
