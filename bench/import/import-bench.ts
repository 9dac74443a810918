import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { citizenIdCheckCharacter } from '../../forms/index.ts';
import { permissionsOf, type SessionUser } from '../../runtime/auth/index.ts';
import type { Backend } from '../../runtime/db/index.ts';
import { importJobs, users } from '../../runtime/db/schema/index.ts';
import { approveImport, commitImport, uploadImport } from '../../runtime/imports/index.ts';
import { openBenchDatabase, prepareRuntime } from '../bench-database.ts';
import { fiveStepPlugin } from '../engine/five-step.flow.ts';

/** One measurement, as the run's last lines give it. */
export interface ImportFigure {
  name: 'import-dry-run' | 'import-commit';
  backend: Backend;
  rows: number;
  seconds: number;
}

/** `rows` persons as an XLSX workbook written by the streaming writer (as a city's export would be): the default headers, distinct valid ID numbers. */
export async function personWorkbook(rows: number): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('人员');
  sheet.addRow(['公民身份号码', '姓名', '手机号码', '户籍地区划代码', '居住地区划代码', '联系地址']).commit();
  for (let n = 0; n < rows; n++) {
    // 365 birth days × 1000 sequence numbers a year from 1960: distinct for the first 365,000 rows.
    const day = new Date(Date.UTC(1960 + Math.floor(n / 365_000), 0, 1 + (Math.floor(n / 1000) % 365))).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `350206${day}${String(n % 1000).padStart(3, '0')}`;
    sheet.addRow([first17 + citizenIdCheckCharacter(first17), `人员${n}`, `139${String(n).padStart(8, '0')}`, '350206', '350206001', `厦门市湖里区${n}号`]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

/**
 * Bulk import of persons from XLSX on each backend: the dry run (read, map, check every row, seal,
 * look duplicates up, stage) and the commit (approved by a second user, batches of 1,000 in their
 * own transactions), each timed from the call to its end. Target: under 60 s each for 100,000 rows.
 */
export async function runImportBench(options: { postgresUrl: string | undefined; rows: number; log: (line: string) => void }): Promise<ImportFigure[]> {
  const { rows, log } = options;
  const backends: Backend[] = options.postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
  let started = performance.now();
  const bytes = await personWorkbook(rows);
  log(`generated ${rows} person rows as XLSX: ${(bytes.length / 1024 / 1024).toFixed(1)} MiB in ${seconds(started)} s`);
  const figures: ImportFigure[] = [];
  for (const backend of backends) {
    const handle = await openBenchDatabase(backend, options.postgresUrl);
    try {
      const { rt, user } = await prepareRuntime(handle, [fiveStepPlugin], 0);
      const reviewerId = randomUUID();
      await rt.db.insert(users).values({ id: reviewerId, username: 'bench-reviewer', passwordHash: 'x', displayName: '基准审核', role: 'reviewer', orgUnitId: user.orgUnit.id });
      const reviewer: SessionUser = { ...user, id: reviewerId, username: 'bench-reviewer', role: 'reviewer', permissions: permissionsOf('reviewer', 'office') };
      started = performance.now();
      const job = await uploadImport(rt, user, { kind: 'persons', fileName: 'bench.xlsx', bytes });
      const dryRun = seconds(started);
      log(`[${backend}] dry run: ${job.totalRows} rows, ${job.acceptedRows} accepted, ${job.warningRows} with warnings, ${job.errorRows} with errors in ${dryRun} s`);
      started = performance.now();
      await approveImport(rt, reviewer, job.id);
      await commitImport(rt, user.orgUnit.cityCode!, job.id);
      const commit = seconds(started);
      const [after] = await rt.db.select().from(importJobs);
      log(`[${backend}] commit: ${after?.committedRows} persons written in ${after ? Math.ceil(after.commitTotal / 1000) : 0} batches in ${commit} s (${after?.status}${after?.failure ? `, failure ${after.failure}` : ''})`);
      figures.push({ name: 'import-dry-run', backend, rows, seconds: dryRun }, { name: 'import-commit', backend, rows, seconds: commit });
    } finally {
      await handle.close();
    }
  }
  return figures;
}
