import type { Locale } from '../i18n.ts';

/** Names in a run: 、 between them in Chinese, a comma and a space in English. */
export function joinNames(names: readonly string[], locale: Locale): string {
  return names.join(locale === 'zh-CN' ? '、' : ', ');
}

/** A label and what follows it: a full-width colon in Chinese, a colon and a space in English. */
export function labelled(label: string, text: string, locale: Locale): string {
  return locale === 'zh-CN' ? `${label}：${text}` : `${label}: ${text}`;
}

/** A name with a detail in brackets: full-width brackets in Chinese, a space and ASCII brackets in English. */
export function withDetail(name: string, detail: string, locale: Locale): string {
  return locale === 'zh-CN' ? `${name}（${detail}）` : `${name} (${detail})`;
}
