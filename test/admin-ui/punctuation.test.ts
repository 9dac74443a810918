import { describe, expect, it } from 'vitest';
import { joinNames, labelled, withDetail } from '../../admin-ui/src/shell/punctuation.ts';

describe('punctuation by language', () => {
  it('joins names with 、 in Chinese and a comma in English', () => {
    expect(joinNames(['失业登记窗口', '就业登记窗口'], 'zh-CN')).toBe('失业登记窗口、就业登记窗口');
    expect(joinNames(['Unemployment window', 'Employment window'], 'en')).toBe('Unemployment window, Employment window');
    expect(joinNames([], 'en')).toBe('');
  });

  it('uses full-width colon and brackets in Chinese only', () => {
    expect(labelled('原因', '年检不合格', 'zh-CN')).toBe('原因：年检不合格');
    expect(labelled('Reason', 'failed inspection', 'en')).toBe('Reason: failed inspection');
    expect(withDetail('林小雨', 'xiagang.window', 'zh-CN')).toBe('林小雨（xiagang.window）');
    expect(withDetail('Lin Xiaoyu', 'xiagang.window', 'en')).toBe('Lin Xiaoyu (xiagang.window)');
  });
});
