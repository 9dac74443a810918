import { describe, expect, it } from 'vitest';
import { PAYMENT_ACCOUNT } from '../../admin-ui/src/caseworker/start/form-rules.ts';

describe('a payment account typed in the person forms', () => {
  it('takes 8 to 30 digits, spaces between groups allowed, as the server does, and nothing else', () => {
    for (const accepted of ['62220212', '6222 0212 3456 7890 123', '6'.repeat(30), ' 6217 0012 3400 5678 ']) expect(PAYMENT_ACCOUNT.test(accepted), accepted).toBe(true);
    for (const refused of ['1234 567', '6'.repeat(31), '6222-0212-3456', '6222abc12345', '']) expect(PAYMENT_ACCOUNT.test(refused), refused).toBe(false);
  });
});
