import type { Rule } from 'antd/es/form';

/** A rule from a check that names the problem of a typed value (null when it passes); empty values are left to `required`. */
export function checkedBy(check: (value: string) => string | null): Rule {
  return {
    validator: (_, value: string | undefined) => {
      const problem = value ? check(value) : null;
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

/** A field that must hold more than blanks. */
export function requiredRule(message: string): Rule {
  return { required: true, whitespace: true, message };
}

/** A payment account as the server takes it: 8 to 30 digits once the spaces people type between groups are dropped. */
export const PAYMENT_ACCOUNT = /^\s*(?:\d\s*){8,30}$/;
