import { describe, expect, it } from 'vitest';
import { describedPattern } from '../../admin-ui/src/configurator/draft/pattern-text.ts';

describe('a field pattern in words for a configurator', () => {
  it('describes the patterns the packages use, in both languages', () => {
    expect(describedPattern('^\\d{4}$', 'zh-CN')).toBe('4 位数字');
    expect(describedPattern('^[0-9]{8,30}$', 'en')).toBe('8 to 30 digits');
    expect(describedPattern('^[A-Za-z0-9-]{4,40}$', 'zh-CN')).toBe('4–40 位字母、数字或连字符');
    expect(describedPattern('^\\d{4}-(0[1-9]|1[0-2])$', 'zh-CN')).toBe('年月，如 2026-03');
    expect(describedPattern('^\\d{6}(\\d{3}(\\d{3})?)?$', 'zh-CN')).toBe('6、9 或 12 位行政区划代码');
    expect(describedPattern('^\\d(-\\d{2}){1,3}(-\\d{2})?$', 'zh-CN')).toBe('职业分类大典代码，如 4-07-01');
    expect(describedPattern('^\\d(-\\d{2}){1,3}$', 'en')).toBe('an occupation code, e.g. 4-07-01');
    expect(describedPattern('^[A-T](\\d{2,4})?$|^\\d{2,4}$', 'en')).toBe('an industry code (GB/T 4754), e.g. C or C13');
  });

  it('leaves any other expression undescribed: the screen shows it labelled as an expression, not in made-up words', () => {
    expect(describedPattern('^VP\\d{16,20}$', 'zh-CN')).toBeNull();
    expect(describedPattern('^VP\\d{16,20}$', 'en')).toBeNull();
    // Only the whole expression is described: one that merely starts like a known one is not.
    expect(describedPattern('^\\d{4}$|^X$', 'zh-CN')).toBeNull();
  });
});
