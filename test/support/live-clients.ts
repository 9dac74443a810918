import { request as httpRequest } from 'node:http';
import { chinaDate } from '../../engine/index.ts';
import { citizenId, registrationForm } from './fixtures.ts';

/** An answer of the real server: status and parsed JSON body. */
export interface Reply {
  status: number;
  /** Read field by field, as test/support/steps.ts reads `t.request` bodies. */
  body: any;
}

/**
 * One call over HTTP, on a connection of its own (closed after the answer); a request the server never
 * answered (it was killed) rejects. A kept-alive connection could be closed by the server, idle, at
 * the moment a client sent on it, a request unanswered for a reason that is not the kill (seen once
 * with two busy cores); a connection a request leaves no such moment.
 */
export function call(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseUrl}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON (a proxy's or a crashed handler's page): kept as text, to be shown.
        }
        resolve({ status: response.statusCode ?? 0, body: parsed });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/** Signs a demo account in (password `demo`) and returns its token. */
export async function signIn(baseUrl: string, username: string): Promise<string> {
  const reply = await call(baseUrl, 'POST', '/api/auth/login', undefined, { username, password: 'demo' });
  if (reply.status !== 200) throw new Error(`sign-in of ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.token;
}

/**
 * Fresh valid citizen ID numbers of working-age men in 思明 (350203): sequences 301-499, so
 * never one of the demo people (001-099), 100 a day from 1 January 1981, starting at `from`.
 */
export function citizenIds(from = 0): () => string {
  let next = from;
  return () => {
    const n = next++;
    const birth = new Date(Date.UTC(1981, 0, 1) + Math.floor(n / 100) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    return citizenId('350203', birth, String(301 + (n % 100) * 2));
  };
}

/** A case step the server acknowledged (answered 2xx): the version it produced and the event recorded at it. */
export interface Ack {
  caseId: string;
  version: number;
  event: string;
}

/** What the clients were told while the server ran, and what went unanswered. */
export interface LoadRecord {
  persons: string[];
  steps: Ack[];
  /** Persons whose unemployment registration was approved and not yet taken by the employment clients. */
  registered: { personId: string; registrationId: string }[];
  /** Employment registrations acknowledged, with the unemployment registration they must have cancelled. */
  employed: { personId: string; registrationId: string; employmentId: string }[];
  /** Requests that got no answer because the server was killed. */
  interrupted: number;
  /** Answers no client should have had (a 5xx, a refusal of a valid step, a lost connection before the kill). */
  unexpected: string[];
}

/** The shared state of the clients of one run. */
export interface Load {
  baseUrl: string;
  tokens: { caseworker: string; caseworker2: string; reviewer: string };
  nextIdNumber: () => string;
  record: LoadRecord;
  /** Set just before the server is killed: from then on an unanswered request is expected. */
  killing: boolean;
}

export function newRecord(): LoadRecord {
  return { persons: [], steps: [], registered: [], employed: [], interrupted: 0, unexpected: [] };
}

/** Runs `work` until it ends or a request goes unanswered: after the kill that is expected, before it is not. */
async function untilInterrupted(load: Load, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (load.killing) load.record.interrupted++;
    else load.record.unexpected.push(`no answer before the kill: ${String(error)}`);
  }
}

function expectStatus(load: Load, what: string, reply: Reply, status: number): boolean {
  if (reply.status === status) return true;
  if (!load.killing) load.record.unexpected.push(`${what}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  return false;
}

/**
 * One caseworker's window, over and over: registers a new person, opens an unemployment
 * registration, submits it (caseworker) and approves it (reviewer), recording every acknowledged step.
 */
export function unemploymentClient(load: Load, n: number): Promise<void> {
  const { record, tokens } = load;
  return untilInterrupted(load, async () => {
    for (let round = 0; !load.killing; round++) {
      const person = await call(load.baseUrl, 'POST', '/api/persons', tokens.caseworker, { idNumber: load.nextIdNumber(), name: `可靠${n}号${round}`, phone: '13912345678', residenceArea: '350203' });
      if (!expectStatus(load, 'register person', person, 201)) return;
      record.persons.push(person.body.id);
      const opened = await call(load.baseUrl, 'POST', '/api/cases', tokens.caseworker, { processId: 'unemployment-registration', subjectId: person.body.id });
      if (!expectStatus(load, 'open', opened, 201)) return;
      const caseId: string = opened.body.id;
      record.steps.push({ caseId, version: opened.body.version, event: 'create' });
      const submitted = await call(load.baseUrl, 'POST', `/api/cases/${caseId}/events`, tokens.caseworker, { type: 'submit', version: opened.body.version, data: registrationForm() });
      if (!expectStatus(load, 'submit', submitted, 200)) return;
      record.steps.push({ caseId, version: submitted.body.version, event: 'submit' });
      const approved = await call(load.baseUrl, 'POST', `/api/cases/${caseId}/events`, tokens.reviewer, { type: 'approve', version: submitted.body.version, data: { opinion: '材料齐全，予以登记' } });
      if (!expectStatus(load, 'approve', approved, 200)) return;
      record.steps.push({ caseId, version: approved.body.version, event: 'approve' });
      record.registered.push({ personId: person.body.id, registrationId: caseId });
    }
  });
}

/**
 * Two caseworkers at two windows registering the same person's employment at the same moment,
 * person after person (those the unemployment clients registered): both open the employment
 * registration (one wins, the other is told there is one), then both send `register` on it at
 * version 1 (one wins). The winning step cancels the unemployment registration through the outbox.
 */
export function employmentPair(load: Load): Promise<void> {
  const { record, tokens } = load;
  const windows = [tokens.caseworker, tokens.caseworker2];
  const hire = { employmentForm: 'flexible', hireDate: chinaDate(new Date()) };
  return untilInterrupted(load, async () => {
    while (!load.killing) {
      const next = record.registered.shift();
      if (!next) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      const opens = await Promise.allSettled(windows.map((token) => call(load.baseUrl, 'POST', '/api/cases', token, { processId: 'employment-registration', subjectId: next.personId })));
      const opened = opens.find((o): o is PromiseFulfilledResult<Reply> => o.status === 'fulfilled' && o.value.status === 201)?.value;
      if (opened) record.steps.push({ caseId: opened.body.id, version: opened.body.version, event: 'create' });
      const unansweredOpen = opens.find((o) => o.status === 'rejected');
      if (unansweredOpen) throw new Error(`an open went unanswered: ${String(unansweredOpen.reason)}`);
      const statuses = opens.map((o) => (o.status === 'fulfilled' ? o.value.status : 0)).sort();
      if (!opened || statuses.join() !== '201,409') {
        if (!load.killing) record.unexpected.push(`two simultaneous opens answered ${statuses.join()}`);
        return;
      }
      const employmentId: string = opened.body.id;
      const registers = await Promise.allSettled(
        windows.map((token) => call(load.baseUrl, 'POST', `/api/cases/${employmentId}/events`, token, { type: 'register', version: opened.body.version, data: hire })),
      );
      const accepted = registers.filter((r): r is PromiseFulfilledResult<Reply> => r.status === 'fulfilled' && r.value.status === 200).map((r) => r.value);
      for (const reply of accepted) record.steps.push({ caseId: employmentId, version: reply.body.version, event: 'register' });
      if (accepted.length > 0) record.employed.push({ ...next, employmentId });
      const unansweredRegister = registers.find((r) => r.status === 'rejected');
      if (unansweredRegister) throw new Error(`a register went unanswered: ${String(unansweredRegister.reason)}`);
      const refused = registers.map((r) => (r.status === 'fulfilled' ? r.value : null)).filter((r) => r !== null && r.status !== 200);
      if (accepted.length !== 1 || refused.some((r) => r!.status !== 409)) {
        if (!load.killing) record.unexpected.push(`two simultaneous registers answered ${registers.map((r) => (r.status === 'fulfilled' ? r.value.status : 0)).join()}`);
        return;
      }
    }
  });
}
