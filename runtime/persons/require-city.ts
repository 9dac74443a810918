import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';

const serviceRoles = new Set(['caseworker', 'reviewer', 'admin']);

/** Master data is kept per city: only service staff of a city (or below) may write it. */
export function requireCity(user: SessionUser): string {
  if (!serviceRoles.has(user.role) || !user.orgUnit.cityCode) {
    throw new PlatformError('ROLE_NOT_PERMITTED', {
      message: { 'zh-CN': '只有市级及以下经办机构的工作人员可以登记', en: 'Only service staff of a city or below may register records' },
    });
  }
  return user.orgUnit.cityCode;
}
