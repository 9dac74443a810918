import { z } from '@hono/zod-openapi';

/** The exchange service of an application made on the 全国人社政务服务平台, downloaded by its city (申请信息下载). */
export const NATIONAL_APPLICATIONS = 'national.applications';
/** The exchange service of the city's answer to one (审核结果上传): refused on arrival, or the office's decision. */
export const NATIONAL_DECISIONS = 'national.decisions';

/** The national platform's application number (申请编号): the business key of both services. */
const ApplicationNo = z.string().regex(/^[A-Za-z0-9-]{1,64}$/).openapi({ example: 'QG2026120500000123' });
const Text = z.object({ 'zh-CN': z.string(), en: z.string() });

/**
 * The payload of `national.applications`: which process of the ministry's catalogue (the process
 * id of its package), the applicant (personal data: only in the sealed payload, never logged), and
 * the form's data as the process's application form takes it.
 */
export const NationalApplication = z
  .object({
    applicationNo: ApplicationNo,
    processId: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/).openapi({ description: "The process's id in the ministry's catalogue (its package's flow), as in force in the city" }),
    submittedAt: z.iso.datetime({ offset: true }),
    applicant: z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/), name: z.string().trim().min(1).max(50), mobile: z.string().regex(/^1\d{10}$/) }).strict(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict()
  .openapi('NationalApplication');
export type NationalApplication = z.infer<typeof NationalApplication>;

/**
 * What the city answers: `refused` when the application was not taken (the form in force or a rule
 * of the process refused it, nothing opened); else the office's decision on the case it opened:
 * `approved`, `rejected`, `returned` (for correction), `cancelled`.
 */
export const DECISION_RESULTS = ['refused', 'approved', 'rejected', 'returned', 'cancelled'] as const;
export type DecisionResult = (typeof DECISION_RESULTS)[number];

/** The payload of `national.decisions`. */
export const NationalDecision = z
  .object({
    applicationNo: ApplicationNo,
    result: z.enum(DECISION_RESULTS),
    reason: z
      .object({ code: z.string().openapi({ description: "A refusal's error code, or the office's step (`reject`, `returnForCorrection`)" }), message: Text, details: z.unknown() })
      .nullable()
      .openapi({ description: 'Why: null for an approval' }),
    decidedAt: z.iso.datetime(),
    office: z.object({ id: z.string(), name: z.string() }).nullable().openapi({ description: 'The office that decided; null for a refusal on arrival' }),
    caseNo: z.string().nullable().openapi({ description: "The city's case number; null for a refusal on arrival" }),
  })
  .strict()
  .openapi('NationalDecision');
export type NationalDecision = z.infer<typeof NationalDecision>;
