import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../auth/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
import type { Executor } from '../db/index.ts';
import { masterDataHistory } from '../db/schema/index.ts';

/** One field's change, in the clear; `mask` is given for a personal field, whose values are then kept encrypted. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
  mask?: ((value: string) => string) | undefined;
}

/** Whose record changed, why, and how: an edit, or what a merge did to it. */
export interface ChangeSubject {
  cityCode: string;
  subjectType: 'person' | 'employer';
  subjectId: string;
  kind: 'edit' | 'merge';
  reason: string;
}

/**
 * Appends one request's changes to the record's history in the caller's transaction, under one
 * change id: who, when, the field, its value before and after and the reason. A personal value is
 * sealed, with its masked form beside it, so the history holds no more in the clear than the record.
 */
export async function recordChanges(tx: Executor, cipher: FieldCipher, user: SessionUser, at: Date, subject: ChangeSubject, changes: readonly FieldChange[]): Promise<string> {
  const changeId = randomUUID();
  if (changes.length === 0) return changeId;
  const seal = (value: string | null) => (value === null ? null : cipher.encrypt(value));
  await tx.insert(masterDataHistory).values(
    changes.map((change) => ({
      ...subject,
      changeId,
      field: change.field,
      oldValue: change.mask ? seal(change.from) : change.from,
      newValue: change.mask ? seal(change.to) : change.to,
      personal: change.mask !== undefined,
      oldMasked: change.mask && change.from !== null ? change.mask(change.from) : null,
      newMasked: change.mask && change.to !== null ? change.mask(change.to) : null,
      actorId: user.id,
      actorName: user.displayName,
      at,
    })),
  );
  return changeId;
}

/** The changes between a record's values before and after, field by field, leaving out those that stayed. */
export function changedFields(before: Record<string, string | null>, after: Record<string, string | null>, masks: Readonly<Record<string, (value: string) => string>>): FieldChange[] {
  return Object.keys(after)
    .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null, mask: masks[field] }));
}
