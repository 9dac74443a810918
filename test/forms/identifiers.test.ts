import { describe, expect, it } from 'vitest';
import { citizenIdCheckCharacter, maskCitizenId, parseCitizenId, parseCreditCode } from '../../forms/index.ts';

describe('GB 11643 citizen ID number', () => {
  it('accepts the published vectors and derives birth date and gender', () => {
    expect(parseCitizenId('11010519491231002X')).toEqual({ ok: true, areaCode: '110105', birthDate: '1949-12-31', gender: 'female' });
    expect(parseCitizenId('440524188001010014')).toEqual({ ok: true, areaCode: '440524', birthDate: '1880-01-01', gender: 'male' });
    expect(parseCitizenId('11010519491231002x').ok).toBe(true);
  });

  it('computes the check character from the weighted sum', () => {
    expect(citizenIdCheckCharacter('11010519491231002')).toBe('X');
    expect(citizenIdCheckCharacter('44052418800101001')).toBe('4');
  });

  it('refuses a wrong check character, an impossible birth date, a future birth date and a bad shape', () => {
    expect(parseCitizenId('110105194912310021')).toEqual({ ok: false, problem: 'checksum' });
    expect(parseCitizenId('110105194902300021')).toEqual({ ok: false, problem: 'birthDate' });
    expect(parseCitizenId('110105203001010011', '2026-11-26')).toEqual({ ok: false, problem: 'birthDate' });
    expect(parseCitizenId('11010519491231002')).toEqual({ ok: false, problem: 'format' });
    expect(parseCitizenId('1101051949123100AX')).toEqual({ ok: false, problem: 'format' });
  });

  it('masks the birth date and sequence for lists', () => {
    expect(maskCitizenId('11010519491231002X')).toBe('110105***********X');
  });
});

describe('GB 32100 unified social credit code', () => {
  it('accepts the published vector', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({ ok: true, areaCode: '350100', organizationCode: 'M000100Y4' });
  });

  it('refuses a wrong check character, a letter outside the alphabet, and a bad organisation code check', () => {
    expect(parseCreditCode('91350100M000100Y44')).toEqual({ ok: false, problem: 'checksum' });
    expect(parseCreditCode('91350100M000100Y4I')).toEqual({ ok: false, problem: 'format' });
    expect(parseCreditCode('91350100M000100Y5')).toEqual({ ok: false, problem: 'format' });
    // Organisation code body M000100Y with check 5 instead of 4; the outer check is recomputed so only the inner one fails.
    const inner = '91350100M000100Y5';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...inner].reduce((acc, ch, i) => acc + alphabet.indexOf(ch) * weights[i]!, 0);
    expect(parseCreditCode(inner + alphabet[(31 - (sum % 31)) % 31])).toEqual({ ok: false, problem: 'organizationCode' });
  });
});
