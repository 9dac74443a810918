import { PlatformError } from '../../engine/index.ts';

/** A refusal as a public page shows it: its code, its bilingual message, its details (failing fields, violated rules). */
export interface Refusal {
  code: string;
  localized: { 'zh-CN': string; en: string };
  details: unknown;
  /** The page's status: 404 for a record out of reach, 409 where the request clashes with what is there, else 422. */
  status: 404 | 409 | 422;
}

const CLASHES = new Set(['APPLICATION_EXISTS', 'POSTING_NOT_OPEN', 'APPLICATION_DECIDED', 'APPLICATION_OTHER_CITY', 'DUPLICATE_RECORD', 'CASE_VERSION_CONFLICT', 'CONCURRENT_UPDATE']);

/** The platform's refusal an error is, for the public site (which reads no engine code); undefined for a fault. */
export function refusalOf(error: unknown): Refusal | undefined {
  if (!(error instanceof PlatformError) || error.kind === 'fault') return undefined;
  const status = error.code === 'NOT_FOUND' ? 404 : CLASHES.has(error.code) ? 409 : 422;
  return { code: error.code, localized: error.localized, details: error.details, status };
}
