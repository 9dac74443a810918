import { describe, expect, it } from 'vitest';
import { isPlatformError, type PluginManifest } from '../../engine/index.ts';
import { plugins } from '../support/packages.ts';
import { loadPlugins } from '../../runtime/plugins/index.ts';
import { standardPosts } from '../../runtime/seed/org-tree.ts';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isPlatformError(error) ? error.code : String(error);
  }
  return undefined;
}

describe('plugin registry', () => {
  it('has unique plugin ids and loads every shipped plugin', () => {
    expect(new Set(plugins.map((p) => p.id)).size).toBe(plugins.length);
    expect([...loadPlugins(plugins).processes.keys()].sort()).toEqual([
      'article-publishing',
      'business-loan-interest',
      'employer-verification',
      'employment-difficulty',
      'employment-registration',
      'internship',
      'job-referral',
      'job-seeking',
      'labour-survey',
      'personnel-file',
      'public-welfare-post',
      'social-insurance-subsidy',
      'start-up-subsidy',
      'training-subsidy',
      'unemployment-benefit',
      'unemployment-registration',
      'vacancy-posting',
      'vocational-guidance',
    ]);
  });

  it('refuses two plugins with one id', () => {
    expect(codeOf(() => loadPlugins([...plugins, plugins[0]!]))).toBe('PLUGIN_DUPLICATE_ID');
  });

  it('refuses two plugins defining the same process', () => {
    const copy: PluginManifest = { ...plugins[0]!, id: 'copy-of-unemployment' };
    expect(codeOf(() => loadPlugins([...plugins, copy]))).toBe('PLUGIN_DUPLICATE_ID');
  });

  it("refuses a plugin action that would shadow the engine's built-ins", () => {
    const shadow: PluginManifest = { ...plugins[1]!, implementations: { guards: {}, actions: { emit: () => [] } } };
    expect(codeOf(() => loadPlugins([plugins[0]!, shadow]))).toBe('DEFINITION_INVALID');
  });

  it("refuses an exchange event that names another package's process, an employer process, or an event the process does not have", () => {
    const owner = plugins.find((p) => p.id === 'employment-registration')!;
    const withEvent = (declared: object) => plugins.map((p) => (p === owner ? { ...p, exchangeEvents: [...(p.exchangeEvents ?? []), declared] } : p) as PluginManifest);
    expect(loadPlugins(plugins).exchangeEventsFor('social-insurance.stop').map((e) => [e.process, e.send])).toEqual([['employment-registration', 'contributionsStopped']]);
    expect(codeOf(() => loadPlugins(withEvent({ service: 'social-insurance.stop', process: 'unemployment-registration', start: true })))).toBe('PLUGIN_INVALID');
    expect(codeOf(() => loadPlugins(withEvent({ service: 'social-insurance.stop', process: 'employment-registration', send: 'noSuchEvent' })))).toBe('PLUGIN_INVALID');
    const employerProcess = plugins.find((p) => p.id === 'job-matching')!;
    const onEmployer = plugins.map((p) => (p === employerProcess ? { ...p, exchangeEvents: [{ service: 'social-insurance.enrolment', process: 'vacancy-posting', start: true as const }] } : p));
    expect(codeOf(() => loadPlugins(onEmployer))).toBe('PLUGIN_INVALID');
  });

  it('gives every parameter a default within its bounds and every lock a bilingual reason', () => {
    for (const plugin of plugins) {
      for (const p of plugin.parameters) {
        if (p.unit === 'codes') {
          const codes = new Set(p.options.map((o) => o.code));
          for (const value of [p.default, ...(p.changes ?? []).map((c) => c.value)]) expect(value.every((code) => codes.has(code)), `${plugin.id}.${p.id}`).toBe(true);
        } else {
          for (const value of [p.default, ...(p.changes ?? []).map((c) => c.value)]) expect(p.min <= value && value <= p.max, `${plugin.id}.${p.id}`).toBe(true);
        }
      }
      for (const lock of plugin.locks) expect(lock.reason['zh-CN'] && lock.reason.en, lock.element).toBeTruthy();
    }
  });

  it('locks elements that exist, in a process of the same plugin, or parameters the plugin declares', () => {
    const registry = loadPlugins(plugins);
    const missing = plugins.flatMap((plugin) =>
      plugin.locks.flatMap((lock) => {
        const process = registry.processes.get(lock.process);
        if (process?.plugin !== plugin) return [`${plugin.id}: ${lock.process} is not its process`];
        // A locked parameter: no overlay may set it (engine/overlay/check-overlay.ts).
        if (lock.element.startsWith('parameters.')) return plugin.parameters.some((p) => `parameters.${p.id}` === lock.element) ? [] : [`${plugin.id}: ${lock.element}`];
        let node: unknown = process.compiled.definition;
        for (const part of lock.element.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
        return node === undefined ? [`${lock.process}: ${lock.element}`] : [];
      }),
    );
    expect(missing).toEqual([]);
  });

  it('gives tasks only posts every office has: the posts users hold, by which their own tasks and the workload are counted', () => {
    const known = new Set<string>(standardPosts.map((p) => p.code));
    const unknown = [...loadPlugins(plugins).processes].flatMap(([id, process]) =>
      Object.entries(process.compiled.definition.states).flatMap(([name, state]) => (state.task?.post && !known.has(state.task.post) ? [`${id}.${name}: ${state.task.post}`] : [])),
    );
    expect(unknown).toEqual([]);
  });

  it('gives every titled node of every form schema an English title', () => {
    const untranslated: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        node.forEach((child, i) => walk(child, `${path}[${i}]`));
      } else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>;
        const i18n = record['x-i18n'] as { en?: unknown } | undefined;
        if (typeof record.title === 'string' && typeof i18n?.en !== 'string') untranslated.push(`${path}: ${record.title}`);
        for (const [key, child] of Object.entries(record)) if (key !== 'x-i18n') walk(child, `${path}.${key}`);
      }
    };
    for (const [id, process] of loadPlugins(plugins).processes) {
      for (const [name, form] of Object.entries(process.compiled.definition.forms)) walk(form.schema, `${id}.forms.${name}.schema`);
    }
    expect(untranslated).toEqual([]);
  });

  it('counts indicators over processes, events and states that exist', () => {
    const registry = loadPlugins(plugins);
    const unknown = plugins.flatMap((plugin) =>
      plugin.indicators.flatMap((indicator) =>
        [indicator.numerator, indicator.denominator].flatMap((selector) => {
          const definition = registry.processes.get(selector.process)?.compiled.definition;
          if (!definition) return [`${indicator.id}: process ${selector.process}`];
          const events = new Set(Object.values(definition.states).flatMap((state) => Object.keys(state.on)));
          return [
            ...(selector.event && !events.has(selector.event) ? [`${indicator.id}: event ${selector.event}`] : []),
            ...[selector.from, selector.to].filter((state) => state !== undefined && !definition.states[state]).map((state) => `${indicator.id}: state ${state}`),
          ];
        }),
      ),
    );
    expect(unknown).toEqual([]);
    expect(plugins.every((plugin) => plugin.indicators.length > 0)).toBe(true);
  });
});
