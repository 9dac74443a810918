import { randomUUID } from 'node:crypto';
import { chinaDate, type CaseSnapshot } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { cases } from '../db/schema/index.ts';
import { nextCaseNumber } from '../numbering/index.ts';
import type { CaseOpenInput, CaseRow } from '../runtime-context.ts';

/** What a new case row holds beyond its subject, office and pinned definition. */
export interface NewCase {
  snapshot: CaseSnapshot;
  status: CaseRow['status'];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date | null;
  importedFrom?: string | null;
}

/** Inserts a case opened here or brought in by an import: its number, the pinned definition, the snapshot. */
export async function insertCase(tx: Transaction, input: Pick<CaseOpenInput, 'published' | 'cityCode' | 'subjectId' | 'orgUnit' | 'openedByAccount' | 'nationalApplicationNo' | 'exchangeMessage'> & { createdBy: string | null }, row: NewCase, now: Date): Promise<CaseRow> {
  const { definition } = input.published;
  const [inserted] = await tx
    .insert(cases)
    .values({
      cityCode: input.cityCode,
      id: randomUUID(),
      caseNo: await nextCaseNumber(tx, input.cityCode, definition.id, chinaDate(now).slice(0, 4)),
      processId: definition.id,
      definitionId: input.published.id,
      pluginId: input.published.pluginId,
      pluginVersion: input.published.pluginVersion,
      subjectType: definition.subject,
      subjectId: input.subjectId,
      orgUnitId: input.orgUnit.id,
      orgPath: input.orgUnit.path,
      state: row.snapshot.state,
      status: row.status,
      exclusive: definition.oneActivePerSubject,
      snapshot: row.snapshot,
      data: row.snapshot.context.data,
      version: row.version,
      createdBy: input.createdBy,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      closedAt: row.closedAt ?? null,
      importedFrom: row.importedFrom ?? null,
      openedByAccount: input.openedByAccount ?? null,
      nationalApplicationNo: input.nationalApplicationNo ?? null,
      exchangeSender: input.exchangeMessage?.sender ?? null,
      exchangeMessageId: input.exchangeMessage?.messageId ?? null,
    })
    .returning();
  return inserted!;
}
