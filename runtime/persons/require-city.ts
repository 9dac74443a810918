import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';

/** Master data, cases and payments are kept per city: the city of a user sitting in one (or below), else refused. */
export function requireCity(user: SessionUser): string {
  if (!user.orgUnit.cityCode) {
    throw new PlatformError('ROLE_NOT_PERMITTED', {
      message: { 'zh-CN': '只有市级及以下经办机构的工作人员可以登记', en: 'Only service staff of a city or below may register records' },
    });
  }
  return user.orgUnit.cityCode;
}
