import { and, eq, ne, sql } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import { chinaDate } from '../../engine/index.ts';
import { maskCitizenId, maskPhone } from '../../forms/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { isUniqueViolation } from '../db/index.ts';
import { auditLog, importIssues, importJobs, importRows, type ImportKind } from '../db/schema/index.ts';
import { requireCity } from '../persons/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { mapColumns } from './column-mapping.ts';
import type { CheckedRow, ImportField } from './import-kind.ts';
import { importKind } from './import-kinds.ts';
import { jobView, namesOf } from './import-jobs.ts';
import { issue } from './import-reasons.ts';
import { readTable, type RawCell } from './read-table.ts';
import { templateInCity } from './templates.ts';

/** Rows per statement when staging and when looking keys up. */
const CHUNK = 1000;

/** What the report shows of a value: personal data masked (as lists show it), anything else cut to 100 characters. */
function shown(field: ImportField | undefined, text: string): string {
  const value = text.trim();
  switch (field?.mask) {
    case 'id': return maskCitizenId(value.toUpperCase());
    case 'phone': return value.length >= 11 ? maskPhone(value) : value.slice(0, 3) + '*'.repeat(Math.max(0, value.length - 3));
    case 'name': return value.slice(0, 1) + '*'.repeat(Math.max(0, value.length - 1));
    case 'text': return value.length <= 6 ? '*'.repeat(value.length) : `${value.slice(0, 6)}***`;
    default: return value.slice(0, 100);
  }
}

/** An upload: what kind, the file's name and bytes, and the template whose mapping reads its header. */
export interface UploadInput {
  kind: ImportKind;
  fileName: string;
  templateId?: string | undefined;
  bytes: Uint8Array;
}

/**
 * The dry run of an upload: reads the file (CSV or XLSX), maps its header, checks every row and
 * field (with bilingual reasons), finds duplicates in the file and against the city's records, and
 * writes the import, its staging rows (personal values sealed) and its findings in one transaction;
 * nothing reaches the target table until a reviewer approves. The same file (SHA-256) of the same
 * kind uploaded again changes nothing: the import it already is comes back, `alreadyImported`.
 */
export async function uploadImport(rt: RuntimeContext, user: SessionUser, input: UploadInput) {
  const cityCode = requireCity(user);
  const spec = importKind(input.kind, rt.registry);
  const fileHash = createHash('sha256').update(input.bytes).digest('hex');
  const earlier = async () => {
    const [row] = await rt.db.select().from(importJobs).where(and(eq(importJobs.cityCode, cityCode), eq(importJobs.kind, input.kind), eq(importJobs.fileHash, fileHash), ne(importJobs.status, 'discarded'))).limit(1);
    return row && { ...jobView(row, await namesOf(rt.db, [row])), alreadyImported: true };
  };
  const found = await earlier();
  if (found) return found;
  const template = input.templateId ? await templateInCity(rt.db, cityCode, input.templateId, input.kind) : undefined;
  const table = await readTable(input.bytes);
  const columns = mapColumns(spec, table.header, template?.mapping);
  const context = { cipher: rt.cipher, today: chinaDate(rt.clock()) };
  const checked = table.rows.map((row): CheckedRow & { rowNo: number; cells: Map<string, RawCell> } => {
    const cells = new Map<string, RawCell>();
    for (const [field, column] of columns) if (row.cells[column]) cells.set(field, row.cells[column]);
    return { rowNo: row.rowNo, cells, ...spec.check(cells, context) };
  });
  if (spec.lookUp) {
    const accepted = checked.filter((row) => row.values !== undefined);
    for (let i = 0; i < accepted.length; i += CHUNK) await spec.lookUp(rt.db, cityCode, accepted.slice(i, i + CHUNK));
  }
  const drop = (row: CheckedRow, found: ReturnType<typeof issue>) => (row.issues.push(found), delete row.key, delete row.values);
  const firstRow = new Map<string, number>();
  for (const row of checked) {
    if (row.key === undefined) continue;
    const first = firstRow.get(row.key);
    if (first === undefined) firstRow.set(row.key, row.rowNo);
    else drop(row, issue(spec.keyField, 'duplicate-in-file', 'error', first));
  }
  const keyed = checked.filter((row) => row.key !== undefined);
  for (let i = 0; i < keyed.length; i += CHUNK) {
    const part = keyed.slice(i, i + CHUNK);
    const registered = await spec.existing(rt.db, cityCode, part.map((row) => row.key!));
    for (const row of part) if (registered.has(row.key!)) drop(row, issue(spec.keyField, 'duplicate-in-database'));
  }
  const staged = checked.filter((row) => row.values !== undefined);
  const errorRows = checked.length - staged.length;
  const warningRows = staged.filter((row) => row.issues.length > 0).length;
  const fields = new Map(spec.fields.map((field) => [field.id, field]));
  const findings = checked.flatMap((row) =>
    row.issues.map((found) => ({ cityCode, rowNo: row.rowNo, field: found.field, severity: found.severity, code: found.code, value: shown(fields.get(found.field), row.cells.get(found.field)?.text ?? ''), reason: found.reason })),
  );
  const now = rt.clock();
  const id = randomUUID();
  try {
    const row = await rt.db.transaction(async (tx) => {
      const [job] = await tx
        .insert(importJobs)
        .values({
          cityCode, id, kind: input.kind, fileName: input.fileName, fileHash, fileType: table.type, mapping: template?.mapping ?? {}, templateId: template?.id ?? null,
          status: 'validated', totalRows: checked.length, acceptedRows: staged.length - warningRows, warningRows, errorRows, commitTotal: staged.length,
          orgUnitId: user.orgUnit.id, uploadedBy: user.id, uploadedAt: now,
        })
        .returning();
      for (let i = 0; i < staged.length; i += CHUNK) {
        await tx.insert(importRows).values(staged.slice(i, i + CHUNK).map((row) => ({ cityCode, jobId: id, rowNo: row.rowNo, keyIndex: row.key!, values: row.values! })));
      }
      // Statistics taken now, so the commit's batches find their rows by the key, not by reading the whole staging area each time.
      if (staged.length > 0) await tx.execute(sql`ANALYZE import_rows`);
      for (let i = 0; i < findings.length; i += CHUNK) await tx.insert(importIssues).values(findings.slice(i, i + CHUNK).map((found) => ({ ...found, jobId: id })));
      await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'import.upload', target: id, details: { kind: input.kind, fileHash, rows: checked.length, errorRows, warningRows }, at: now });
      return job!;
    });
    return { ...jobView(row, await namesOf(rt.db, [row])), alreadyImported: false };
  } catch (error) {
    // The same file uploaded at the same moment: the other upload is the import.
    if (isUniqueViolation(error)) return (await earlier())!;
    throw error;
  }
}
