import { useEffect, useState } from 'react';
import { UnitPicker } from '../../administration/UnitPicker.tsx';
import { api } from '../../api.ts';
import { useSearchMessages } from './messages.ts';

/** The units a caseworker's work reaches, as `GET /api/org/units` lists them. */
const SOURCE = '/org/units';

/**
 * The office filter of the case search: a unit the user's work reaches, picked from the tree or
 * found by name or code, with the units below it. The URL holds only the unit's code, so a search
 * opened from a link or a bookmark looks the name up by that code.
 */
export function OfficeFilter({ value, onChange }: { value: string | undefined; onChange: (orgUnitId: string) => void }) {
  const t = useSearchMessages();
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!value || names[value]) return;
    void api<{ items: { id: string; name: string }[] }>('GET', `${SOURCE}?q=${encodeURIComponent(value)}`)
      .then((body) => {
        const unit = body.items.find((item) => item.id === value);
        if (unit) setNames((known) => ({ ...known, [unit.id]: unit.name }));
      })
      .catch(() => undefined);
  }, [value, names]);
  return (
    <UnitPicker
      source={SOURCE}
      aria-label={t('office')}
      placeholder={t('allOffices')}
      allowClear
      value={value ? { value, label: names[value] ?? value } : null}
      onChange={(unit) => {
        if (unit) setNames((known) => ({ ...known, [unit.value]: unit.label }));
        onChange(unit?.value ?? '');
      }}
    />
  );
}
