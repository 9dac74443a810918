import type { ValidateFunction } from 'ajv';
import { createAjv } from '../../forms/index.ts';

/** One Ajv for every definition this process loads: compiling a form's schema is most of loading a package. */
let ajv: ReturnType<typeof createAjv> | undefined;

/** Each schema's validator, compiled once however often it is verified and compiled (kept while the schema is). */
const validators = new WeakMap<object, ValidateFunction>();

/**
 * The validator of a form's JSON Schema, compiled on first request with the platform's Ajv
 * (strict: an unknown keyword or format throws here). `verify` and `compile` both ask for it, so a
 * definition's forms are compiled once, not once by each.
 */
export function formValidator(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.compile(schema);
    // Ajv would keep every schema it compiled for good; the validator is kept here, while its schema is.
    ajv.removeSchema(schema);
    validators.set(schema, validate);
  }
  return validate;
}
