import type { Answer } from '../../../client/index.ts';
import type { WidgetProps } from '@rjsf/utils';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useLocale } from '../i18n.ts';

type Found = Answer<'/api/institutions', 'get'>['items'][number];

const NOT_ACTIVE = { 'zh-CN': '（非正常）', en: ' (not active)' } as const;

/**
 * `ui:widget: "institution"`: picks a registered institution of the kind `ui:options.kind` names
 * from the city's register (`GET /api/institutions`), by name, credit code or licence number; the
 * field's value is the credit code, so the step's rules check the institution itself.
 */
export function InstitutionWidget({ id, value, disabled, readonly, options, onChange, onBlur }: WidgetProps) {
  const locale = useLocale();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  const kind = typeof options['kind'] === 'string' ? options['kind'] : '';

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ pageSize: '20', ...(kind ? { kind } : {}), ...(q.trim() ? { q: q.trim() } : {}) });
      api<{ items: Found[] }>('GET', `/institutions?${query.toString()}`).then((page) => current && setFound(page.items), () => current && setFound([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, kind]);

  const choices = found.map((i) => ({ value: i.creditCode, label: `${i.name} · ${i.creditCode}${i.status === 'active' ? '' : NOT_ACTIVE[locale]}` }));
  if (typeof value === 'string' && value && !choices.some((c) => c.value === value)) choices.unshift({ value, label: value });
  return (
    <Select
      id={id}
      value={typeof value === 'string' && value ? value : undefined}
      disabled={disabled || readonly}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={choices}
      onChange={(next?: string) => onChange(next || undefined)}
      onBlur={() => onBlur(id, value)}
    />
  );
}
