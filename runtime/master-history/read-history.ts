import { and, desc, eq } from 'drizzle-orm';
import { recordAccess, type RequestOrigin } from '../audit/index.ts';
import { actorOfUser, type SessionUser } from '../auth/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
import type { Database } from '../db/index.ts';
import { masterDataHistory } from '../db/schema/index.ts';

/** One change as the history shows it: personal values in the clear only for a reader who may see them. */
export interface HistoryEntry {
  id: number;
  changeId: string;
  kind: 'edit' | 'merge';
  field: string;
  oldValue: string | null;
  newValue: string | null;
  personal: boolean;
  masked: boolean;
  reason: string;
  actor: { id: string; name: string };
  at: string;
}

/**
 * A record's history, newest first. Personal values are opened for a reader who handles the subject
 * (`full`), but for fields the subject's view never shows in full (`alwaysMasked`), and that clear
 * reading is recorded in the access log as any other; everyone else sees them masked.
 */
export async function readHistory(
  db: Database,
  cipher: FieldCipher,
  user: SessionUser,
  subject: { cityCode: string; subjectType: 'person' | 'employer'; subjectId: string },
  options: { full: boolean; origin: RequestOrigin; at: Date; alwaysMasked?: ReadonlySet<string> },
): Promise<HistoryEntry[]> {
  const rows = await db
    .select()
    .from(masterDataHistory)
    .where(and(eq(masterDataHistory.cityCode, subject.cityCode), eq(masterDataHistory.subjectType, subject.subjectType), eq(masterDataHistory.subjectId, subject.subjectId)))
    .orderBy(desc(masterDataHistory.id));
  const opens = (row: (typeof rows)[number]) => row.personal && options.full && !options.alwaysMasked?.has(row.field);
  const opened = rows.some(opens);
  if (opened) {
    await recordAccess(db, {
      actor: actorOfUser(user),
      action: `${subject.subjectType}.history.read`,
      target: { type: subject.subjectType, id: subject.subjectId },
      origin: options.origin,
      at: options.at,
      details: { full: true, fields: [...new Set(rows.filter(opens).map((row) => row.field))] },
    });
  }
  const open = (stored: string | null) => (stored === null ? null : cipher.decrypt(stored));
  return rows.map((row) => ({
    id: row.id,
    changeId: row.changeId,
    kind: row.kind,
    field: row.field,
    oldValue: row.personal ? (opens(row) ? open(row.oldValue) : row.oldMasked) : row.oldValue,
    newValue: row.personal ? (opens(row) ? open(row.newValue) : row.newMasked) : row.newValue,
    personal: row.personal,
    masked: row.personal && !opens(row),
    reason: row.reason,
    actor: { id: row.actorId, name: row.actorName },
    at: row.at.toISOString(),
  }));
}
