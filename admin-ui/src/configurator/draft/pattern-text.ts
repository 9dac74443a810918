import type { Locale } from '../../i18n.ts';

type Described = Record<Locale, string>;

/** Patterns the packages use, described as a person reads them; `{a}`, `{b}` are the lengths matched. */
const KNOWN: { pattern: RegExp; text: (a: string, b: string) => Described }[] = [
  { pattern: /^\^(?:\\d|\[0-9\])\{(\d+)\}\$$/, text: (a) => ({ 'zh-CN': `${a} 位数字`, en: `${a} digits` }) },
  { pattern: /^\^(?:\\d|\[0-9\])\{(\d+),(\d+)\}\$$/, text: (a, b) => ({ 'zh-CN': `${a}–${b} 位数字`, en: `${a} to ${b} digits` }) },
  { pattern: /^\^\[(?:A-Za-z0-9-|0-9A-Za-z-)\]\{(\d+),(\d+)\}\$$/, text: (a, b) => ({ 'zh-CN': `${a}–${b} 位字母、数字或连字符`, en: `${a} to ${b} letters, digits or hyphens` }) },
  { pattern: /^\^\\d\{4\}-\(0\[1-9\]\|1\[0-2\]\)\$$/, text: () => ({ 'zh-CN': '年月，如 2026-03', en: 'year and month, e.g. 2026-03' }) },
  { pattern: /^\^\\d\{4\}-Q\[1-4\]\$$/, text: () => ({ 'zh-CN': '年度与季度，如 2026-Q1', en: 'year and quarter, e.g. 2026-Q1' }) },
  { pattern: exactly('^\\d{6}(\\d{3}(\\d{3})?)?$'), text: () => ({ 'zh-CN': '6、9 或 12 位行政区划代码', en: 'a division code of 6, 9 or 12 digits' }) },
  { pattern: /^\^\\d\(-\\d\{2\}\)\{1,3\}(?:\(-\\d\{2\}\)\?)?\$$/, text: () => ({ 'zh-CN': '职业分类大典代码，如 4-07-01', en: 'an occupation code, e.g. 4-07-01' }) },
  { pattern: exactly('^[A-T](\\d{2,4})?$|^\\d{2,4}$'), text: () => ({ 'zh-CN': '国民经济行业代码（GB/T 4754），如 C 或 C13', en: 'an industry code (GB/T 4754), e.g. C or C13' }) },
];

/** A pattern that matches just this expression. */
function exactly(expression: string): RegExp {
  return new RegExp(`^${expression.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/**
 * A field's `pattern` in words for a configurator when it is one of the common ones ("6–12 位数字");
 * null for any other, which `PatternText` shows as an expression labelled as one.
 */
export function describedPattern(pattern: string, locale: Locale): string | null {
  for (const known of KNOWN) {
    const found = known.pattern.exec(pattern);
    if (found) return known.text(found[1] ?? '', found[2] ?? '')[locale];
  }
  return null;
}
