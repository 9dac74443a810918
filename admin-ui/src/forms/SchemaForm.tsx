import Form, { Templates } from '@rjsf/antd';
import type { ErrorSchema, FieldTemplateProps, UiSchema } from '@rjsf/utils';
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLocale } from '../i18n.ts';
import { useNarrowScreen } from '../shell/useNarrowScreen.ts';
import { localiseErrors } from './field-errors.ts';
import { CodeTableWidget } from './CodeTableWidget.tsx';
import { CODE_TABLE_WIDGET, withCodeWidgets } from './code-widgets.ts';
import { InstitutionWidget } from './InstitutionWidget.tsx';
import { localiseSchema, type JsonSchema } from './localise-schema.ts';
import { rjsfStrings } from './rjsf-strings.ts';
import { formValidator } from './validator.ts';
import './schema-form.css';

/** Labels beside the fields, a fixed width for the long Chinese ones. */
const LAYOUT = { labelCol: { flex: '0 0 208px' }, wrapperCol: { flex: '1 1 0' }, colon: false };
/** On a phone each label above its field (rjsf's antd default): beside a 208 px label a field kept a quarter of the width, a chosen code cut short. */
const STACKED = { colon: false };
/** A list of choices (`oneOf` of `const`) starts empty: rjsf would otherwise preselect the first choice. */
const DEFAULTS = { constAsDefaults: 'skipOneOf' } as const;

/** Which fields' errors to show: those the person has left, or all once they tried to submit. */
interface ErrorVisibility {
  touched: string[];
  tried: boolean;
}

const AntdFieldTemplate = Templates.FieldTemplate!;

/** The antd field, with its errors held back until the person has left the field or tried to submit. */
function FieldTemplate(props: FieldTemplateProps) {
  const { touched, tried } = props.registry.formContext as ErrorVisibility;
  const shown = tried || touched.includes(props.id);
  return shown ? <AntdFieldTemplate {...props} /> : <AntdFieldTemplate {...props} rawErrors={[]} errors={undefined} />;
}

const TEMPLATES = { FieldTemplate };
/** Widgets a form's UI schema may name beyond rjsf's own: a look-up in a register, and the code table picker (named for `x-code-table` fields by itself). */
const WIDGETS = { institution: InstitutionWidget, [CODE_TABLE_WIDGET]: CodeTableWidget };

/**
 * Enter in a one-line field would submit the form at once (the browser's implicit submission): a
 * step half filled in would be sent. Enter keeps its meaning in a text area, on a button and in a
 * widget that handles it itself (a list of choices, a date picker); only the submission is stopped.
 */
function holdImplicitSubmit(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
}

/** The values of `data` the schema has fields for: a form refuses any other property. */
function fieldsOf(schema: JsonSchema, data: Record<string, unknown>): Record<string, unknown> {
  const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data).filter(([field]) => field in properties));
}

/**
 * A JSON-Schema form on rjsf's antd theme, in the reader's language and judged in the browser
 * by the platform's own Ajv configuration. It validates as the person types; a field's errors
 * show once they leave it, and every field's after the first submit. `serverErrors` (the
 * server's `FORM_INVALID` fields) show beside their fields until the person edits the form.
 * `onSubmit` runs only with valid data, and only from the submit button: Enter in a field does not
 * send the form. `children` are the buttons (one `htmlType="submit"`).
 */
export function SchemaForm({
  schema,
  ui,
  initialData,
  serverErrors,
  disabled,
  onSubmit,
  children,
}: {
  schema: JsonSchema;
  ui: Record<string, unknown>;
  initialData: Record<string, unknown>;
  serverErrors: ErrorSchema | undefined;
  disabled: boolean;
  onSubmit: (data: Record<string, unknown>) => void;
  children: ReactNode;
}) {
  const locale = useLocale();
  const localised = useMemo(() => localiseSchema(schema, locale), [schema, locale]);
  const uiSchema = useMemo(() => withCodeWidgets(schema, ui) as UiSchema, [schema, ui]);
  const transformErrors = useMemo(() => localiseErrors(locale), [locale]);
  const translateString = useMemo(() => rjsfStrings(locale), [locale]);
  const [data, setData] = useState(() => fieldsOf(schema, initialData));
  const [visibility, setVisibility] = useState<ErrorVisibility>({ touched: [], tried: false });
  const narrow = useNarrowScreen('md');
  const formContext = useMemo(() => ({ ...(narrow ? STACKED : LAYOUT), ...visibility }), [narrow, visibility]);
  const [shownServerErrors, setShownServerErrors] = useState(serverErrors);
  const [errorsFrom, setErrorsFrom] = useState(serverErrors);
  // New server errors replace the shown ones; editing the form clears them.
  if (errorsFrom !== serverErrors) {
    setErrorsFrom(serverErrors);
    setShownServerErrors(serverErrors);
  }
  const tried = () => setVisibility((now) => (now.tried ? now : { ...now, tried: true }));

  return (
    <div onKeyDown={holdImplicitSubmit}>
      <Form
        className="schema-form"
        schema={localised}
        uiSchema={uiSchema}
        validator={formValidator}
        formData={data}
        formContext={formContext}
        templates={TEMPLATES}
        widgets={WIDGETS}
        experimental_defaultFormStateBehavior={DEFAULTS}
        disabled={disabled}
        noHtml5Validate
        liveValidate="onChange"
        showErrorList={false}
        focusOnFirstError
        transformErrors={transformErrors}
        translateString={translateString}
        extraErrors={shownServerErrors}
        onChange={(event) => {
          setData(event.formData as Record<string, unknown>);
          setShownServerErrors(undefined);
        }}
        onBlur={(id) => setVisibility((now) => (now.touched.includes(id) ? now : { ...now, touched: [...now.touched, id] }))}
        onError={tried}
        onSubmit={(event) => {
          tried();
          onSubmit(event.formData as Record<string, unknown>);
        }}
      >
        {children}
      </Form>
    </div>
  );
}
