/** One difference between two versions of a definition, located by a dotted path. */
export interface DefinitionChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The differences between two definitions (or any JSON), object by object down to the values
 * that differ; lists are compared whole. Paths read like lock elements, e.g.
 * `forms.registration.schema.required`.
 */
export function diffDefinitions(before: unknown, after: unknown, path = ''): DefinitionChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      const child = path ? `${path}.${key}` : key;
      if (!(key in after)) return [{ path: child, change: 'removed' as const, before: before[key] }];
      if (!(key in before)) return [{ path: child, change: 'added' as const, after: after[key] }];
      return diffDefinitions(before[key], after[key], child);
    });
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, change: 'changed', before, after }];
}
