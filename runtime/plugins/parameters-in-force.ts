import { and, eq, inArray } from 'drizzle-orm';
import { parameterValueOn, type EffectiveValue } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { parameterValues } from '../db/schema/index.ts';
import type { PluginRegistry } from './plugin-registry.ts';

/** The org unit ids on a tree path, from the ministry down: `/000000/350000/350200/` -> three ids. */
export function orgUnitIdsOf(orgPath: string): string[] {
  return orgPath.split('/').filter(Boolean);
}

/** Local values by org unit, keyed by parameter, from the top of the path down. */
export type LocalParameterValues = Map<string, EffectiveValue<number | readonly string[]>[][]>;

/** The values provinces and cities on the path published for a plugin's parameters, top level first. */
export async function localParameterValues(db: Executor, pluginId: string, orgPath: string): Promise<LocalParameterValues> {
  const levels = orgUnitIdsOf(orgPath);
  const rows = await db
    .select()
    .from(parameterValues)
    .where(and(eq(parameterValues.pluginId, pluginId), inArray(parameterValues.orgUnitId, levels)));
  const byParameter: LocalParameterValues = new Map();
  for (const row of rows) {
    const layers = byParameter.get(row.parameterId) ?? levels.map(() => []);
    layers[levels.indexOf(row.orgUnitId)]!.push({ from: row.effectiveFrom, value: row.value });
    byParameter.set(row.parameterId, layers);
  }
  return byParameter;
}

/** Resolves every parameter of a plugin on a date from the ministry's values and the local ones. */
export function resolveParameters(registry: PluginRegistry, pluginId: string, local: LocalParameterValues, date: string): Record<string, number | readonly string[]> {
  const specs = registry.plugins.find((p) => p.id === pluginId)?.parameters ?? [];
  return Object.fromEntries(specs.map((spec) => [spec.id, parameterValueOn(spec, date, local.get(spec.id) ?? [])]));
}

/**
 * The parameter values in force for a case's org unit on a date: the ministry's, overridden by
 * what its province and then its city published (each from its effective date). One query,
 * skipped for plugins without parameters.
 */
export async function parametersInForce(db: Executor, registry: PluginRegistry, pluginId: string, orgPath: string, date: string): Promise<Record<string, number | readonly string[]>> {
  const hasParameters = (registry.plugins.find((p) => p.id === pluginId)?.parameters.length ?? 0) > 0;
  const local = hasParameters ? await localParameterValues(db, pluginId, orgPath) : new Map();
  return resolveParameters(registry, pluginId, local, date);
}
