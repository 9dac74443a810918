import { createContext, useCallback, useContext } from 'react';

export type Locale = 'zh-CN' | 'en';

/** A UI text in both languages, zh-CN first. */
export interface Text {
  'zh-CN': string;
  en: string;
}

export const LocaleContext = createContext<Locale>('zh-CN');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/**
 * Declares a module's UI strings and returns the hook that translates them. Each screen keeps its
 * own table beside it; `{name}` placeholders are filled from `vars`.
 */
export function defineMessages<K extends string>(table: Record<K, Text>) {
  return function useMessages() {
    const locale = useLocale();
    return useCallback(
      (key: K, vars: Record<string, string | number> = {}) => table[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')),
      [locale],
    );
  };
}

/** Picks the locale's text from a `{ 'zh-CN', en }` pair sent by the API (or `x-i18n` in a schema). */
export function useLocalized() {
  const locale = useLocale();
  return useCallback((text: Partial<Text> | null | undefined) => (text ? (text[locale] ?? text['zh-CN'] ?? '') : ''), [locale]);
}

/** Strings every screen uses. */
export const useCommon = defineMessages({
  appTitle: { 'zh-CN': '公共就业服务平台', en: 'Public Employment Services' },
  signOut: { 'zh-CN': '退出', en: 'Sign out' },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  empty: { 'zh-CN': '暂无数据', en: 'Nothing here' },
  retry: { 'zh-CN': '重试', en: 'Retry' },
  total: { 'zh-CN': '共 {n} 条', en: '{n} in all' },
  notFound: { 'zh-CN': '页面不存在', en: 'Page not found' },
  backHome: { 'zh-CN': '返回首页', en: 'Back to start' },
  loadFailed: { 'zh-CN': '加载失败', en: 'Could not load' },
  screenFailed: { 'zh-CN': '页面未能打开，可能是网络中断或系统刚刚更新', en: 'The screen could not open: the network may be down, or the system was just updated' },
  reload: { 'zh-CN': '重新加载', en: 'Reload' },
  switchLanguage: { 'zh-CN': 'English', en: '中文' },
  scrollsSideways: { 'zh-CN': '{title}（可左右滚动）', en: '{title} (scrolls sideways)' },
});
