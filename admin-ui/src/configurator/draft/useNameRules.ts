import type { Rule } from 'antd/es/form';
import { useDraftMessages } from './messages.ts';
import { CAMEL_NAME } from './operations.ts';
import { useRequired } from './useRequired.ts';

/** The form rules of a new state, form or field id: filled in, camelCase, and not `taken` already. */
export function useNameRules() {
  const t = useDraftMessages();
  const required = useRequired();
  return (taken: (name: string) => boolean): Rule[] => [
    ...required,
    { pattern: CAMEL_NAME, message: t('idHint') },
    { validator: (_: unknown, value: string) => (value && taken(value) ? Promise.reject(new Error(t('idHint'))) : Promise.resolve()) },
  ];
}
