import { z } from 'zod';
import { formSchema, localizedTextSchema, name, taskSchema } from '../definition/definition-schema.ts';
import { personRoles } from '../plugin/roles.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/**
 * One change an overlay makes to the definition below it. Changes are typed rather than free
 * JSON patches, so each can be checked for what it may touch and explained in a diff.
 */
export const overlayOperationSchema = z.discriminatedUnion('op', [
  /** A new form field with its JSON Schema, optionally required. */
  z.object({ op: z.literal('addField'), form: name, field: name, schema: z.record(z.string(), z.unknown()), required: z.boolean().default(false) }).strict(),
  /** Drops a field this layer or nobody requires; a field required below is refused (loosening). */
  z.object({ op: z.literal('removeField'), form: name, field: name }).strict(),
  /** Makes an optional field required. */
  z.object({ op: z.literal('requireField'), form: name, field: name }).strict(),
  z.object({ op: z.literal('relabelField'), form: name, field: name, title: localizedTextSchema }).strict(),
  z.object({ op: z.literal('relabelState'), state: name, title: localizedTextSchema }).strict(),
  /** Keeps only these options of an enumerated field; an option not offered below is refused. */
  z.object({ op: z.literal('narrowEnum'), form: name, field: name, values: z.array(z.string()).min(1) }).strict(),
  /**
   * Puts a review state between a state and where one of its events led: the event now leads
   * to the review, whose `approve` event leads on, carrying the original event's actions, so
   * what approval did still happens when the case gets there. Optionally `reject` leads elsewhere.
   */
  z
    .object({
      op: z.literal('insertReview'),
      after: name,
      event: name,
      state: name,
      title: localizedTextSchema,
      task: taskSchema.required({ role: true, post: true, slaWorkingDays: true }),
      form: formSchema.extend({ id: name }),
      approve: z.object({ event: name, title: localizedTextSchema, roles: z.array(name).min(1) }).strict(),
      reject: z.object({ event: name, title: localizedTextSchema, roles: z.array(name).min(1), target: name }).strict().optional(),
    })
    .strict(),
  z.object({ op: z.literal('setSla'), state: name, workingDays: z.number().int().min(1).max(250) }).strict(),
  z.object({ op: z.literal('setPost'), state: name, post: z.string().regex(/^[a-z][a-z0-9-]*$/) }).strict(),
  /** Gives a state's task to another role of people; its events that the old role could send pass to the new one. */
  z.object({ op: z.literal('setRole'), state: name, role: z.enum(personRoles) }).strict(),
  /** Removes a state no transition leads to any more; a final state of the standard is refused. */
  z.object({ op: z.literal('removeState'), state: name }).strict(),
]);

/** A local value of a plugin parameter from a date on. */
export const parameterValueSchema = z
  .object({ id: name, from: date, value: z.union([z.number(), z.array(z.string())]) })
  .strict();

/**
 * A province's or city's changes to a process: operations on the definition, parameter values
 * with effective dates, locks it adds for the levels below (a province binding its cities), and
 * the integrations it binds (name -> endpoint), kept for the runtime.
 */
export const overlaySchema = z
  .object({
    operations: z.array(overlayOperationSchema).default([]),
    parameters: z.array(parameterValueSchema).default([]),
    locks: z.array(z.object({ element: z.string().min(1), reason: localizedTextSchema }).strict()).default([]),
    integrations: z.record(name, z.object({ url: z.url() }).strict()).default({}),
  })
  .strict();

export type Overlay = z.output<typeof overlaySchema>;
export type OverlayInput = z.input<typeof overlaySchema>;
export type OverlayOperation = z.output<typeof overlayOperationSchema>;
export type ParameterValue = z.output<typeof parameterValueSchema>;
