import type { OverlayOperation, OverlayProblem } from '../types.ts';

/** The names the overlay schema accepts for states, events, forms and fields. */
export const CAMEL_NAME = /^[a-z][a-zA-Z0-9]*$/;
/** The codes it accepts for posts. */
export const POST_CODE = /^[a-z][a-z0-9-]*$/;

const field = (form: string, name: string) => `forms.${form}.schema.properties.${name}`;

/**
 * Which element an operation changes, for replacing it: a second SLA for the same state replaces
 * the first rather than stacking up. Operations with different keys stay side by side.
 */
function operationKey(op: OverlayOperation): string {
  switch (op.op) {
    case 'setSla':
    case 'setPost':
    case 'setRole':
    case 'relabelState':
    case 'removeState':
      return `${op.op}:${op.state}`;
    case 'insertReview':
      return `${op.op}:${op.after}.${op.event}`;
    default:
      return `${op.op}:${op.form}.${op.field}`;
  }
}

/** The operations with `op` added, replacing one that changes the same element the same way. */
export function withOperation(ops: readonly OverlayOperation[], op: OverlayOperation): OverlayOperation[] {
  const key = operationKey(op);
  const at = ops.findIndex((existing) => operationKey(existing) === key);
  return at < 0 ? [...ops, op] : ops.map((existing, i) => (i === at ? op : existing));
}

/** The element paths an operation touches, as locks and problems name them. */
function operationElements(op: OverlayOperation): string[] {
  switch (op.op) {
    case 'setSla':
      return [`states.${op.state}.task.slaWorkingDays`];
    case 'setPost':
      return [`states.${op.state}.task.post`];
    case 'setRole':
      // The task's role, and the roles of the state's events it passes on.
      return [`states.${op.state}.task.role`, `states.${op.state}.on`];
    case 'relabelState':
      return [`states.${op.state}.title`];
    case 'removeState':
      return [`states.${op.state}`];
    case 'insertReview':
      return [`states.${op.after}.on.${op.event}`, `states.${op.state}`, `forms.${op.form.id}`];
    case 'addField':
      return op.required ? [field(op.form, op.field), `forms.${op.form}.schema.required`] : [field(op.form, op.field)];
    case 'removeField':
    case 'requireField':
      return [field(op.form, op.field), `forms.${op.form}.schema.required`];
    case 'relabelField':
      return [`${field(op.form, op.field)}.title`];
    case 'narrowEnum':
      return [field(op.form, op.field)];
  }
}

/** Whether two element paths overlap: the same element, or one inside the other. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** The problems that concern an operation: those whose element overlaps one it touches. */
export function problemsOf(op: OverlayOperation, problems: readonly OverlayProblem[]): OverlayProblem[] {
  const elements = operationElements(op);
  return problems.filter((problem) => elements.some((element) => overlaps(element, problem.element)));
}

/** What the review dialog asks for. */
export interface ReviewValues {
  event: string;
  state: string;
  titleZh: string;
  titleEn: string;
  role: string;
  post: string;
  sla: number;
  form: string;
  formZh: string;
  formEn: string;
  approve: string;
  approveZh: string;
  approveEn: string;
  withReject: boolean;
  reject: string;
  rejectZh: string;
  rejectEn: string;
  target: string;
}

/** The `insertReview` operation the values describe: a review state with a one-field opinion form, an approve event and optionally a reject one. */
export function reviewOperation(after: string, v: ReviewValues): OverlayOperation {
  return {
    op: 'insertReview',
    after,
    event: v.event,
    state: v.state,
    title: { 'zh-CN': v.titleZh, en: v.titleEn },
    task: { role: v.role, post: v.post, slaWorkingDays: v.sla },
    form: {
      id: v.form,
      title: { 'zh-CN': v.formZh, en: v.formEn },
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['opinion'],
        properties: { opinion: { type: 'string', minLength: 1, maxLength: 500, title: '复核意见', 'x-i18n': { en: 'Opinion' } } },
      },
      ui: { opinion: { 'ui:widget': 'textarea' } },
    },
    approve: { event: v.approve, title: { 'zh-CN': v.approveZh, en: v.approveEn }, roles: [v.role] },
    ...(v.withReject ? { reject: { event: v.reject, title: { 'zh-CN': v.rejectZh, en: v.rejectEn }, roles: [v.role], target: v.target } } : {}),
  };
}
