import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskCitizenId } from '../../forms/index.ts';
import { persons } from '../../runtime/db/schema/index.ts';
import { fillMissingInitials } from '../../runtime/persons/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId } from '../support/fixtures.ts';

describe.each(backends)('finding a person at the service window (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  const zhangSan = citizenId('350203', '19880516', '031');
  const zhangSanFeng = citizenId('350206', '19750302', '053');
  const liSi = citizenId('350211', '19920808', '024');
  const shanXiongXin = citizenId('350205', '19810101', '077');

  const find = async (q: string) => {
    const response = await t.request('GET', `/api/persons?q=${encodeURIComponent(q)}`, { token: caseworker });
    expect(response.status).toBe(200);
    return response.body as { items: { id: string; name: string; idNumber: string }[]; total: number };
  };
  const names = async (q: string) => (await find(q)).items.map((p) => p.name).sort();

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    caseworker = await t.login('caseworker');
    for (const [idNumber, name] of [
      [zhangSan, '张三'],
      [zhangSanFeng, '张三丰'],
      [liSi, '李四'],
      [shanXiongXin, '单雄信'],
    ] as const) {
      expect((await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber, name } })).status).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('finds persons by the start of their pinyin initials, in either case', async () => {
    expect(await names('zs')).toEqual(['张三', '张三丰']);
    expect(await names('ZSF')).toEqual(['张三丰']);
    expect(await names('ls')).toEqual(['李四']);
    expect(await names('zsx')).toEqual([]);
  });

  it('reads a surname as a surname: 单 is shan, so 单雄信 is sxx', async () => {
    expect(await names('sxx')).toEqual(['单雄信']);
    expect(await names('dxx')).toEqual([]);
  });

  it('finds persons by the start of the name', async () => {
    expect(await names('张三')).toEqual(['张三', '张三丰']);
    expect(await names('张三丰')).toEqual(['张三丰']);
    expect(await names('三')).toEqual([]);
  });

  it('finds a person by the exact ID number, never by part of it', async () => {
    expect(await names(zhangSan)).toEqual(['张三']);
    expect(await names(zhangSan.slice(0, 14))).toEqual([]);
    expect(await names(zhangSan.slice(0, 6))).toEqual([]);
    expect(await names(zhangSan.slice(1))).toEqual([]);
  });

  it('masks ID numbers in the list and shows them in full on the record', async () => {
    const [found] = (await find('zs')).items.filter((p) => p.name === '张三');
    expect(found!.idNumber).toBe(maskCitizenId(zhangSan));
    expect(found!.idNumber).toMatch(/^350203\*{11}[\dX]$/);
    expect(found!.idNumber).not.toContain('19880516');
    expect((await t.request('GET', `/api/persons/${found!.id}`, { token: caseworker })).body.idNumber).toBe(zhangSan);
  });

  it('fills the initials of rows stored without them (as start-up does after the migration), then finds them by initials', async () => {
    await t.rt.db.execute(sql`UPDATE persons SET name_initials = NULL`);
    expect(await names('ls')).toEqual([]);
    const [{ stored }] = (await t.rt.db.select({ stored: count() }).from(persons)) as [{ stored: number }];
    expect(await fillMissingInitials(t.rt.db)).toBe(stored);
    expect(await fillMissingInitials(t.rt.db)).toBe(0);
    expect(await names('ls')).toEqual(['李四']);
    const rows = await t.rt.db.select({ nameInitials: persons.nameInitials }).from(persons).where(eq(persons.idNumberIndex, t.rt.cipher.index(shanXiongXin)));
    expect(rows).toEqual([{ nameInitials: 'sxx' }]);
  });
});
