import type { SessionUser } from '../api.ts';

/** Placeholder until this screen is built. */
export default function StartCase(_props: { user?: SessionUser; caseId?: string; processId?: string }) {
  return <p>StartCase</p>;
}
