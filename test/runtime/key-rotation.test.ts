import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher, type KeyRing } from '../../runtime/crypto/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { persons } from '../../runtime/db/schema/index.ts';
import { reencryptAll } from '../../runtime/privacy/index.ts';
import { citizenId } from '../support/fixtures.ts';
import { registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testKeyRing, type TestRuntime } from '../support/test-runtime.ts';

const numbers = [citizenId('350203', '19790101', '013'), citizenId('350203', '19800202', '024'), citizenId('350203', '19810303', '035')];

describe.each(backends)('rotating the keys of personal data (%s)', (backend) => {
  let t: TestRuntime;
  const keysOf = async () => (await queryRows<{ id_number: string; phone: string | null }>(t.rt.db, sql`SELECT id_number, phone FROM persons ORDER BY id_number`)).flatMap((r) => [r.id_number, r.phone].filter((v): v is string => v !== null).map(FieldCipher.keyOf));
  const find = async (idNumber: string) => (await t.request('GET', `/api/persons?q=${idNumber}`, { token: await t.login('caseworker') })).body.total;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    const token = await t.login('caseworker');
    for (const [i, idNumber] of numbers.entries()) await registerPerson(t, token, idNumber, `轮换${i}`, { phone: `1391234567${i}` });
  });
  afterAll(() => t.close());

  it('re-encrypts every value under the new primary key; the old key can then leave the ring', async () => {
    expect(new Set(await keysOf())).toEqual(new Set(['k1']));
    const rotated: KeyRing = { ...testKeyRing, primary: 'k2', keys: { ...testKeyRing.keys, k2: randomBytes(32).toString('hex') } };
    t.rt.cipher = new FieldCipher(rotated);
    const report = await reencryptAll(t.rt.db, t.rt.cipher, { reindex: false });
    expect(report).toMatchObject({ persons: 3, ledgerItems: 0, payments: 0 });
    expect(new Set(await keysOf())).toEqual(new Set(['k2']));
    // Run again: nothing left under another key.
    expect((await reencryptAll(t.rt.db, t.rt.cipher, { reindex: false })).persons).toBe(0);

    t.rt.cipher = new FieldCipher({ ...rotated, keys: { k2: rotated.keys['k2']! } });
    const [row] = await t.rt.db.select().from(persons).where(eq(persons.idNumberIndex, t.rt.cipher.index(numbers[1]!)));
    expect(t.rt.cipher.decrypt(row!.idNumber)).toBe(numbers[1]);
    expect(t.rt.cipher.decrypt(row!.phone!)).toBe('13912345671');
    expect(await find(numbers[0]!)).toBe(1);
  });

  it('replaces the blind-index key and recomputes every index, so look-ups go on', async () => {
    const withNewIndex = new FieldCipher({ ...t.rt.cipher.ring, index: randomBytes(32).toString('hex') });
    const before = t.rt.cipher;
    t.rt.cipher = withNewIndex;
    expect(await find(numbers[2]!)).toBe(0);
    const report = await reencryptAll(t.rt.db, withNewIndex, { reindex: true });
    expect(report.reindexed).toBe(3);
    expect(await find(numbers[2]!)).toBe(1);
    t.rt.cipher = before;
    expect(await find(numbers[2]!)).toBe(0);
    t.rt.cipher = withNewIndex;
  });
});
