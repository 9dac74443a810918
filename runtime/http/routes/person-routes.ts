import { z } from '@hono/zod-openapi';
import { isSocialSecurityCardNo } from '../../../forms/index.ts';
import { editPerson, findPersons, getPerson, mergePersons, personHistory, registerPerson, revealPerson } from '../../persons/index.ts';
import { vacancyMatches } from '../../matching/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { FitReasons, MatchedVacancy } from './matching-routes.ts';
import { ChangeReason, History, IdParam, Paging, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const PaymentAccountType = z.enum(['social-security-card', 'bank-account']).openapi({ description: '社会保障卡金融账户 / 银行账户' });
const PaymentAccount = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{8,30}$/))
  .openapi({ example: '6222 0212 3456 1234', description: 'The account number the person is paid to (spaces ignored); stored encrypted, shown masked' });
const PaymentBank = z.string().trim().min(1).max(100).openapi({ example: '中国工商银行厦门分行' });

const PersonInput = z
  .object({
    idNumber: z.string().trim().min(1).max(32).openapi({ example: '11010519491231002X', description: 'GB 11643 citizen ID number' }),
    name: z.string().trim().min(1).max(50),
    phone: z.string().regex(/^1[3-9]\d{9}$/).optional(),
    hukouArea: z.string().regex(/^\d{6}$/).optional(),
    residenceArea: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/).optional(),
    address: z.string().max(200).optional(),
    paymentAccountType: PaymentAccountType.optional(),
    paymentAccount: PaymentAccount.optional(),
    paymentBank: PaymentBank.optional(),
  })
  .strict()
  .refine((input) => (input.paymentAccount === undefined) === (input.paymentBank === undefined), { path: ['paymentBank'], message: 'An account needs its bank / 账户与开户银行须同时填写' })
  .openapi('PersonInput');

const Mobile = z.string().regex(/^1[3-9]\d{9}$/);

const Skill = z
  .object({
    kind: z.enum(['vocational-qualification', 'skill-level', 'special-operation', 'professional-title', 'other']).openapi({ description: '职业资格 / 职业技能等级 / 特种作业 / 职称 / 其他' }),
    name: z.string().trim().min(1).max(100),
    occupation: z.string().max(12).optional().openapi({ example: '4-03-02-01', description: 'An occupation of the 2022 大典 (`occupation-2022` code table)' }),
    level: z.number().int().min(1).max(5).optional().openapi({ description: '1 高级技师 … 5 初级工' }),
    number: z.string().trim().min(1).max(50).optional(),
    issuedOn: z.iso.date().optional(),
  })
  .strict()
  .openapi('PersonSkill');

const PersonChanges = z
  .object({
    name: z.string().trim().min(1).max(50).optional(),
    phone: Mobile.nullable().optional(),
    email: z.email().max(100).nullable().optional(),
    hukouType: z.string().max(4).nullable().optional().openapi({ description: '户口性质, a code of the `hukou-type` table' }),
    hukouArea: z.string().regex(/^\d{6}$/).nullable().optional(),
    residenceArea: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/).nullable().optional(),
    address: z.string().max(200).nullable().optional(),
    socialSecurityCardNo: z
      .string()
      .refine(isSocialSecurityCardNo, { message: '社会保障卡卡号为9位（首位可为大写字母，其余为数字）/ A social security card number has 9 characters' })
      .nullable()
      .optional()
      .openapi({ example: 'B00000019', description: '社会保障卡卡号: 9 characters (a capital letter or digit, then 8 digits); stored encrypted, shown masked' }),
    emergencyContactName: z.string().trim().max(50).nullable().optional(),
    emergencyContactPhone: Mobile.nullable().optional(),
    skills: z.array(Skill).max(30).optional().openapi({ description: 'The whole list of skills and certificates (replaces the one on record)' }),
    paymentAccountType: PaymentAccountType.optional(),
    paymentAccount: PaymentAccount.nullable().optional(),
    paymentBank: PaymentBank.optional(),
  })
  .strict()
  .refine((input) => typeof input.paymentAccount !== 'string' || input.paymentBank !== undefined, { path: ['paymentBank'], message: 'An account needs its bank / 账户与开户银行须同时填写' })
  .openapi({ description: 'The fields to change (never the ID number: a record under a mistyped one is merged); null clears a field' });

const PersonEdit = z.object({ changes: PersonChanges, reason: ChangeReason }).strict().openapi('PersonEdit');

