import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeEntries } from '../../runtime/code-tables/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const countByLevel = (table: string) => {
  const counts: Record<number, number> = {};
  for (const entry of codeEntries(table)) counts[entry.level] = (counts[entry.level] ?? 0) + 1;
  return counts;
};

describe('shipped code tables', () => {
  it('hold the row counts their sources document, each row under an existing parent', () => {
    expect(countByLevel('occupation-2022')).toEqual({ 1: 8, 2: 72, 3: 432, 4: 1632 });
    expect(countByLevel('occupation-gbt6565-2015')).toEqual({ 1: 8, 2: 73, 3: 428 });
    expect(countByLevel('industry-gb4754-2017')).toEqual({ 1: 20, 2: 97, 3: 473, 4: 1381 });
    for (const table of ['occupation-gbt6565-2015', 'industry-gb4754-2017', 'education-gb4658']) {
      const codes = new Set(codeEntries(table).map((e) => e.code));
      expect(codeEntries(table).filter((e) => e.parent !== null && !codes.has(e.parent)), table).toEqual([]);
    }
  });
});

describe.each(backends)('code tables API (%s)', (backend) => {
  let t: TestRuntime;
  let token: string;
  beforeAll(async () => {
    t = await createTestRuntime(backend);
    token = await t.login('caseworker');
  });
  afterAll(() => t.close());

  it('lists the tables with edition and completeness, and entries by parent with stable ids', async () => {
    const tables = await t.request('GET', '/api/code-tables', { token });
    expect(tables.body.items.map((table: { id: string }) => table.id)).toEqual(['occupation-2022', 'occupation-gbt6565-2015', 'industry-gb4754-2017', 'education-gb4658', 'hukou-type', 'registration-type-2011']);
    expect(tables.body.items[2]).toMatchObject({ standard: 'GB/T 4754', edition: '2017', effectiveFrom: '2017-10-01' });
    const sections = await t.request('GET', '/api/code-tables/industry-gb4754-2017?level=1', { token });
    expect(sections.body.items).toHaveLength(20);
    expect(sections.body.items[0]).toEqual({ id: 'industry-gb4754-2017:A', code: 'A', name: '农、林、牧、渔业', level: 1, parent: null });
    const under = await t.request('GET', '/api/code-tables/occupation-2022?parent=4-02', { token });
    expect(under.body.items.map((e: { code: string }) => e.code)).toContain('4-02-06');
    expect(under.body.items.every((e: { parent: string }) => e.parent === '4-02')).toBe(true);
    expect((await t.request('GET', '/api/code-tables/no-such-table', { token })).status).toBe(404);
  });
});
