import { namesPersonFields, personPrefill } from '../../forms/person-prefill.ts';
import { useApi } from '../../shell/useApi.ts';
import type { ActionForm, CaseDetail } from './types.ts';

/**
 * The starting values of an action's form: what the case holds, over what the case's person
 * record holds for the fields the form says come from it (phone, residence, address …), all
 * still editable. The record is read (a recorded read) only for a form that names such a field;
 * `ready` is false while it loads. A failed read leaves the form with the case's values alone.
 */
export function usePersonPrefill(detail: CaseDetail, form: ActionForm | null): { ready: boolean; initialData: Record<string, unknown> } {
  const ui = form?.ui ?? {};
  const personId = detail.subject?.type === 'person' && namesPersonFields(ui) ? detail.subject.id : null;
  const person = useApi(personId === null ? null : '/api/persons/{id}', { path: { id: personId ?? '' } });
  if (personId === null || person.error !== null) return { ready: true, initialData: detail.data };
  if (person.data === null) return { ready: false, initialData: detail.data };
  return { ready: true, initialData: { ...personPrefill(ui, person.data), ...detail.data } };
}
