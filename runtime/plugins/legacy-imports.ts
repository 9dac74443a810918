import { codeTables } from '../code-tables/index.ts';
import { legacyImportMeanings, PlatformError, type CompiledDefinition, type LegacyImport, type LegacyImportMeaning, type Meaning, type MeaningName, type PluginManifest, type StatusDeclaration } from '../../engine/index.ts';

/** A loaded process as this check reads it (the registry's `LoadedProcess`). */
type LoadedProcess = { plugin: PluginManifest; compiled: CompiledDefinition };

/** A legacy import a package declares, with the meaning (process and state) whose cases it brings in. */
export interface DeclaredLegacyImport {
  name: LegacyImportMeaning;
  meaning: Meaning;
  declaration: LegacyImport;
  /** The process's subject: whom a row names. */
  subjectType: 'person' | 'employer';
  /** The process keeps one case in force per subject (`oneActivePerSubject`). */
  exclusive: boolean;
  /** The JSON Schema of each declared column's field, as the meaning's form has it: the one source of a valid value. */
  fieldSchemas: Readonly<Record<string, Record<string, unknown>>>;
}

/** The properties of the meaning's form, or none when the meaning names no form. */
function formProperties(meaning: Meaning, process: LoadedProcess): Record<string, Record<string, unknown>> {
  const form = meaning.form && Object.hasOwn(process.compiled.definition.forms ?? {}, meaning.form) ? process.compiled.definition.forms![meaning.form] : undefined;
  return ((form?.schema as { properties?: Record<string, Record<string, unknown>> } | undefined)?.properties ?? {});
}

/** What the declared subject and columns name that the process, its form or the code tables do not have. */
function columnProblems(declaration: LegacyImport, meaning: Meaning, process: LoadedProcess): string[] {
  const found: string[] = [];
  const subject = declaration.subject ?? { type: 'person' };
  const properties = formProperties(meaning, process);
  if (subject.type !== process.compiled.definition.subject) found.push(`subject ${subject.type} (the process's is ${process.compiled.definition.subject})`);
  // A person's ID number is never copied into case data: it stays sealed on the person.
  if (subject.field && (subject.type !== 'employer' || !Object.hasOwn(properties, subject.field))) found.push(`subject field ${subject.field}`);
  const columns = declaration.columns ?? [];
  const names = new Set(columns.map((column) => column.field));
  if (columns.length > 0 && !Object.hasOwn(properties, declaration.dateField)) found.push(`date field ${declaration.dateField} (a field of form ${meaning.form ?? '?'})`);
  for (const column of columns) {
    if (!Object.hasOwn(properties, column.field) || column.field === declaration.dateField || column.field === subject.field) found.push(`column ${column.field} (a field of form ${meaning.form ?? '?'}, once)`);
    if (column.codeTable && !codeTables.some((table) => table.id === column.codeTable)) found.push(`code table ${column.codeTable}`);
    if (column.notBelow && !names.has(column.notBelow) && column.notBelow !== declaration.dateField) found.push(`column ${column.notBelow} (notBelow of ${column.field})`);
  }
  for (const key of declaration.keyFields ?? []) if (!names.has(key)) found.push(`key field ${key}`);
  return found;
}

/** What a declaration names that the package's process or the loaded statuses do not have. */
function problems(declaration: LegacyImport, meaning: Meaning, process: LoadedProcess, statuses: ReadonlyMap<string, StatusDeclaration>): string[] {
  const { states } = process.compiled.definition;
  const found: string[] = [];
  if (!meaning.state || !declaration.states[meaning.state] || declaration.states[meaning.state]!.ended) found.push(`state ${meaning.state ?? '?'} (the meaning's, not ended)`);
  for (const [name, state] of Object.entries(declaration.states)) {
    const defined = Object.hasOwn(states, name) ? states[name] : undefined;
    if (!defined) found.push(`state ${name}`);
    else if (defined.task) found.push(`state ${name} has a task`);
    if (name !== meaning.state && !state.ended) found.push(`state ${name} (ended)`);
    for (const [key, value] of Object.entries(state.statuses ?? {})) {
      if (!statuses.get(key)?.values.includes(value)) found.push(`status ${key}=${value}`);
    }
  }
  return [...found, ...columnProblems(declaration, meaning, process)];
}

/**
 * The legacy imports the packages declare, each checked at load: its meaning declared by the same
 * package, every state it names one of the process's without a task (nothing of the past is left to
 * do), the meaning's state the one a registration is in, every other an ended one, and every status a
 * declared value; the subject the process's, and each column a field of the meaning's form.
 */
export function collectLegacyImports(list: readonly PluginManifest[], processes: ReadonlyMap<string, LoadedProcess>, meanings: ReadonlyMap<MeaningName, Meaning>, statuses: ReadonlyMap<string, StatusDeclaration>): Map<LegacyImportMeaning, DeclaredLegacyImport> {
  const found = new Map<LegacyImportMeaning, DeclaredLegacyImport>();
  for (const plugin of list) {
    for (const name of legacyImportMeanings) {
      const declaration = plugin.legacyImports?.[name];
      if (!declaration) continue;
      const meaning = plugin.meanings?.[name];
      const process = meaning && meanings.get(name) === meaning ? processes.get(meaning.process) : undefined;
      const missing = meaning && process?.plugin === plugin ? problems(declaration, meaning, process, statuses) : [`meaning ${name} in package ${plugin.id}`];
      if (found.has(name) || missing.length > 0) throw new PlatformError('PLUGIN_INVALID', { details: { pluginId: plugin.id, legacyImport: name, ...(found.has(name) ? { declaredTwice: true } : { missing }) } });
      const { definition } = process!.compiled;
      const properties = formProperties(meaning!, process!);
      const fields = [declaration.dateField, ...(declaration.columns ?? []).map((column) => column.field)].filter((field) => Object.hasOwn(properties, field));
      found.set(name, { name, meaning: meaning!, declaration, subjectType: definition.subject, exclusive: definition.oneActivePerSubject !== false, fieldSchemas: Object.fromEntries(fields.map((field) => [field, properties[field]!])) });
    }
  }
  return found;
}
