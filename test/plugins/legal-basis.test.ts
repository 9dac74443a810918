import { describe, expect, it } from 'vitest';
import { parseDefinition, type Definition } from '../../engine/index.ts';
import { plugins } from '../support/packages.ts';

const definitions = plugins.flatMap((plugin) => plugin.definitions.map((raw) => ({ plugin, definition: parseDefinition(raw) })));

function transitionsOf(definition: Definition) {
  return Object.entries(definition.states).flatMap(([state, node]) => Object.entries(node.on ?? {}).map(([event, transition]) => ({ state, event, transition })));
}

/** A process that pays money: one of its transitions writes a ledger item. */
const pays = (definition: Definition) => transitionsOf(definition).some(({ transition }) => transition.actions.some((action) => action.type === 'payItem'));

/**
 * Issue 14, rules as the law has them: what a configurator reads of a money rule or of a parameter the
 * law sets says where it comes from, and what the law fixes nationally no city can change.
 */
describe('the law behind the ministry packages', () => {
  it('names the legal basis of every money parameter and of every parameter the ministry fixes', () => {
    const missing = plugins.flatMap((plugin) =>
      plugin.parameters.filter((p) => (p.unit === 'fen' || (p.unit !== 'codes' && p.min === p.max)) && !p.legalBasis).map((p) => `${plugin.id}:${p.id}`),
    );
    expect(missing).toEqual([]);
  });

  it('locks every parameter the ministry fixes, so no province or city overlay sets it', () => {
    const unlocked = plugins.flatMap((plugin) =>
      plugin.parameters
        .filter((p) => p.unit !== 'codes' && p.min === p.max)
        .filter((p) => !plugin.locks.some((lock) => lock.element === `parameters.${p.id}`))
        .map((p) => `${plugin.id}:${p.id}`),
    );
    expect(unlocked).toEqual([]);
  });

  it('names where each rule of a process that pays money comes from', () => {
    const paying = definitions.filter(({ definition }) => pays(definition));
    expect(paying.length).toBeGreaterThanOrEqual(7);
    const missing = paying.flatMap(({ definition }) =>
      transitionsOf(definition).flatMap(({ state, event, transition }) => transition.rules.filter((rule) => !rule.basis).map((rule) => `${definition.id}:${state}.${event}:${rule.id}`)),
    );
    expect(missing).toEqual([]);
  });
});
