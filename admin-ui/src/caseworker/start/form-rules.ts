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

/** The division codes a person's 户籍地 may be, as the server takes them: a province, city or county (6 digits). */
export const HUKOU_AREA = '^\\d{6}$';

/** The division codes a person's 常住地 may be, as the server takes them: a county's 6 digits, a street's 9 or a community's 12. */
export const RESIDENCE_AREA = '^\\d{6}(\\d{3}(\\d{3})?)?$';
