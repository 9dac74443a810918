import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher, type KeyRing } from '../../runtime/crypto/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { persons } from '../../runtime/db/schema/index.ts';
import { reencryptAll } from '../../runtime/privacy/index.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testKeyRing, type TestRuntime } from '../support/test-runtime.ts';

const numbers = [citizenId('350203', '19790101', '013'), citizenId('350203', '19800202', '024'), citizenId('350203', '19810303', '035')];

describe.each(backends)('rotating the keys of personal data (%s)', (backend) => {
  let t: TestRuntime;
  const keysOf = async () =>
    (
      await queryRows<{ id_number: string; phone: string | null; card: string | null; emergency: string | null }>(
        t.rt.db,
        sql`SELECT id_number, phone, social_security_card_no AS card, emergency_contact_phone AS emergency FROM persons ORDER BY id_number`,
      )
    ).flatMap((r) => [r.id_number, r.phone, r.card, r.emergency].filter((v): v is string => v !== null).map(FieldCipher.keyOf));
  let benefitCase = '';
  const bankAccountKeys = async () => {
    const [row] = await queryRows<{ data: string; snapshot: string; record: string }>(
      t.rt.db,
      sql`SELECT c.data->>'bankAccount' AS data, c.snapshot->'context'->'data'->>'bankAccount' AS snapshot, e.data->>'bankAccount' AS record
            FROM cases c JOIN case_events e ON e.case_id = c.id AND e.event = 'check' WHERE c.id = ${benefitCase}`,
    );
    return [row!.data, row!.snapshot, row!.record].map(FieldCipher.keyOf);
  };
  const find = async (idNumber: string) => (await t.request('GET', `/api/persons?q=${idNumber}`, { token: await t.login('caseworker') })).body.total;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    const token = await t.login('caseworker');
    const ids = [];
    for (const [i, idNumber] of numbers.entries()) ids.push(await registerPerson(t, token, idNumber, `轮换${i}`, { phone: `1391234567${i}` }));
    // A social security card number and an emergency contact's phone, sealed on the record and in its history (two rows).
    const edited = await t.request('PATCH', `/api/persons/${ids[1]}`, { token, body: { changes: { socialSecurityCardNo: 'B00000019', emergencyContactPhone: '13700002222' }, reason: '补录社保卡' } });
    expect(edited.status).toBe(200);
    // A benefit application, whose bank account number is kept encrypted in the case and its record.
    const registration = await open(t, token, 'unemployment-registration', ids[0]!);
    await act(t, token, registration.id, 'submit', registrationForm());
    await act(t, await t.login('reviewer'), registration.id, 'approve', { opinion: '同意' });
    benefitCase = (await open(t, token, 'unemployment-benefit', ids[0]!)).id;
    const application = { contributionMonths: 36, separationReason: 'dismissed-by-employer', separationDate: '2026-09-30', registrationDate: '2026-11-02', carriedOverMonths: 0, bankAccount: '6222021234567890123' };
    await act(t, token, benefitCase, 'check', application);
  });
  afterAll(() => t.close());

  it('re-encrypts every value it may rewrite under the new primary key, and counts the records that keep the old one', async () => {
    expect(new Set(await keysOf())).toEqual(new Set(['k1']));
    expect(await bankAccountKeys()).toEqual(['k1', 'k1', 'k1']);
    const rotated: KeyRing = { ...testKeyRing, primary: 'k2', keys: { ...testKeyRing.keys, k2: randomBytes(32).toString('hex') } };
    t.rt.cipher = new FieldCipher(rotated);
    const report = await reencryptAll(t.rt.db, t.rt.cipher, { reindex: false });
    // Append-only too: the two history rows of the edit keep k1 with the performance record.
    expect(report).toMatchObject({ persons: 3, ledgerItems: 0, payments: 0, cases: 1, historyUnderOlderKeys: 3 });
    expect(new Set(await keysOf())).toEqual(new Set(['k2']));
    // The performance record is append-only: it keeps k1, which must therefore stay in the ring.
    expect(await bankAccountKeys()).toEqual(['k2', 'k2', 'k1']);
    // Run again: nothing left under another key.
    expect(await reencryptAll(t.rt.db, t.rt.cipher, { reindex: false })).toMatchObject({ persons: 0, cases: 0, historyUnderOlderKeys: 3 });

    t.rt.cipher = new FieldCipher({ ...rotated, keys: { k2: rotated.keys['k2']! } });
    const [row] = await t.rt.db.select().from(persons).where(eq(persons.idNumberIndex, t.rt.cipher.index(numbers[1]!)));
    expect(t.rt.cipher.decrypt(row!.idNumber)).toBe(numbers[1]);
    expect(t.rt.cipher.decrypt(row!.phone!)).toBe('13912345671');
    expect(t.rt.cipher.decrypt(row!.socialSecurityCardNo!)).toBe('B00000019');
    expect(t.rt.cipher.decrypt(row!.emergencyContactPhone!)).toBe('13700002222');
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
