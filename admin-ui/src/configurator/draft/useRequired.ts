import type { Rule } from 'antd/es/form';
import { useDraftMessages } from './messages.ts';

/** The form rules of an input that must be filled in, with the draft editor's message. */
export function useRequired(): Rule[] {
  const t = useDraftMessages();
  return [{ required: true, message: t('requiredInput') }];
}
