import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useLocale } from '../../i18n.ts';
import { useStartMessages } from './messages.ts';
import { showDuplicateOnField, showRefusalOnFields } from './refusal-on-fields.ts';

/**
 * Sends a registration form: `saving` while the request is out; on success the form is cleared
 * and `saved` gets the answer; a refusal lands on the fields it names (else in `refusal`, for an
 * alert), and a duplicate identifier points at the existing record, which `showInList` lists.
 */
export function useRegistration(form: FormInstance, fields: readonly string[], identifierField: string, showInList: (identifier: string) => void) {
  const t = useStartMessages();
  const locale = useLocale();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const register = async <T>(identifier: string, send: () => Promise<T>, saved: (result: T) => void) => {
    setSaving(true);
    setRefusal(null);
    try {
      const result = await send();
      form.resetFields();
      saved(result);
    } catch (error) {
      setRefusal(showRefusalOnFields(form, error, locale, fields));
      if (showDuplicateOnField(form, error, locale, identifierField, t('duplicateHint'))) showInList(identifier);
    } finally {
      setSaving(false);
    }
  };

  return { refusal, saving, register };
}
