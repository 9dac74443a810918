import type { SessionUser } from '../api.ts';

/** Placeholder until this screen is built. */
export default function CasePage(_props: { user?: SessionUser; caseId?: string; processId?: string }) {
  return <p>CasePage</p>;
}
