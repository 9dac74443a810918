import { describe, expect, it } from 'vitest';
import { maskNoticeName } from '../../runtime/notices/index.ts';

describe('names on a public notice (公示姓名脱敏)', () => {
  it('keeps the first and last characters of a name of three or more, masking each one between', () => {
    expect(maskNoticeName('张小三')).toBe('张*三');
    expect(maskNoticeName('欧阳娜娜')).toBe('欧**娜');
    expect(maskNoticeName('买买提·艾力')).toBe('买****力');
  });

  it('keeps only the first of two characters, and shows nothing of one', () => {
    expect(maskNoticeName('张三')).toBe('张*');
    expect(maskNoticeName('张')).toBe('*');
    expect(maskNoticeName('')).toBe('*');
  });

  it('counts characters as a reader sees them: a character outside the basic plane is one, spaces around are dropped', () => {
    expect(maskNoticeName('𠮷野家')).toBe('𠮷*家');
    expect(maskNoticeName(' 李𠮷 ')).toBe('李*');
  });
});
