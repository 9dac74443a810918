/**
 * The README's API walk-through as code the typecheck covers: sign in, register a person,
 * open an unemployment registration and submit it. Run against a started server with
 * `npx tsx docs/snippets/register-and-step.ts`.
 */
export {};

const base = process.env['API'] ?? 'http://localhost:3000/api';

async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(payload)}`);
  return payload as T;
}

const { token } = await call<{ token: string }>('POST', '/auth/login', null, { username: 'caseworker', password: 'demo' });
const person = await call<{ id: string; gender: string; birthDate: string }>('POST', '/persons', token, {
  idNumber: '350203199001010245',
  name: '张桂芳',
});
const opened = await call<{ id: string; version: number }>('POST', '/cases', token, { processId: 'unemployment-registration', subjectId: person.id });
const submitted = await call<{ state: string; version: number }>('POST', `/cases/${opened.id}/events`, token, {
  type: 'submit',
  version: opened.version,
  data: { category: 'other', unemployedSince: '2026-10-01', phone: '13800138000', residenceArea: '350203', education: '60', retirementCategory: 'female-55' },
});
console.log(person.gender, person.birthDate, submitted.state, submitted.version);
