import { PlatformError } from '../errors/index.ts';
import { definitionSchema, type Definition } from './definition-schema.ts';

/** Validates raw JSON as a definition; refuses it with every schema problem and its path. */
export function parseDefinition(raw: unknown): Definition {
  const result = definitionSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new PlatformError('DEFINITION_INVALID', {
    details: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}
