import type { Definition, LocalizedText } from '../../engine/index.ts';

/** What an employer may do to a posting from the public site. */
export type ApplicantAction = 'edit' | 'withdraw';

/** An event of the flow open to the applicant: its name, title and form. */
export interface OfferedEvent {
  event: string;
  title: LocalizedText;
  form: string | undefined;
}

/**
 * The events a state offers the applicant (those naming `applicant` in their roles), read from the
 * definition rather than named: `edit`, the one that takes the posting form (submit, resubmit,
 * revise); `withdraw`, one leading to a final state that cancels the case.
 */
export function applicantEvents(definition: Definition, state: string, postingForm: string): Partial<Record<ApplicantAction, OfferedEvent>> {
  const offered: Partial<Record<ApplicantAction, OfferedEvent>> = {};
  for (const [event, transition] of Object.entries(definition.states[state]?.on ?? {})) {
    if (!transition.roles.includes('applicant')) continue;
    const entry = { event, title: transition.title, form: transition.form };
    const target = definition.states[transition.target];
    if (transition.form === postingForm) offered.edit ??= entry;
    else if (target?.type === 'final' && target.outcome === 'cancelled') offered.withdraw ??= entry;
  }
  return offered;
}
