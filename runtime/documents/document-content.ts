import { createHash } from 'node:crypto';
import { chinaDate, type DocumentDeclaration, type LocalizedText } from '../../engine/index.ts';

/** What a document's sources resolve to for one case at the moment it is printed. */
export interface DocumentSources {
  caseNo: string;
  processTitle: LocalizedText;
  subjectName: string;
  subjectIdentifier: string;
  openedAt: string;
  dueAt: string | null;
  issuedAt: Date;
  office: string;
  certificateNo: string | null;
  data: Record<string, unknown>;
}

/** A document as printed: its fields and paragraphs with every value filled in, in both languages. */
export interface ResolvedDocument {
  fields: { title: LocalizedText; value: LocalizedText }[];
  paragraphs: LocalizedText[];
}

const same = (text: string): LocalizedText => ({ 'zh-CN': text, en: text });

function dataValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The value of one source (`caseNo`, `data.rejectionReason`, ...): dates as China dates, YYYY-MM-DD. */
export function sourceValue(source: string, sources: DocumentSources): LocalizedText {
  if (source.startsWith('data.')) return same(dataValue(sources.data[source.slice('data.'.length)]));
  switch (source) {
    case 'processTitle':
      return sources.processTitle;
    case 'openedAt':
      return same(sources.openedAt);
    case 'dueAt':
      return same(sources.dueAt ? chinaDate(sources.dueAt) : '');
    case 'issuedAt':
      return same(chinaDate(sources.issuedAt));
    case 'certificateNo':
      return same(sources.certificateNo ?? '');
    case 'caseNo':
    case 'subjectName':
    case 'subjectIdentifier':
    case 'office':
      return same(sources[source]);
    default:
      return same('');
  }
}

/** Fills a declaration's fields and its paragraphs' `{source}` placeholders. */
export function resolveDocument(declaration: Pick<DocumentDeclaration, 'fields' | 'paragraphs'>, sources: DocumentSources): ResolvedDocument {
  const fill = (text: string, language: keyof LocalizedText) => text.replace(/\{([a-zA-Z.]+)\}/g, (_m, source: string) => sourceValue(source, sources)[language]);
  return {
    fields: declaration.fields.map((field) => ({ title: field.title, value: sourceValue(field.value, sources) })),
    paragraphs: declaration.paragraphs.map((p) => ({ 'zh-CN': fill(p['zh-CN'], 'zh-CN'), en: fill(p.en, 'en') })),
  };
}

/** SHA-256 (hex) of what a document printed, with its token and number: the same print always hashes alike. */
export function contentHash(parts: { kind: string; number: string; token: string; issuedAt: string; resolved: ResolvedDocument }): string {
  return createHash('sha256').update(JSON.stringify([parts.kind, parts.number, parts.token, parts.issuedAt, parts.resolved.fields, parts.resolved.paragraphs])).digest('hex');
}

/** A name as the public verification page shows it: the first character, the rest as asterisks. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/**
 * The case summary (业务办理摘要) every case can print: the platform's own document, not a
 * process's, so it is declared here rather than by a package.
 */
export const caseSummaryDeclaration: Omit<DocumentDeclaration, 'process' | 'after'> = {
  id: 'case-summary',
  title: { 'zh-CN': '业务办理摘要', en: 'Case summary' },
  fields: [
    { title: { 'zh-CN': '业务编号', en: 'Case number' }, value: 'caseNo' },
    { title: { 'zh-CN': '业务事项', en: 'Process' }, value: 'processTitle' },
    { title: { 'zh-CN': '服务对象', en: 'Subject' }, value: 'subjectName' },
    { title: { 'zh-CN': '证件号码', en: 'ID number' }, value: 'subjectIdentifier' },
    { title: { 'zh-CN': '受理日期', en: 'Opened on' }, value: 'openedAt' },
    { title: { 'zh-CN': '经办机构', en: 'Office' }, value: 'office' },
    { title: { 'zh-CN': '打印日期', en: 'Printed on' }, value: 'issuedAt' },
  ],
  paragraphs: [],
};
