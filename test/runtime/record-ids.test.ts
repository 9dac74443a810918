import { describe, expect, it } from 'vitest';
import { isRecordId } from '../../runtime/db/index.ts';

describe('isRecordId: what an address may carry as a record id before a query', () => {
  it('takes a UUID in either case', () => {
    expect(isRecordId('0f8b2c1e-6a4d-4e2f-9b3a-7c5d1e2f3a4b')).toBe(true);
    expect(isRecordId('0F8B2C1E-6A4D-4E2F-9B3A-7C5D1E2F3A4B')).toBe(true);
  });

  it('refuses anything else: a name, a number, a UUID with more around it or a part missing', () => {
    for (const text of ['', 'not-a-posting', '42', ' 0f8b2c1e-6a4d-4e2f-9b3a-7c5d1e2f3a4b', '0f8b2c1e-6a4d-4e2f-9b3a-7c5d1e2f3a4b/x', "0f8b2c1e-6a4d-4e2f-9b3a-7c5d1e2f3a4b' OR '1'='1", '0f8b2c1e6a4d4e2f9b3a7c5d1e2f3a4b', 'zf8b2c1e-6a4d-4e2f-9b3a-7c5d1e2f3a4b']) {
      expect(isRecordId(text), text).toBe(false);
    }
  });
});