const Person = z
  .object({
    id: z.string(),
    cityCode: z.string(),
    idNumber: z.string().openapi({ description: 'In full for who handles the person (or reveals it); masked otherwise and in every list' }),
    name: z.string(),
    gender: z.enum(['male', 'female']),
    birthDate: z.string(),
    phone: z.string().nullable(),
    masked: z.boolean().openapi({ description: 'Whether the ID number and phone are masked' }),
    hukouArea: z.string().nullable(),
    residenceArea: z.string().nullable(),
    address: z.string().nullable(),
    paymentAccountType: PaymentAccountType.nullable(),
    paymentAccount: z.string().nullable().openapi({ description: 'Masked (`6222 **** **** 1234`) but for who handles the person or reveals it; such a read is recorded in the access log' }),
    paymentBank: z.string().nullable(),
    hukouType: z.string().nullable(),
    email: z.string().nullable(),
    emergencyContactName: z.string().nullable(),
    emergencyContactPhone: z.string().nullable().openapi({ description: 'Masked as the phone is' }),
    socialSecurityCardNo: z.string().nullable().openapi({ description: '社会保障卡卡号, masked as the ID number is' }),
    skills: z.array(Skill),
    mergedInto: z.string().nullable().openapi({ description: 'Set on a duplicate merged into another record: the kept one' }),
    mergedAt: z.string().nullable(),
    statuses: z.record(z.string(), z.string()).openapi({
      description: 'Each status the process packages declare (plugin.json `statuses`), with its value; the declared default (`none`) where not set',
      example: { unemploymentStatus: 'registered', employmentStatus: 'none', difficultyStatus: 'none' },
    }),
    unjustifiedRefusals: z.number().int(),
    certificateNo: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Person');

const Warning = z.object({ code: z.string(), areaCode: z.string() });

const createPersonRoute = secureRoute('persons.register', {
  method: 'post',
  path: '/persons',
  operationId: 'createPerson',
  tags: ['persons'],
  summary: 'Register a person under real name (ID number checked, gender and birth date derived)',
  request: { body: jsonBody(PersonInput) },
  responses: { 201: jsonResponse(Person.extend({ warnings: z.array(Warning) }), 'Registered'), ...errorResponses(409, 422) },
});

const listPersonsRoute = secureRoute('persons.read', {
  method: 'get',
  path: '/persons',
  operationId: 'listPersons',
  tags: ['persons'],
  summary: 'Find persons by exact ID number, name prefix or pinyin initials such as `zs` for 张三 (ID numbers masked)',
  request: { query: Paging.extend({ q: z.string().max(50).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Person), total: z.number().int() }), 'Persons') },
});

const getPersonRoute = secureRoute('persons.read', {
  method: 'get',
  path: '/persons/{id}',
  operationId: 'getPerson',
  tags: ['persons'],
  summary: 'One person: in full for who handles them (a case of theirs in the caller\u2019s subtree, or registered there), masked for others; recorded in the access log',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Person, 'The person'), ...errorResponses(404) },
});

const updatePersonRoute = secureRoute('persons.register', {
  method: 'patch',
  path: '/persons/{id}',
  operationId: 'updatePerson',
  tags: ['persons'],
  summary: 'Correct a person of the caller\u2019s city for a stated reason: contact, 户口性质, social security card, skills, payment account; every changed field kept in the history',
  request: { params: IdParam, body: jsonBody(PersonEdit) },
  responses: { 200: jsonResponse(Person, 'The person, masked'), ...errorResponses(404, 422) },
});

const historyRoute = secureRoute('persons.read', {
  method: 'get',
  path: '/persons/{id}/history',
  operationId: 'getPersonHistory',
  tags: ['persons'],
  summary: 'Every change of the person\u2019s record: who, when, field, before, after, reason; personal values in the clear only for who handles the person (recorded)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(History, 'The history, newest first'), ...errorResponses(404) },
});

const mergeRoute = secureRoute('persons.merge', {
  method: 'post',
  path: '/persons/{id}/merge',
  operationId: 'mergePerson',
  tags: ['persons'],
  summary: 'Merge a duplicate record of the same person into this one: its cases and ledger items move here, it is marked merged (not deleted); refused where it would allow a double payment',
  request: { params: IdParam, body: jsonBody(z.object({ duplicateId: z.uuid(), reason: ChangeReason }).strict().openapi('PersonMerge')) },
  responses: {
    200: jsonResponse(
      z.object({ kept: Person, duplicate: Person, moved: z.object({ cases: z.array(z.string()), ledgerItems: z.array(z.string()), nationwideStatuses: z.array(z.string()) }) }).openapi('PersonMerged'),
      'Merged',
    ),
    ...errorResponses(404, 422),
  },
});

const revealRoute = secureRoute('persons.reveal', {
  method: 'post',
  path: '/persons/{id}/reveal',
  operationId: 'revealPerson',
  tags: ['persons'],
  summary: 'The full ID number and phone of a person one does not handle, for a stated purpose (recorded in the access log)',
  request: { params: IdParam, body: jsonBody(z.object({ purpose: z.string().trim().min(4).max(200).openapi({ example: '核对银行退票信息' }) }).strict()) },
  responses: { 200: jsonResponse(Person, 'The person, in full'), ...errorResponses(404) },
});

const VacancyMatch = z
  .object({
    vacancy: MatchedVacancy,
    ...FitReasons,
    title: z.string(),
    employerName: z.string(),
    employerCreditCode: z.string(),
  })
  .openapi('VacancyMatch');

const matchesRoute = secureRoute('persons.read', {
  method: 'get',
  path: '/persons/{id}/vacancy-matches',
  operationId: 'listPersonVacancyMatches',
  tags: ['persons'],
  summary: "Published vacancies ranked for the person's job-seeking profile (occupation and region, then pay, education and availability)",
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(VacancyMatch) }), 'Ranked matches'), ...errorResponses(404) },
});

/** Real-name person records. */
export function personRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(createPersonRoute, async (c) => c.json(await registerPerson(rt, c.get('user'), c.req.valid('json')), 201))
    .openapi(listPersonsRoute, async (c) => c.json(await findPersons(rt, c.get('user'), c.req.valid('query')), 200))
    .openapi(getPersonRoute, async (c) => c.json(await getPerson(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200))
    .openapi(updatePersonRoute, async (c) => c.json(await editPerson(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(historyRoute, async (c) => c.json(await personHistory(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200))
    .openapi(mergeRoute, async (c) => c.json(await mergePersons(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(revealRoute, async (c) => c.json(await revealPerson(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json').purpose, c.get('origin')), 200))
    .openapi(matchesRoute, async (c) => c.json(await vacancyMatches(rt, c.get('user'), c.req.valid('param').id), 200));
}
