import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hotp, matchTotp, totpStep } from '../../runtime/auth/totp.ts';
import { FieldCipher, freshKeyRing } from '../../runtime/crypto/index.ts';

describe('the one-time code (RFC 6238, HMAC-SHA-1)', () => {
  const secret = Buffer.from('12345678901234567890');
  it('gives the RFC 6238 test vectors (their last six digits)', () => {
    // Appendix B: T = 59 s -> 94287082, T = 1111111109 s -> 07081804, T = 2000000000 s -> 69279037.
    expect(hotp(secret, totpStep(new Date(59_000)))).toBe('287082');
    expect(hotp(secret, totpStep(new Date(1_111_111_109_000)))).toBe('081804');
    expect(hotp(secret, totpStep(new Date(2_000_000_000_000)), 8)).toBe('69279037');
  });

  it('accepts a code one step either side for clock drift, and no further', () => {
    const at = new Date(1_111_111_109_000);
    const step = totpStep(at);
    expect(matchTotp(secret, hotp(secret, step - 1), at)).toBe(step - 1);
    expect(matchTotp(secret, hotp(secret, step + 1), at)).toBe(step + 1);
    expect(matchTotp(secret, hotp(secret, step + 2), at)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at)).toBeNull();
  });
});

describe('the personal-data cipher (SM4-CTR with an HMAC-SM3 tag)', () => {
  it('uses the SM4 of GB/T 32907-2016 (its test vector)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('encrypts to a different text each time, decrypts back, and refuses a value altered in any part', () => {
    const cipher = new FieldCipher(freshKeyRing());
    const a = cipher.encrypt('350203199007070151');
    const b = cipher.encrypt('350203199007070151');
    expect(a).not.toBe(b);
    expect(a).not.toContain('350203');
    expect(cipher.decrypt(a)).toBe('350203199007070151');
    const parts = a.split(':');
    for (const index of [3, 4, 5]) {
      const altered = [...parts];
      altered[index] = `${altered[index]!.slice(0, -2)}${altered[index]!.endsWith('A') ? 'BB' : 'AA'}`;
      expect(() => cipher.decrypt(altered.join(':'))).toThrow();
    }
  });

  it('indexes blindly: the same value gives the same index under one key, another under another', () => {
    const ring = freshKeyRing();
    const one = new FieldCipher(ring);
    expect(one.index('13912345678')).toBe(new FieldCipher(ring).index('13912345678'));
    expect(one.index('13912345678')).not.toBe(one.index('13912345679'));
    expect(one.index('13912345678')).not.toBe(new FieldCipher(freshKeyRing()).index('13912345678'));
  });

  it('reads values of a retired key while the ring still holds it, and writes with the primary one', () => {
    const old = freshKeyRing('k1');
    const stored = new FieldCipher(old).encrypt('x');
    const rotated = new FieldCipher({ primary: 'k2', keys: { ...old.keys, k2: freshKeyRing('k2').keys['k2']! }, index: old.index });
    expect(rotated.decrypt(stored)).toBe('x');
    expect(FieldCipher.keyOf(rotated.encrypt('x'))).toBe('k2');
    expect(() => new FieldCipher({ ...old, primary: 'k3' })).toThrow(/primary/);
  });
});
