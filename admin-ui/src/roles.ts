import { useCallback } from 'react';
import { defineMessages } from './i18n.ts';

/** The platform's roles (the engine's list; the UI carries no engine code). `system` is the platform itself; `applicant` the citizen or employer on the public site. */
export const ROLES = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin', 'auditor', 'system', 'applicant'] as const;
/** The roles people hold, which a task may be given. */
export const PERSON_ROLES = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin'] as const;

type RoleName = (typeof ROLES)[number];

const useRoleMessages = defineMessages<RoleName>({
  caseworker: { 'zh-CN': '经办员', en: 'Caseworker' },
  reviewer: { 'zh-CN': '审核员', en: 'Reviewer' },
  configurator: { 'zh-CN': '配置员', en: 'Configurator' },
  evaluator: { 'zh-CN': '评估员', en: 'Evaluator' },
  admin: { 'zh-CN': '管理员', en: 'Administrator' },
  auditor: { 'zh-CN': '审计员', en: 'Auditor' },
  system: { 'zh-CN': '系统自动', en: 'System' },
  applicant: { 'zh-CN': '申请人（网上）', en: 'Applicant (online)' },
});

const isKnown = (role: string): role is RoleName => (ROLES as readonly string[]).includes(role);

/** A role in the reader's language; a role the UI does not know (a plugin's own) as it is; `—` for none. */
export function useRoleName() {
  const t = useRoleMessages();
  return useCallback((role: string | undefined) => (role === undefined ? '—' : isKnown(role) ? t(role) : role), [t]);
}
