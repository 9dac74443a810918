/** The case subject as rules need it: a person's birth date and gender from `facts.subject`. */
export interface PersonSubject {
  birthDate: string;
  gender: 'male' | 'female';
}

/** The person in the facts the runtime looked up, or undefined when there is none. */
export function personSubjectOf(facts: Readonly<Record<string, unknown>>): PersonSubject | undefined {
  const subject = facts['subject'];
  if (typeof subject !== 'object' || subject === null) return undefined;
  const { birthDate, gender } = subject as Record<string, unknown>;
  if (typeof birthDate !== 'string' || (gender !== 'male' && gender !== 'female')) return undefined;
  return { birthDate, gender };
}
