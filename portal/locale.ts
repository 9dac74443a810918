import { messages, type Messages } from './messages.ts';

/** The languages of the public site: Chinese first, English beside it. */
export const langs = ['zh-CN', 'en'] as const;
export type Lang = (typeof langs)[number];

/**
 * Where each language lives: Chinese at the root, English under `/en`. A path per language (rather
 * than a cookie) gives every page one address per language, so a link shared or indexed opens in the
 * language it was read in, caches need no `Vary: Cookie`, and the page works without cookies or script.
 */
const prefixes: Record<Lang, string> = { 'zh-CN': '', en: '/en' };

/** The language a path is in: English under `/en`, Chinese elsewhere. */
export function langOfPath(path: string): Lang {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'zh-CN';
}

/** A site path (`/jobs`, `/`) in a language, with an optional query string. */
export function sitePath(lang: Lang, path: string, query?: URLSearchParams): string {
  const base = path === '/' ? `${prefixes[lang]}/` : `${prefixes[lang]}${path}`;
  const search = query?.toString();
  return search ? `${base}?${search}` : base;
}

/** The path prefix of a language (`''` or `/en`), for mounting its routes. */
export function langPrefix(lang: Lang): string {
  return prefixes[lang];
}

/** The messages of a language. */
export function messagesOf(lang: Lang): Messages {
  return messages[lang];
}

/** The other language, for the switch at the top of every page. */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh-CN' : 'en';
}

/** True when a text holds Chinese characters: an English page marks such data `lang="zh-CN"` for screen readers. */
export function hasChinese(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** A message's `{name}` placeholders filled with text. */
export function fillText(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A China day (`2026-12-05`) as the language writes it. */
export function formatDay(lang: Lang, day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (lang === 'zh-CN') return `${year}年${month}月${date}日`;
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The China day of an instant. */
export function chinaDay(iso: string): string {
  return new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** A count as the language groups digits. */
export function formatCount(lang: Lang, count: number): string {
  return count.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN');
}
