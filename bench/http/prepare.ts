import { registrationForm } from '../../test/support/fixtures.ts';
import { personInput } from './scenarios.ts';

/** One API call; anything but the `expected` status fails with the response. */
async function call<T>(baseUrl: string, method: string, path: string, expected: number, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Signs each demo account in once (password `demo`); the tokens are reused, so no wrong sign-in ever counts against them. */
export async function signIn<Name extends string>(baseUrl: string, usernames: readonly Name[]): Promise<Record<Name, string>> {
  const tokens = {} as Record<Name, string>;
  for (const username of usernames) tokens[username] = (await call<{ token: string }>(baseUrl, 'POST', '/api/auth/login', 200, { body: { username, password: 'demo' } })).token;
  return tokens;
}

/**
 * The data the reads walk, made through the API as a caseworker would: `count` persons, an
 * unemployment registration opened for each, every second one submitted (so the reviewers'
 * inboxes hold work too). Returns the cases' ids.
 */
export async function prepareCases(baseUrl: string, caseworker: string, count: number, nextIdNumber: () => string): Promise<string[]> {
  const caseIds: string[] = [];
  for (let n = 0; n < count; n++) {
    const person = await call<{ id: string }>(baseUrl, 'POST', '/api/persons', 201, { token: caseworker, body: personInput(nextIdNumber(), n) });
    const opened = await call<{ id: string; version: number }>(baseUrl, 'POST', '/api/cases', 201, { token: caseworker, body: { processId: 'unemployment-registration', subjectId: person.id } });
    if (n % 2 === 1) await call(baseUrl, 'POST', `/api/cases/${opened.id}/events`, 200, { token: caseworker, body: { type: 'submit', version: opened.version, data: registrationForm() } });
    caseIds.push(opened.id);
  }
  return caseIds;
}
