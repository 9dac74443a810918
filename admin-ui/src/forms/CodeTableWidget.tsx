import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { CodePicker } from './CodePicker.tsx';
import { codeTableOf } from './code-tables.ts';

/**
 * The picker of a field with `x-code-table` in a schema form (chosen by {@link SchemaForm} for such
 * fields, and for lists of such codes): {@link CodePicker} over the field's table, taking only the
 * codes the field's `pattern` (or its items') accepts; its errors are read out with it, as rjsf's own widgets' are.
 */
export function CodeTableWidget({ id, schema, value, disabled, readonly, onChange, onBlur }: WidgetProps) {
  const multiple = schema.type === 'array';
  const pattern = multiple && typeof schema.items === 'object' && !Array.isArray(schema.items) ? schema.items.pattern : schema.pattern;
  return (
    <CodePicker
      id={id}
      aria-describedby={ariaDescribedByIds(id)}
      table={codeTableOf(schema) ?? ''}
      pattern={pattern}
      multiple={multiple}
      value={value as string | string[] | undefined}
      disabled={disabled || readonly}
      onChange={onChange}
      onBlur={() => onBlur(id, value)}
    />
  );
}
