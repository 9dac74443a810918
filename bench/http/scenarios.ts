import type { Request } from 'autocannon';
import { registrationForm } from '../../test/support/fixtures.ts';
import { citizenIdCheckCharacter } from '../../forms/index.ts';

/** A district of the demo city (思明), where the demo caseworker works. */
const AREA = '350203';

/**
 * Fresh, valid citizen ID numbers (GB 11643 check character), all male and of working age:
 * sequences 501-999 (the demo people use 001-099), 250 a day from 1 January 1980.
 */
export function citizenIds(): () => string {
  let next = 0;
  return () => {
    const n = next++;
    const birth = new Date(Date.UTC(1980, 0, 1) + Math.floor(n / 250) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${AREA}${birth}${String(501 + (n % 250) * 2)}`;
    return first17 + citizenIdCheckCharacter(first17);
  };
}

/** A person to register, the way a caseworker's window would. */
export function personInput(idNumber: string, n: number) {
  return { idNumber, name: `基准人员${n}`, phone: '13912345678', residenceArea: AREA };
}

const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** For each account in turn: its inbox, its case list, and one case's detail (rotating through `caseIds`). */
export function readRequests(tokens: readonly string[], caseIds: readonly string[]): Request[] {
  let turn = 0;
  return tokens.flatMap((token): Request[] => [
    { method: 'GET', path: '/api/tasks', headers: bearer(token) },
    { method: 'GET', path: '/api/cases', headers: bearer(token) },
    { method: 'GET', headers: bearer(token), setupRequest: (request) => ({ ...request, path: `/api/cases/${caseIds[turn++ % caseIds.length]}` }) },
  ]);
}

/** What one connection carries from a response to the next request of its chain. */
interface Chain {
  personId?: string;
  caseId?: string;
  version?: number;
  submitted?: boolean;
}

/** Counts of the chain's steps that succeeded, and the first refusal of each kind, to say why. */
export interface StepTally {
  completed: Record<'register' | 'open' | 'submit' | 'approve', number>;
  firstRefusal: Record<string, string>;
}

/**
 * The write mix, always valid because each connection works its own chain: register a new person,
 * open an unemployment registration for them, submit it (caseworker, the version just returned),
 * approve it (reviewer, the next version). A refused link sends the connection back to a new
 * person: autocannon starts the list again when a request's setup returns nothing.
 */
export function stepRequests(caseworker: string, reviewer: string, nextIdNumber: () => string): { requests: Request[]; tally: StepTally } {
  const tally: StepTally = { completed: { register: 0, open: 0, submit: 0, approve: 0 }, firstRefusal: {} };
  let people = 0;
  // autocannon documents a falsy setup result as "start the list again"; its types admit only a request.
  const restart = undefined as unknown as Request;
  const read = (kind: keyof StepTally['completed'], ok: number, take: (chain: Chain, body: { id: string; version?: number }) => void) =>
    (status: number, body: string, context: object) => {
      if (status !== ok) {
        tally.firstRefusal[kind] ??= `${status} ${body.slice(0, 300)}`;
        return;
      }
      tally.completed[kind]++;
      take(context as Chain, JSON.parse(body) as { id: string; version?: number });
    };
  const requests: Request[] = [
    {
      method: 'POST',
      path: '/api/persons',
      headers: json(caseworker),
      setupRequest: (request) => ({ ...request, body: JSON.stringify(personInput(nextIdNumber(), ++people)) }),
      onResponse: read('register', 201, (chain, person) => (chain.personId = person.id)),
    },
    {
      method: 'POST',
      path: '/api/cases',
      headers: json(caseworker),
      setupRequest: (request, context) => {
        const { personId } = context as Chain;
        return personId ? { ...request, body: JSON.stringify({ processId: 'unemployment-registration', subjectId: personId }) } : restart;
      },
      onResponse: read('open', 201, (chain, opened) => Object.assign(chain, { caseId: opened.id, version: opened.version })),
    },
    {
      method: 'POST',
      headers: json(caseworker),
      setupRequest: (request, context) => {
        const { caseId, version } = context as Chain;
        return caseId ? { ...request, path: `/api/cases/${caseId}/events`, body: JSON.stringify({ type: 'submit', version, data: registrationForm() }) } : restart;
      },
      onResponse: read('submit', 200, (chain, submitted) => Object.assign(chain, { version: submitted.version, submitted: true })),
    },
    {
      method: 'POST',
      headers: json(reviewer),
      setupRequest: (request, context) => {
        const { caseId, version, submitted } = context as Chain;
        return caseId && submitted ? { ...request, path: `/api/cases/${caseId}/events`, body: JSON.stringify({ type: 'approve', version, data: { opinion: '材料齐全，予以登记' } }) } : restart;
      },
      onResponse: read('approve', 200, () => undefined),
    },
  ];
  return { requests, tally };
}

/** Wrong passwords for one account, over and over: the account locks after a few, the address soon after. */
export function floodRequests(username: string): Request[] {
  return [{ method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'not-the-password' }) }];
}
