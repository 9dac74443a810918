import { useCallback } from 'react';
import { defineMessages, useLocalized, type Text } from '../i18n.ts';

/** What each action a definition may name does, as a configurator calls it: the engine's built-ins and the runtime's named actions. */
const useActionMessages = defineMessages({
  setSubject: { 'zh-CN': '更新办理对象状态', en: "Update the subject's status" },
  emit: { 'zh-CN': '通知协同业务', en: 'Notify the linked processes' },
  issueCertificate: { 'zh-CN': '发放证照', en: 'Issue a certificate' },
  payItem: { 'zh-CN': '记入资金发放台账', en: 'Record a payment in the ledger' },
  countOnSubject: { 'zh-CN': '累计办理对象次数', en: 'Count on the subject' },
  emitDifficultyEnded: { 'zh-CN': '通知就业困难认定结束', en: 'Announce the end of the difficulty recognition' },
  unknown: { 'zh-CN': '动作', en: 'Action' },
  withDetail: { 'zh-CN': '{title}：{detail}', en: '{title}: {detail}' },
});

/** Certificates the packages issue, by their code. */
const certificates: Record<string, Text> = {
  'employment-entrepreneurship': { 'zh-CN': '就业创业证', en: 'Employment and entrepreneurship certificate' },
};

/** The actions named in words, each with how its parameters read on the code line beneath (`unemploymentStatus = registered`). */
const KNOWN = {
  setSubject: (params) => `${text(params, 'field')} = ${String(params['value'] ?? '')}`,
  emit: (params) => text(params, 'event'),
  issueCertificate: (params) => text(params, 'certificate'),
  payItem: (params) => text(params, 'subsidyType'),
  countOnSubject: (params) => text(params, 'field'),
  emitDifficultyEnded: () => '',
} satisfies Record<string, (params: Record<string, unknown>) => string>;

function text(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  return typeof value === 'string' ? value : '';
}

function isKnown(type: string): type is keyof typeof KNOWN {
  return Object.hasOwn(KNOWN, type);
}

/**
 * An action of a definition as a person reads it: `title` in words (an unknown one as 动作), and
 * `code`, its id and parameters, for a line in small type beneath.
 */
export function useActionText() {
  const t = useActionMessages();
  const l = useLocalized();
  return useCallback(
    (action: { type: string; params?: Record<string, unknown> | undefined }): { title: string; code: string } => {
      const params = action.params ?? {};
      if (!isKnown(action.type)) return { title: t('unknown'), code: action.type };
      const detail = KNOWN[action.type](params);
      const code = detail ? `${action.type} · ${detail}` : action.type;
      const title = t(action.type);
      const certificate = action.type === 'issueCertificate' ? certificates[String(params['certificate'])] : undefined;
      return { title: certificate ? t('withDetail', { title, detail: l(certificate) }) : title, code };
    },
    [t, l],
  );
}
