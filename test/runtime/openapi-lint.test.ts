import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const root = resolve(import.meta.dirname, '../..');
const redocly = join(root, 'node_modules/.bin/redocly');

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

describe("the OpenAPI document under Redocly CLI's recommended rules (redocly.yaml)", () => {
  let t: TestRuntime;
  let work: string;
  beforeAll(async () => {
    t = await createTestRuntime('pglite');
    work = mkdtempSync(join(tmpdir(), 'pes-openapi-lint-'));
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  it('has no error and no warning', async () => {
    const { status, body } = await t.request('GET', '/api/openapi.json');
    expect(status).toBe(200);
    const file = join(work, 'openapi.json');
    writeFileSync(file, JSON.stringify(body));
    // The telemetry off, nothing leaves the machine: the document has no remote $ref and the config extends a built-in set.
    const { stdout } = await promisify(execFile)(redocly, ['lint', file, '--config', join(root, 'redocly.yaml'), '--format=json', '--max-problems=1000'], {
      cwd: work,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      // The CLI exits 1 when it finds an error; its report is still on stdout.
      if (error.stdout) return { stdout: error.stdout };
      throw new Error(`redocly lint did not run: ${error.stderr ?? String(error)}`);
    });
    const report = JSON.parse(stdout) as LintReport;
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
