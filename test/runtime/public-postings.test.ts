import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { cases, publicPostings as postingsTable, publicPostingSearch as searchTable } from '../../runtime/db/schema/index.ts';
import { fillPublicPostings, postingFacets, publicPostings, type PostingQuery, type PublicPostings } from '../../runtime/postings/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { tableCounts, vacancyPostingForm } from '../support/fixtures.ts';
import { act, postVacancy } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';
import { outOfLineValues } from '../support/toast.ts';

const ACCOUNTING_FIRM = '91350203MA2Y3K1B9C';
const HAULIER = '91350100M000100Y43';
const FACTORY = '91350211MA8U2J7KXM';

/** Contact details each posting gives the service, never the public: distinct, so a leak names its posting. */
const contact = (n: number) => ({ contactName: `联系人${'甲乙丙丁戊'[n]}`, contactPhone: `1390592000${n}` });

const postings = {
  accountant: {
    title: '财务会计', occupation: '2-06-03-00', industry: '7241', workArea: '350203', education: '20', payMinFen: 600_000, payMaxFen: 750_000,
    duties: '负责日常账务处理、编制财务报表和纳税申报。', requirements: '持有会计专业技术资格证书者优先。', experienceYears: 2, ...contact(0),
  },
  driver: {
    title: '货车司机', occupation: '4-02-02-02', workArea: '350205', education: '70', payMinFen: 700_000, payMaxFen: 900_000,
    duties: '驾驶厢式货车往返厦门与泉州配送货物。', requirements: '持A2驾驶证，三年以上驾龄。', ...contact(1),
  },
  electrician: {
    title: '维修电工', occupation: '6-31-01-03', industry: '4420', workArea: '350211', education: '40', payBasis: 'hourly', payMinFen: 2_000, payMaxFen: 2_500,
    employmentForm: 'part-time', duties: '负责厂区电气线路与设备的日常巡检和维修。', requirements: '持低压电工作业证。', validUntil: '2026-11-12', ...contact(2),
  },
  sorter: {
    title: '快递分拣员', occupation: '4-02-06-03', workArea: '350206', education: '60', payBasis: 'piece', payMinFen: 30, payMaxFen: 50,
    duties: '按件分拣快递包裹，扫描录入。', requirements: '能适应夜班。', ...contact(3),
  },
  assistant: { title: '会计助理', occupation: '2-06-03-00', workArea: '350203', duties: '协助整理凭证。', ...contact(4) },
};
type Key = keyof typeof postings;

