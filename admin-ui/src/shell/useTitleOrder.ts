import { useCallback } from 'react';
import type { Localized } from '../api.ts';
import { useLocale, useLocalized } from '../i18n.ts';

/**
 * Sorts things with a title pair by their title in the UI language: Chinese by pinyin
 * (`Intl.Collator('zh-CN')`), English alphabetically; never by id. Returns a new array.
 */
export function useTitleOrder() {
  const locale = useLocale();
  const l = useLocalized();
  return useCallback(
    <T extends { title: Localized }>(items: readonly T[]): T[] => {
      const collator = new Intl.Collator(locale);
      return [...items].sort((a, b) => collator.compare(l(a.title), l(b.title)));
    },
    [locale, l],
  );
}
