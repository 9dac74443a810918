import { createAjv, toFieldErrors, type FieldError } from '../../forms/index.ts';

/** What a member of the public sends against a notice: who they are, how to reach them, and why. */
export interface ObjectionInput {
  name: string;
  phone: string;
  reason: string;
}

/** The objection form as JSON Schema: the same checks the public page's fields carry (`required`, `maxlength`, a mobile number). */
export const objectionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'phone', 'reason'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 50 },
    phone: { type: 'string', format: 'cn-mobile' },
    reason: { type: 'string', minLength: 5, maxLength: 500 },
  },
} as const;

const validate = createAjv().compile<ObjectionInput>(objectionSchema);

/**
 * The objection a form sent, trimmed, or the failing fields with what is wrong in both languages
 * (the `FORM_INVALID` details the page shows beside each field).
 */
export function readObjection(body: Record<string, unknown>): { input: ObjectionInput } | { fields: FieldError[] } {
  const trimmed = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
  const input: ObjectionInput = { name: trimmed('name'), phone: trimmed('phone').replace(/[\s-]/g, ''), reason: trimmed('reason') };
  return validate(input) ? { input } : { fields: toFieldErrors(validate.errors) };
}
