/**
 * The README's API walk-through as code the typecheck covers: sign in, register a person,
 * open an unemployment registration and submit it, through the typed client (`client/`), whose
 * paths, bodies and answers come from the OpenAPI document. Run against a started server with
 * `npx tsx docs/snippets/register-and-step.ts`.
 */
import { createClient, unwrap } from '../../client/index.ts';

const origin = (process.env['API'] ?? 'http://localhost:3000/api').replace(/\/api\/?$/, '');

const { token } = await unwrap(createClient(origin).POST('/api/auth/login', { body: { username: 'caseworker', password: 'demo' } }));
const platform = createClient(origin, { token });
const person = await unwrap(platform.POST('/api/persons', { body: { idNumber: '350203199001010245', name: '张桂芳' } }));
const opened = await unwrap(platform.POST('/api/cases', { body: { processId: 'unemployment-registration', subjectId: person.id } }));
const submitted = await unwrap(
  platform.POST('/api/cases/{id}/events', {
    params: { path: { id: opened.id } },
    body: {
      type: 'submit',
      version: opened.version,
      data: { category: 'other', unemployedSince: '2026-10-01', phone: '13800138000', residenceArea: '350203', education: '60', retirementCategory: 'female-55' },
    },
  }),
);
console.log(person.gender, person.birthDate, submitted.state, submitted.version);
