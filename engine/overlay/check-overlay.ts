import type { Definition } from '../definition/index.ts';
import { isPlatformError, type ErrorCode, type LocalizedText } from '../errors/index.ts';
import type { ParameterSpec } from '../plugin/index.ts';
import type { Implementations } from '../actions/index.ts';
import { verify } from '../verify/index.ts';
import { applyOverlay } from './apply-overlay.ts';
import type { Overlay, ParameterValue } from './overlay-schema.ts';
import { refusalReason } from './refusals.ts';

/** A lock as a level sees it: the element, why, and which level set it. */
export interface EffectiveLock {
  element: string;
  reason: LocalizedText;
  /** `ministry`, or the org unit id of the province (or city) that locked it. */
  lockedBy: string;
}

/** Why an overlay cannot be published: a typed code, the element concerned and an explanation. */
export interface OverlayProblem {
  code: ErrorCode;
  element: string;
  reason: LocalizedText;
  lockedBy?: string;
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a locked element is kept: a list may gain entries but not lose or change any (a
 * lower level may tighten, never loosen); anything else must stay exactly as it was.
 */
function kept(before: unknown, after: unknown): boolean {
  if (Array.isArray(before) && Array.isArray(after)) return before.every((item) => after.some((other) => same(item, other)));
  return same(before, after);
}

/** Parameter values outside the plugin's bounds (or catalogue), or for parameters that do not exist. */
export function parameterProblems(values: readonly ParameterValue[], specs: readonly ParameterSpec[]): OverlayProblem[] {
  return values.flatMap((entry): OverlayProblem[] => {
    const element = `parameters.${entry.id}`;
    const spec = specs.find((s) => s.id === entry.id);
    if (!spec) return [{ code: 'OVERLAY_INVALID', element, reason: refusalReason('no-such-parameter') }];
    if (spec.unit === 'codes') {
      const codes = new Set(spec.options.map((o) => o.code));
      const ok = Array.isArray(entry.value) && entry.value.every((code) => codes.has(code));
      return ok ? [] : [{ code: 'PARAMETER_OUT_OF_BOUNDS', element, reason: refusalReason('codes-outside-catalogue', [...codes].join(', ')) }];
    }
    const ok = typeof entry.value === 'number' && Number.isInteger(entry.value) && entry.value >= spec.min && entry.value <= spec.max;
    return ok ? [] : [{ code: 'PARAMETER_OUT_OF_BOUNDS', element, reason: refusalReason('value-out-of-bounds', JSON.stringify(entry.value), `${spec.min}..${spec.max} (${spec.unit})`) }];
  });
}

/** Locked elements the overlay changes, including parameters it sets that are locked. */
export function lockProblems(before: Definition, after: Definition, overlay: Pick<Overlay, 'parameters'>, locks: readonly EffectiveLock[]): OverlayProblem[] {
  return locks.flatMap((lock): OverlayProblem[] => {
    const changed = lock.element.startsWith('parameters.')
      ? overlay.parameters.some((p) => `parameters.${p.id}` === lock.element)
      : !kept(valueAt(before, lock.element), valueAt(after, lock.element));
    return changed ? [{ code: 'OVERLAY_LOCK_VIOLATION', element: lock.element, reason: lock.reason, lockedBy: lock.lockedBy }] : [];
  });
}

/**
 * Removals of states a level above locked (the state, or a part of it such as its timers): refused for the lock, with
 * its reason and who set it, before whatever else the removal would run into (a state still reached).
 */
function lockedRemovals(overlay: Overlay, locks: readonly EffectiveLock[]): { problems: OverlayProblem[]; rest: Overlay } {
  const problems: OverlayProblem[] = [];
  const operations = overlay.operations.filter((op) => {
    if (op.op !== 'removeState') return true;
    const element = `states.${op.state}`;
    // The state itself or a part of it other than its events (whose locks name the event, and are checked on the result).
    const lock = locks.find((l) => l.element === element || (l.element.startsWith(`${element}.`) && !l.element.startsWith(`${element}.on.`)));
    if (lock) problems.push({ code: 'OVERLAY_LOCK_VIOLATION', element: lock.element, reason: lock.reason, lockedBy: lock.lockedBy });
    return !lock;
  });
  return { problems, rest: { ...overlay, operations } };
}

/**
 * Verifies a draft overlay against the level below: refuses removing a locked state, applies the
 * rest, then checks the locks of every level above, the parameter bounds and the engine's
 * verification of the result. Returns the effective definition (when the operations apply) and
 * every problem found.
 */
export function checkOverlay(input: {
  below: Definition;
  overlay: Overlay;
  locks: readonly EffectiveLock[];
  parameters: readonly ParameterSpec[];
  implementations: Implementations;
}): { definition: Definition | undefined; problems: OverlayProblem[] } {
  const removals = lockedRemovals(input.overlay, input.locks);
  const checked = checkApplied({ ...input, overlay: removals.rest });
  return { definition: checked.definition, problems: [...removals.problems, ...checked.problems] };
}

function checkApplied(input: Parameters<typeof checkOverlay>[0]): { definition: Definition | undefined; problems: OverlayProblem[] } {
  let definition: Definition;
  try {
    definition = applyOverlay(input.below, input.overlay);
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    // A result failing the definition schema lists its issues; an operation refusal names its element and why.
    if (Array.isArray(error.details)) {
      const issue = error.details[0] as { path?: string; message?: string } | undefined;
      return { definition: undefined, problems: [{ code: error.code, element: issue?.path ?? '', reason: refusalReason('definition-schema', issue?.message ?? '') }] };
    }
    const details = (error.details ?? {}) as { element?: string; reason?: LocalizedText };
    return { definition: undefined, problems: [{ code: error.code, element: details.element ?? '', reason: details.reason ?? error.localized }] };
  }
  const problems = [
    ...lockProblems(input.below, definition, input.overlay, input.locks),
    ...parameterProblems(input.overlay.parameters, input.parameters),
    ...verify(definition, input.implementations).map((f): OverlayProblem => ({ code: 'DEFINITION_INVALID', element: f.path, reason: f.message })),
  ];
  return { definition, problems };
}
