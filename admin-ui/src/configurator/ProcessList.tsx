import type { SessionUser } from '../api.ts';

/** Placeholder until this screen is built. */
export default function ProcessList(_props: { user?: SessionUser; caseId?: string; processId?: string }) {
  return <p>ProcessList</p>;
}
