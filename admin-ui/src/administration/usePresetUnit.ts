import { useEffect, useState } from 'react';
import { call, client } from '../api.ts';
import type { PickedUnit } from './UnitPicker.tsx';
import type { OrgNode } from './types.ts';

/** Where the check of a unit handed over in the address stands. */
export interface PresetUnit {
  /** The answer has not come back yet: the form waits, so it never shows a unit it then takes back. */
  checking: boolean;
  /** The unit to pre-fill, named as the server names it. */
  unit: PickedUnit | null;
  /** The code asked for when it lies outside the administrator's reach (or does not exist): not pre-filled. */
  refused: string | null;
}

/**
 * The unit a link hands to the new-user form (`#/admin/users?new=UNIT`), pre-filled only when the
 * administrator's subtree holds it: the server would refuse a user placed anywhere else.
 */
export function usePresetUnit(unitId: string | null): PresetUnit {
  const [state, setState] = useState<PresetUnit>({ checking: Boolean(unitId), unit: null, refused: null });
  useEffect(() => {
    if (!unitId) return setState({ checking: false, unit: null, refused: null });
    let current = true;
    setState({ checking: true, unit: null, refused: null });
    const settle = (unit: OrgNode | undefined) => current && setState({ checking: false, unit: unit ? { value: unit.id, label: unit.name } : null, refused: unit ? null : unitId });
    void call(client.GET('/api/admin/org/units', { params: { query: { q: unitId } } })).then(
      (body) => settle(body.items.find((unit) => unit.id === unitId)),
      () => settle(undefined),
    );
    return () => {
      current = false;
    };
  }, [unitId]);
  return state;
}