describe.each(backends)('public postings: search, facets, pages and the sitemap (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let site: PublicPostings;
  const ids = {} as Record<Key, string>;
  let firm: string;
  const clock = testClock('2026-11-02T01:00:00.000Z');

  async function post(key: Key, employerId: string, creditCode: string, publish = true) {
    ids[key] = await postVacancy(t, { caseworker, reviewer }, employerId, vacancyPostingForm(creditCode, { validFrom: '2026-11-02', ...postings[key] }), publish);
  }

  const employer = async (creditCode: string, name: string) => (await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode, name } })).body.id as string;
  const found = async (query: PostingQuery) => (await site.search(query)).items.map((item) => item.id);
  /** The public API as anyone calls it: no token. */
  const get = (path: string) => t.request('GET', path);

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock });
    site = publicPostings(t.rt);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    firm = await employer(ACCOUNTING_FIRM, '厦门思明示例咨询有限公司');
    const haulier = await employer(HAULIER, '厦门海沧示例物流有限公司');
    const factory = await employer(FACTORY, '厦门集美示例制造有限公司');
    await post('accountant', firm, ACCOUNTING_FIRM);
    await post('driver', haulier, HAULIER);
    await post('assistant', firm, ACCOUNTING_FIRM, false);
    // Four days later: two more, for the "posted within" facet.
    clock.advanceDays(4);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    await post('electrician', factory, FACTORY);
    await post('sorter', haulier, HAULIER);
  }, 180_000);
  afterAll(() => t?.close());

  it('finds postings by two-character words of title, duties, occupation and employer, and not by unrelated ones', async () => {
    expect(await found({ q: '会计' })).toEqual([ids.accountant]);
    expect(await found({ q: '司机' })).toEqual([ids.driver]);
    expect(await found({ q: '电工' })).toEqual([ids.electrician]);
    // A word of the duties, of the requirements (会计师 as 会计师 or 会计), of the employer's name.
    expect(await found({ q: '报表' })).toEqual([ids.accountant]);
    expect(await found({ q: '会计师' })).toEqual([ids.accountant]);
    expect(await found({ q: '海沧 物流' })).toEqual(expect.arrayContaining([ids.driver, ids.sorter]));
    expect(await found({ q: '司机 会计' })).toEqual([]);
    for (const unrelated of ['厨师', '护士', '律师']) expect(await found({ q: unrelated }), unrelated).toEqual([]);
    // 会计助理 was submitted, never published.
    expect(await found({ q: '助理' })).toEqual([]);
  });

  it('counts each facet under every filter but its own', async () => {
    const all = await site.search({});
    expect(all.total).toBe(4);
    expect(all.facets.district).toEqual([
      { value: '350203', count: 1 },
      { value: '350205', count: 1 },
      { value: '350206', count: 1 },
      { value: '350211', count: 1 },
    ]);
    expect(all.facets.occupation).toEqual([
      { value: '2', count: 1 },
      { value: '2-06', count: 1 },
      { value: '4', count: 2 },
      { value: '4-02', count: 2 },
      { value: '6', count: 1 },
      { value: '6-31', count: 1 },
    ]);
    expect(all.facets.industry).toEqual([{ value: 'D', count: 1 }, { value: 'L', count: 1 }]);
    // By monthly pay: the hourly wage at 174 hours (348,000 to 435,000 fen), the piece rate in no band; a range counts in every band it meets.
    expect(all.facets.salary).toEqual([
      { value: 'lt3k', count: 0 },
      { value: '3k-5k', count: 1 },
      { value: '5k-8k', count: 2 },
      { value: '8k-12k', count: 1 },
      { value: 'ge12k', count: 0 },
    ]);
    expect(all.facets.education).toEqual([{ value: '20', count: 1 }, { value: '40', count: 1 }, { value: '60', count: 1 }, { value: '70', count: 1 }]);
    expect(all.facets.employmentForm).toEqual([{ value: 'full-time', count: 3 }, { value: 'part-time', count: 1 }]);
    expect(all.facets.postedWithin).toEqual([{ value: '1', count: 2 }, { value: '3', count: 2 }, { value: '7', count: 4 }, { value: '30', count: 4 }]);

    const siming = await site.search({ district: '350203' });
    expect(siming.items.map((item) => item.id)).toEqual([ids.accountant]);
    expect(siming.facets.district).toEqual(all.facets.district);
    expect(siming.facets.education).toEqual([{ value: '20', count: 1 }]);
    expect(siming.facets.salary.find((band) => band.value === '5k-8k')).toEqual({ value: '5k-8k', count: 1 });

    // A city's code means its districts; an unknown value matches nothing.
    expect((await site.search({ district: '350200' })).total).toBe(4);
    expect((await site.search({ district: '350100' })).total).toBe(0);
    expect(await found({ occupation: '4-02' })).toEqual(expect.arrayContaining([ids.driver, ids.sorter]));
    expect(await found({ occupation: '4-02-02' })).toEqual([ids.driver]);
    expect(await found({ industry: 'L' })).toEqual([ids.accountant]);
    expect(await found({ salary: '3k-5k' })).toEqual([ids.electrician]);
    expect(await found({ salary: 'nonsense' })).toEqual([]);
    expect(await found({ employmentForm: 'part-time' })).toEqual([ids.electrician]);
    expect(await found({ postedWithin: 1, sort: 'date' })).toEqual(expect.arrayContaining([ids.electrician, ids.sorter]));

    const narrowed = await site.search({ q: '司机', salary: '8k-12k' });
    expect(narrowed.items.map((item) => item.id)).toEqual([ids.driver]);
    expect(narrowed.facets.salary.filter((band) => band.count > 0)).toEqual([{ value: '5k-8k', count: 1 }, { value: '8k-12k', count: 1 }]);
    expect(narrowed.facets.district).toEqual([{ value: '350205', count: 1 }]);
  });

  it('counts each facet value as many postings as the search narrowed to that value lists', async () => {
    const queries: PostingQuery[] = [{}, { q: '会计' }, { district: '350200', salary: '5k-8k' }, { q: '海沧 物流', employmentForm: 'full-time', postedWithin: 1 }, { occupation: '4', education: '70' }];
    for (const query of queries) {
      const result = await site.search(query);
      expect(result.total, JSON.stringify(query)).toBe((await site.search({ ...query, pageSize: 50 })).items.length);
      for (const facet of postingFacets) {
        for (const { value, count } of result.facets[facet]) {
          const narrowed = await site.search({ ...query, [facet]: facet === 'postedWithin' ? Number(value) : value, pageSize: 50 });
          expect(narrowed.items.length, `${JSON.stringify(query)} ${facet} ${value}`).toBe(count);
        }
      }
    }
  });

  it('sorts by pay or date and pages', async () => {
    expect(await found({ sort: 'salary' })).toEqual([ids.driver, ids.accountant, ids.electrician, ids.sorter]);
    const byDate = await found({ sort: 'date' });
    expect(byDate.slice(2).sort()).toEqual([ids.accountant, ids.driver].sort());
    const second = await site.search({ sort: 'salary', page: 2, pageSize: 3 });
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((item) => item.id)).toEqual([ids.sorter]);
  });

  it('ranks a keyword in the title or occupation above one in the duties only; a withdrawn posting is counted nowhere', async () => {
    const clerk = await postVacancy(
      t,
      { caseworker, reviewer },
      firm,
      vacancyPostingForm(ACCOUNTING_FIRM, { validFrom: '2026-11-06', title: '行政文员', occupation: '3-01-01-01', workArea: '350203', duties: '协助会计整理报销单据。', ...contact(4) }),
    );
    // Newer, but 会计 is only in its duties: the accountant (会计 in its title) comes first, unless sorted by date.
    expect(await found({ q: '会计' })).toEqual([ids.accountant, clerk]);
    expect(await found({ q: '会计', sort: 'date' })).toEqual([clerk, ids.accountant]);
    expect((await site.search({ q: '会计' })).facets.district).toEqual([{ value: '350203', count: 2 }]);

    await act(t, caseworker, clerk, 'withdraw', { withdrawalReason: '岗位取消' });
    const after = await site.search({ q: '会计' });
    expect(after.total).toBe(1);
    expect(after.facets.district).toEqual([{ value: '350203', count: 1 }]);
    expect(await t.rt.db.select().from(searchTable).where(eq(searchTable.caseId, clerk))).toEqual([]);
  });

  it('gives a live posting its page and lists it in the sitemap, with public fields only', async () => {
    const page = await site.page(ids.accountant);
    expect(page).toMatchObject({
      status: 'live',
      posting: {
        id: ids.accountant, title: '财务会计', employerName: '厦门思明示例咨询有限公司', employerCreditCode: ACCOUNTING_FIRM, workArea: '350203', workAreaName: '思明区',
        occupation: '2-06-03-00', occupationName: '会计专业人员', industry: '7241', industryName: '会计、审计及税务服务', payMinFen: 600_000, payMaxFen: 750_000, payBasis: 'monthly',
        experienceYears: 2, validFrom: '2026-11-02', validUntil: '2026-12-31',
      },
    });
    const sitemap = await site.sitemap();
    expect(sitemap.map((entry) => entry.id).sort()).toEqual([ids.accountant, ids.driver, ids.electrician, ids.sorter].sort());
  });

  it("follows a correction of the employer's name in the correction's transaction", async () => {
    const renamed = await t.request('PATCH', `/api/employers/${firm}`, { token: caseworker, body: { changes: { name: '厦门思明示例税务咨询有限公司' }, reason: '营业执照名称变更' } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(await site.page(ids.accountant)).toMatchObject({ posting: { employerName: '厦门思明示例税务咨询有限公司' } });
    expect(await found({ q: '税务咨询' })).toEqual([ids.accountant]);
    const back = await t.request('PATCH', `/api/employers/${firm}`, { token: caseworker, body: { changes: { name: '厦门思明示例咨询有限公司' }, reason: '更正录入错误' } });
    expect(back.status).toBe(200);
    expect(await found({ q: '税务' })).toEqual([]);
  });

  it('answers without sign-in and never gives a contact person or phone', async () => {
    const live = [ids.accountant, ids.driver, ids.electrician, ids.sorter];
    const answers = [await get('/api/public/postings'), await get('/api/public/postings?q=%E4%BC%9A%E8%AE%A1'), ...(await Promise.all(live.map((id) => get(`/api/public/postings/${id}`))))];
    for (const answer of answers) expect(answer.status).toBe(200);
    expect(answers[0]!.body.total).toBe(4);
    const raw = JSON.stringify(answers.map((answer) => answer.body));
    for (const n of [0, 1, 2, 3, 4]) {
      expect(raw).not.toContain(contact(n).contactPhone);
      expect(raw).not.toContain(contact(n).contactName);
    }
    expect(raw).not.toMatch(/contact/i);
    // Nor does the table hold them.
    const stored = JSON.stringify(await t.rt.db.select().from(postingsTable));
    expect(stored).not.toContain(contact(0).contactPhone);
    expect(stored).not.toContain(contact(0).contactName);
  });

  it('refuses malformed queries with 400 and the bilingual error body, writing nothing', async () => {
    const before = await tableCounts(t.rt);
    for (const query of ['pageSize=500', 'page=0', 'sort=best', 'district=35', 'occupation=abc', 'industry=ZZ', 'postedWithin=-1', 'salary=%3Cscript%3E', 'unknown=1', `q=${'会'.repeat(101)}`]) {
      const response = await get(`/api/public/postings?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.code, query).toBe('BAD_REQUEST');
      expect(response.body.message.zh, query).toMatch(/\S/);
      expect(response.body.message.en, query).toMatch(/\S/);
      expect(response.body.details.issues.length, query).toBeGreaterThan(0);
    }
    expect(await tableCounts(t.rt)).toEqual(before);
    // Empty values, as a form's "any" sends them, are no filter.
    const any = await get('/api/public/postings?q=&district=&occupation=&industry=&salary=&education=&employmentForm=');
    expect(any.status, JSON.stringify(any.body)).toBe(200);
    expect(any.body.total).toBe(4);
  });

  it('answers 404 for a case never public, a case of another process and an id that is none', async () => {
    expect(await site.page(ids.assistant)).toBeUndefined();
    expect((await get(`/api/public/postings/${ids.assistant}`)).status).toBe(404);
    const [other] = await t.rt.db.select({ id: cases.id }).from(cases).where(sql`${cases.processId} <> 'vacancy-posting'`).limit(1);
    if (other) expect(await site.page(other.id)).toBeUndefined();
    expect((await get('/api/public/postings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const malformed = await get('/api/public/postings/not-an-id');
    expect(malformed.status).toBe(404);
    expect(malformed.body.code).toBe('NOT_FOUND');
  });

  it('takes a posting out of search and the sitemap in the transaction of the step that ends it', async () => {
    const row = async () => (await t.rt.db.select({ id: postingsTable.caseId }).from(postingsTable).where(eq(postingsTable.caseId, ids.sorter))).length;
    // Inside the step's transaction the row is gone; rolled back with it, it is there again.
    const rollback = new Error('rolled back on purpose');
    await expect(
      t.rt.db.transaction(async (tx) => {
        const [locked] = await tx.select().from(cases).where(eq(cases.id, ids.sorter)).for('update');
        await t.rt.stepper.step(tx, t.rt, locked!, { event: { type: 'expire' }, actor: { id: 'system', name: '系统', role: 'system', post: null, orgUnit: locked!.orgUnitId }, cause: null });
        expect((await tx.select({ id: postingsTable.caseId }).from(postingsTable).where(eq(postingsTable.caseId, ids.sorter))).length).toBe(0);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await row()).toBe(1);

    await act(t, caseworker, ids.driver, 'withdraw', { withdrawalReason: '岗位取消' });
    expect(await found({ q: '司机' })).toEqual([]);
    expect((await site.sitemap()).map((entry) => entry.id)).not.toContain(ids.driver);
    expect(await site.page(ids.driver)).toEqual({ status: 'withdrawn', title: '货车司机', employerName: '厦门海沧示例物流有限公司' });

    await act(t, caseworker, ids.accountant, 'fill', { filledCount: 1 });
    expect(await found({ q: '会计' })).toEqual([]);
    expect(await site.page(ids.accountant)).toEqual({ status: 'filled', title: '财务会计', employerName: '厦门思明示例咨询有限公司' });
    const gone = await get(`/api/public/postings/${ids.accountant}`);
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ status: 'filled', title: '财务会计', employerName: '厦门思明示例咨询有限公司' });
  });

  it('never shows a posting past its last day, even before its timer fired, and says it expired', async () => {
    // 2026-11-13 in China: the electrician's last day (11-12) has passed; its timer has not fired.
    clock.set('2026-11-12T16:30:00.000Z');
    const [still] = await t.rt.db.select({ state: cases.state }).from(cases).where(eq(cases.id, ids.electrician));
    expect(still!.state).toBe('published');
    expect(await found({ q: '电工' })).toEqual([]);
    expect((await site.search({})).items.map((item) => item.id)).toEqual([ids.sorter]);
    expect((await site.sitemap()).map((entry) => entry.id)).toEqual([ids.sorter]);
    expect(await site.page(ids.electrician)).toEqual({ status: 'expired', title: '维修电工', employerName: '厦门集美示例制造有限公司' });
    expect((await get(`/api/public/postings/${ids.electrician}`)).body.status).toBe('expired');

    await fireDueTimers(t.rt);
    const [expired] = await t.rt.db.select({ state: cases.state }).from(cases).where(eq(cases.id, ids.electrician));
    expect(expired!.state).toBe('expired');
    expect(await t.rt.db.select().from(postingsTable).where(eq(postingsTable.caseId, ids.electrician))).toEqual([]);
    expect(await site.page(ids.electrician)).toEqual({ status: 'expired', title: '维修电工', employerName: '厦门集美示例制造有限公司' });
  });

  it('fills the rows of published cases that have none (an upgraded installation), once', async () => {
    await t.rt.db.delete(postingsTable).where(and(eq(postingsTable.caseId, ids.sorter)));
    expect(await found({})).toEqual([]);
    expect(await fillPublicPostings(t.rt)).toEqual({ written: 1, deleted: 0 });
    expect(await found({ q: '分拣' })).toEqual([ids.sorter]);
    expect(await fillPublicPostings(t.rt)).toEqual({ written: 0, deleted: 0 });
    const [count] = await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM public_postings`);
    expect(Number(count!.n)).toBe(1);
  });

  it('keeps each search row\'s words out of the row (TOAST), as the projection writes and rewrites it', async () => {
    const [rows] = await queryRows<{ n: number }>(t.rt.db, sql`SELECT count(*)::int AS n FROM public_posting_search`);
    expect(rows!.n).toBeGreaterThan(0);
    expect(await outOfLineValues(t.rt.db, 'public_posting_search')).toBe(rows!.n);
  });
});
