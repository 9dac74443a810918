import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAjv, toFieldErrors } from '../../forms/index.ts';
import { codeExists, codeTableIds } from '../../runtime/code-tables/index.ts';
import { citizenId, registrationForm, tableCounts } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const form = {
  type: 'object',
  properties: {
    occupation: { type: 'string', 'x-code-table': 'occupation-2022', pattern: '^\\d(-\\d{2}){1,3}(-\\d{2})?$' },
    industry: { type: 'string', 'x-code-table': 'industry-gb4754-2017' },
    areas: { type: 'array', items: { type: 'string', 'x-code-table': 'division' } },
    occupations: { type: 'array', items: { type: 'string', 'x-code-table': 'occupation-2022' } },
    other: { type: 'string', 'x-code-table': 'no-such-table' },
  },
};
const validate = createAjv().compile(form);
const server = { today: '2026-11-02', codeExists };
const errorsOf = (data: Record<string, unknown>) => (validate.call(server, data) ? [] : toFieldErrors(validate.errors).map((e) => `${e.field}:${e.keyword}`));

/** Every `x-code-table` a schema names, at any depth. */
function namedTables(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(namedTables);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'x-code-table' ? [String(value)] : namedTables(value)));
}

describe('x-code-table keyword', () => {
  it('accepts a code of the table and refuses one that is not, with its keyword and words in both languages', () => {
    expect(errorsOf({ occupation: '2-06-03-00', industry: '6513', areas: ['350203', '350203001'] })).toEqual([]);
    expect(errorsOf({ occupation: '9-99-99-99', industry: '9999' })).toEqual(['occupation:x-code-table', 'industry:x-code-table']);
    validate.call(server, { occupation: '9-99-99-99' });
    expect(toFieldErrors(validate.errors)[0]!.text).toEqual({ 'zh-CN': '代码表中没有此代码，请从列表中选择', en: 'Not a code of the table: choose one from the list' });
    // In a list of codes each is looked up: the one not in the table is refused by its place.
    expect(errorsOf({ occupations: ['2-06-03-00', '9-99-99-99', '4-10-01-02'] })).toEqual(['occupations.1:x-code-table']);
    // A table that does not exist has no codes.
    expect(errorsOf({ other: '1' })).toEqual(['other:x-code-table']);
  });

  it('accepts an occupation the shipped 大典 lacks when its minor group is listed, and a 工种 below a listed occupation', () => {
    // 4-10-01-02 is not in the partial table, its 小类 4-10-01 is; 2-06-03-00-01 extends a listed 细类.
    expect(errorsOf({ occupation: '4-10-01-02' })).toEqual([]);
    expect(errorsOf({ occupation: '2-06-03-00-01' })).toEqual([]);
    // Under a middle group only (no listed 小类 4-10-77), or a major group, it is refused.
    expect(errorsOf({ occupation: '4-10-77-01' })).toEqual(['occupation:x-code-table']);
    expect(errorsOf({ occupation: '4-10' })).toEqual([]);
    expect(errorsOf({ occupation: '4-77' })).toEqual(['occupation:x-code-table']);
  });

  it('checks nothing without the server code tables (the browser), and is strict about its own value', () => {
    expect(validate.call({ today: '2026-11-02' }, { occupation: '9-99-99-99' })).toBe(true);
    expect(validate({ occupation: '9-99-99-99' })).toBe(true);
    expect(() => createAjv().compile({ type: 'string', 'x-code-table': 5 })).toThrow();
  });

  it('names only known tables in the shipped plugins', () => {
    const flows = readdirSync(new URL('../../plugins/', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.flow.json'));
    const named = flows.flatMap((file) => namedTables(JSON.parse(readFileSync(new URL(`../../plugins/${file}`, import.meta.url), 'utf8'))));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((table) => !codeTableIds().includes(table))).toEqual([]);
  });
});

describe.each(backends)('code tables on a case step and the division tree (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker = '';
  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    caseworker = await t.login('caseworker');
  });
  afterAll(() => t.close());

  it('refuses a step whose occupation is not in the 大典, writing nothing, and takes one that is', async () => {
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19860311', '017'), '代码甲', { phone: '13912345678' });
    const caseId = (await open(t, caseworker, 'unemployment-registration', personId)).id;
    const before = await getCase(t, caseworker, caseId);
    const counts = await tableCounts(t.rt);
    const response = await t.request('POST', `/api/cases/${caseId}/events`, {
      token: caseworker,
      body: { type: 'submit', data: registrationForm({ desiredOccupation: '9-99-99-99', desiredIndustry: '6513' }), version: before.version },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('FORM_INVALID');
    expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'desiredOccupation', keyword: 'x-code-table' })]);
    expect(await tableCounts(t.rt)).toEqual(counts);
    expect((await getCase(t, caseworker, caseId)).version).toBe(before.version);
    const accepted = await act(t, caseworker, caseId, 'submit', registrationForm({ desiredOccupation: '2-06-03-00', desiredIndustry: '6513' }));
    expect(accepted.state).toBe('submitted');
  });

  it('refuses a step whose list of occupations holds one not in the 大典, writing nothing', async () => {
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19900512', '025'), '代码乙', { phone: '13912345679' });
    const caseId = (await open(t, caseworker, 'job-seeking', personId)).id;
    const before = await getCase(t, caseworker, caseId);
    const counts = await tableCounts(t.rt);
    const profile = { desiredAreas: ['350206'], expectedPayFen: 500_000, education: '60', availableFrom: '2026-11-03', validUntil: '2027-03-31' };
    const response = await t.request('POST', `/api/cases/${caseId}/events`, {
      token: caseworker,
      body: { type: 'register', data: { ...profile, desiredOccupations: ['4-02-06-03', '9-99-99'] }, version: before.version },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('FORM_INVALID');
    expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'desiredOccupations.1', keyword: 'x-code-table' })]);
    expect(await tableCounts(t.rt)).toEqual(counts);
    expect((await getCase(t, caseworker, caseId)).version).toBe(before.version);
    expect((await act(t, caseworker, caseId, 'register', { ...profile, desiredOccupations: ['4-02-06-03', '2-06-03-00'] })).state).toBe('active');
  });

  it('sends provinces, cities and counties at once and a county’s streets on request', async () => {
    const tree = await t.request('GET', '/api/divisions', { token: caseworker });
    expect(tree.status).toBe(200);
    const byCode = new Map((tree.body.items as { code: string; name: string; level: number; parent: string | null }[]).map((d) => [d.code, d]));
    expect(byCode.get('350000')).toEqual({ code: '350000', name: '福建省', level: 1, parent: null });
    expect(byCode.get('350200')).toMatchObject({ name: '厦门市', level: 2, parent: '350000' });
    expect(byCode.get('350203')).toMatchObject({ name: '思明区', level: 3, parent: '350200' });
    const streets = await t.request('GET', '/api/divisions?county=350203', { token: caseworker });
    expect(streets.body.items.length).toBeGreaterThan(5);
    expect(streets.body.items.every((s: { code: string; level: number; parent: string }) => /^350203\d{3}$/.test(s.code) && s.level === 4 && s.parent === '350203')).toBe(true);
    expect((await t.request('GET', '/api/divisions?county=3502', { token: caseworker })).status).toBe(400);
  });
});
