import { describe, expect, it, vi } from 'vitest';
import {
  applyOverlay,
  chinaDate,
  compile,
  overlaySchema,
  replay,
  start,
  step,
  type Actor,
  type CaseData,
  type CompiledDefinition,
  type Definition,
  type OverlayInput,
  type RecordedStep,
} from '../../engine/index.ts';
import { plugins } from '../support/packages.ts';
import { loadPlugins } from '../../runtime/plugins/index.ts';
import { parametersOn as pluginParametersOn, system } from '../support/engine-assertions.ts';
import { caseworker, reviewer, tinyDefinition } from './fixtures.ts';
import { calendar } from '../support/calendar.ts';

const standard = loadPlugins(plugins).processes.get('unemployment-registration')!;
const { plugin, compiled } = standard;
const ministry: Definition = compiled.definition;

/** The plugin's parameters in force at an instant, as the runtime reads them: by the China date. */
const parametersOn = (instant: string) => pluginParametersOn(plugin, chinaDate(instant));

const facts = { subject: { birthDate: '1990-03-07', gender: 'female' }, registry: { employed: false, unemployed: false } };
const form = { category: 'school-leaver', unemployedSince: '2026-07-01', phone: '13800138000', residenceArea: '350203', education: '20', retirementCategory: 'female-50' };

/** One step of a case to take and record. */
interface Take {
  event: string;
  actor: Actor;
  at: string;
  data?: CaseData;
  facts?: Record<string, unknown> | null;
}

/**
 * Takes steps on a compiled definition as the runtime would, and records each as its
 * performance record keeps it: the event, where it led, who, when, the form and the facts.
 */
function record(definition: CompiledDefinition, created: { actor: Actor; at: string; data?: CaseData }, takes: readonly Take[]): RecordedStep[] {
  let snapshot = start(definition, { actor: created.actor, calendar, now: created.at, data: created.data, parameters: parametersOn(created.at) }).snapshot;
  const steps: RecordedStep[] = [{ event: 'create', to: snapshot.state, actor: created.actor, at: created.at, data: created.data ?? {}, facts: null, dueAt: null, calendar }];
  for (const take of takes) {
    const data = take.data ?? {};
    const seen = take.facts === undefined ? facts : take.facts;
    const dueAt = snapshot.context.dueAt;
    snapshot = step(definition, { snapshot, event: { type: take.event, data }, actor: take.actor, calendar, now: take.at, facts: seen ?? {}, parameters: parametersOn(take.at) }).snapshot;
    steps.push({ event: take.event, to: snapshot.state, actor: take.actor, at: take.at, data, facts: seen, dueAt, calendar });
  }
  return steps;
}

const created = { actor: caseworker, at: '2026-09-29T02:00:00.000Z' };
const submit: Take = { event: 'submit', actor: caseworker, at: '2026-09-30T02:00:00.000Z', data: form };
const approve: Take = { event: 'approve', actor: reviewer, at: '2026-10-09T01:00:00.000Z', data: { opinion: '材料齐全' } };
const employed: Take = { event: 'employmentRegistered', actor: system, at: '2026-11-02T01:00:00.000Z', data: { cancellationReason: 'employed' }, facts: null };

/** A registration submitted, approved and cancelled on employment. */
const history = record(compiled, created, [submit, approve, employed]);
/** A registration submitted and approved. */
const registered = history.slice(0, 3);

const draft = (operations: OverlayInput['operations']) => compile(applyOverlay(ministry, overlaySchema.parse({ operations })), plugin.implementations);

describe('replay', () => {
  it('records what the steps did', () => {
    expect(history.map((s) => `${s.event}->${s.to}`)).toEqual(['create->draft', 'submit->submitted', 'approve->registered', 'employmentRegistered->cancelled']);
  });

  it('ends the same against the definition the case was recorded under', () => {
    expect(replay(compiled, history, parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'same', finalState: 'cancelled' });
    expect(replay(compiled, registered, parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'same', finalState: 'registered' });
    expect(replay(compiled, history.slice(0, 1), parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'same', finalState: 'draft' });
  });

  it('ends the same under a draft that changes nothing a recorded step depends on, reporting the deadline its new SLA moves', () => {
    const relabelled = draft([
      { op: 'relabelState', state: 'submitted', title: { 'zh-CN': '初审', en: 'First review' } },
      { op: 'setSla', state: 'submitted', workingDays: 5 },
      { op: 'addField', form: 'registration', field: 'hukouType', schema: { type: 'string', enum: ['local', 'non-local'] } },
    ]);
    // The review (left at step 2) had 3 working days when recorded and has 5 under the draft.
    expect(replay(relabelled, history, parametersOn)).toEqual({ deadlinesDiffer: [2], factsMissing: [], result: 'same', finalState: 'cancelled' });
  });

  it('is refused at the submission when the draft requires a field the case did not fill', () => {
    const stricter = draft([{ op: 'addField', form: 'registration', field: 'hukouType', schema: { type: 'string', enum: ['local', 'non-local'] }, required: true }]);
    const result = replay(stricter, history, parametersOn);
    expect(result).toMatchObject({ result: 'refused', step: 1, event: 'submit', code: 'FORM_INVALID', details: { form: 'registration' } });
    expect((result as { details: { fields: { field: string; keyword: string }[] } }).details.fields).toEqual([expect.objectContaining({ field: 'hukouType', keyword: 'required' })]);

    const address = replay(draft([{ op: 'requireField', form: 'registration', field: 'address' }]), history, parametersOn);
    expect(address).toMatchObject({ result: 'refused', step: 1, event: 'submit', code: 'FORM_INVALID' });
  });

  it('is refused at the step whose form the draft tightens, not before', () => {
    const result = replay(draft([{ op: 'addField', form: 'review', field: 'checkedOriginals', schema: { type: 'boolean' }, required: true }]), history, parametersOn);
    expect(result).toMatchObject({ result: 'refused', step: 2, event: 'approve', code: 'FORM_INVALID', details: { form: 'review' } });

    const narrowed = replay(draft([{ op: 'narrowEnum', form: 'cancellation', field: 'cancellationReason', values: ['business-started', 'pension'] }]), history, parametersOn);
    expect(narrowed).toMatchObject({ result: 'refused', step: 3, event: 'employmentRegistered', code: 'FORM_INVALID', details: { form: 'cancellation' } });
  });

  it('is refused with the rule a draft adds, at the step it guards', () => {
    const withRule = structuredClone(ministry);
    withRule.states['submitted']!.on['approve']!.rules.push({ id: 'local-residence', cel: "data.residenceArea.startsWith('3502')", message: { 'zh-CN': '须为本市常住人员', en: 'Must reside in the city' } });
    const local = compile(withRule, plugin.implementations);
    // The recorded case lives in 350203 (Xiamen): it passes.
    expect(replay(local, history, parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'same', finalState: 'cancelled' });

    const elsewhere = record(compiled, created, [{ ...submit, data: { ...form, residenceArea: '350102' } }, approve]);
    expect(replay(local, elsewhere, parametersOn)).toEqual({
      deadlinesDiffer: [],
      factsMissing: [],
      result: 'refused',
      step: 2,
      event: 'approve',
      code: 'RULE_VIOLATION',
      details: { violations: [{ rule: 'local-residence', message: { 'zh-CN': '须为本市常住人员', en: 'Must reside in the city' } }] },
    });
  });

  it('goes elsewhere at the approval when the draft inserts a review', () => {
    const reviewed = draft([
      {
        op: 'insertReview',
        after: 'submitted',
        event: 'approve',
        state: 'secondReview',
        title: { 'zh-CN': '复核', en: 'Second review' },
        task: { role: 'reviewer', post: 'unemployment-second-review', slaWorkingDays: 2 },
        form: { id: 'secondOpinion', title: { 'zh-CN': '复核意见', en: 'Second opinion' }, schema: { type: 'object', additionalProperties: false, required: ['opinion'], properties: { opinion: { type: 'string', minLength: 1 } } } },
        approve: { event: 'confirm', title: { 'zh-CN': '复核通过', en: 'Confirm' }, roles: ['reviewer'] },
      },
    ]);
    expect(replay(reviewed, history, parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'different', step: 2, event: 'approve', recorded: 'registered', replayed: 'secondReview' });
    // Up to the approval nothing changed.
    expect(replay(reviewed, history.slice(0, 2), parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'same', finalState: 'submitted' });
  });

  it('reports a case that would start elsewhere as different at its creation', () => {
    const tiny = tinyDefinition();
    const recordedOn = compile(tiny, { guards: {}, actions: {} });
    const steps = record(recordedOn, created, [{ event: 'close', actor: caseworker, at: '2026-09-30T02:00:00.000Z', data: { amount: 5 }, facts: {} }]);
    expect(replay(recordedOn, steps, parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'same', finalState: 'closed' });

    const withTriage = {
      ...tiny,
      initial: 'triage',
      states: {
        ...tiny.states,
        triage: { title: { 'zh-CN': '分拣', en: 'Triage' }, task: { role: 'caseworker', slaWorkingDays: 1 }, on: { accept: { target: 'open', title: { 'zh-CN': '受理', en: 'Accept' }, roles: ['caseworker'], form: 'note' } } },
      },
    };
    expect(replay(compile(withTriage, { guards: {}, actions: {} }), steps, parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'different', step: 0, event: 'create', recorded: 'open', replayed: 'triage' });
  });

  it('steps with the recorded facts, and with none where the record kept none', () => {
    // The approval saw a person with no employment; replayed with the facts it recorded, it passes.
    expect(replay(compiled, registered, parametersOn).result).toBe('same');
    // A record from before facts were kept: the working-age guard has nothing to read.
    const withoutFacts = registered.map((s, i) => (i === 2 ? { ...s, facts: null } : s));
    expect(replay(compiled, withoutFacts, parametersOn)).toMatchObject({ result: 'refused', step: 2, event: 'approve', code: 'RULE_VIOLATION' });
    // Facts that say the person had found work by then.
    const employedThen = registered.map((s, i) => (i === 2 ? { ...s, facts: { ...facts, registry: { employed: true, unemployed: false } } } : s));
    const result = replay(compiled, employedThen, parametersOn);
    expect(result).toMatchObject({ result: 'refused', step: 2, event: 'approve', code: 'RULE_VIOLATION' });
    expect((result as { details: { violations: { rule: string }[] } }).details.violations.map((v) => v.rule)).toEqual(['not-employed']);
  });

  it('lists the steps whose rules read facts the record did not keep', () => {
    // The system's cancellation was recorded without facts; its rules read none.
    expect(history[3]!.facts).toBeNull();
    expect(replay(compiled, history, parametersOn).factsMissing).toEqual([]);
    // An approval recorded without facts, whose rules read them.
    const withoutFacts = history.map((s, i) => (i === 2 ? { ...s, facts: null } : s));
    expect(replay(compiled, withoutFacts, parametersOn)).toMatchObject({ factsMissing: [2], result: 'refused', step: 2 });

    // A draft whose rule on the cancellation reads facts: listed whether or not the rule holds.
    const reading = (cel: string) => {
      const d = structuredClone(ministry);
      d.states['registered']!.on['employmentRegistered']!.rules.push({ id: 'local-check', cel, message: { 'zh-CN': '本地核验', en: 'Local check' } });
      return compile(d, plugin.implementations);
    };
    expect(replay(reading('size(facts) >= 0'), history, parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [3], result: 'same', finalState: 'cancelled' });
    expect(replay(reading('facts.registry.employed'), history, parametersOn)).toMatchObject({ factsMissing: [3], result: 'refused', step: 3, code: 'RULE_VIOLATION' });
    // Facts kept on the record are used, so nothing is missing.
    const kept = history.map((s, i) => (i === 3 ? { ...s, facts: { ...facts, registry: { employed: true, unemployed: false } } } : s));
    expect(replay(reading('facts.registry.employed'), kept, parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'same', finalState: 'cancelled' });
    // Only steps actually replayed are listed: a refusal earlier stops the list.
    const early = withoutFacts.map((s, i) => (i === 3 ? { ...s, facts: null } : s));
    expect(replay(reading('size(facts) >= 0'), early, parametersOn).factsMissing).toEqual([2]);
  });

  it('replays each step by the recorded actor', () => {
    // The reviewer recorded as the caseworker who submitted: maker-checker refuses it on replay.
    const sameActor = registered.map((s, i) => (i === 2 ? { ...s, actor: { ...reviewer, id: caseworker.id } } : s));
    expect(replay(compiled, sameActor, parametersOn)).toMatchObject({ result: 'refused', step: 2, event: 'approve', code: 'MAKER_CHECKER_VIOLATION', details: { sameActorAs: 'submit' } });
    const wrongRole = registered.map((s, i) => (i === 2 ? { ...s, actor: caseworker } : s));
    expect(replay(compiled, wrongRole, parametersOn)).toMatchObject({ result: 'refused', step: 2, code: 'ROLE_NOT_PERMITTED' });
  });

  it('reports an event the definition does not accept there', () => {
    const reordered = [history[0]!, history[2]!, history[1]!];
    expect(replay(compiled, reordered, parametersOn)).toMatchObject({ result: 'refused', step: 1, event: 'approve', code: 'TRANSITION_NOT_AVAILABLE', details: { state: 'draft', event: 'approve' } });
  });

  it('takes the parameters in force at each step\'s instant', () => {
    const spy = vi.fn(parametersOn);
    expect(replay(compiled, history, spy).result).toBe('same');
    expect(spy.mock.calls.map(([at]) => at)).toEqual(history.map((s) => s.at));

    // A minimum age of 40 (illustrative, outside the ministry's bounds) from the day of the approval:
    // the submission passes under 16, the approval's working-age rule refuses the 36-year-old.
    const raised = (instant: string) => ({ ...parametersOn(instant), minimumAge: instant >= approve.at ? 40 : 16 });
    const result = replay(compiled, history, raised);
    expect(result).toMatchObject({ result: 'refused', step: 2, event: 'approve', code: 'RULE_VIOLATION' });
    // The date of unemployment, at 36 years of age, is then also before the raised minimum age.
    expect((result as { details: { violations: { rule: string }[] } }).details.violations.map((v) => v.rule)).toEqual(['working-age', 'unemployed-since-of-working-age']);
    // In force from the submission, it refuses there.
    const fromStart = (instant: string) => ({ ...parametersOn(instant), minimumAge: instant >= submit.at ? 40 : 16 });
    expect(replay(compiled, history, fromStart)).toMatchObject({ result: 'refused', step: 1, event: 'submit', code: 'RULE_VIOLATION' });
  });

  it('reads a parameter a cancellation rule compares with', () => {
    const refusals = { ...facts, subject: { ...facts.subject, unjustifiedRefusals: 3 } };
    const cancelled = record(compiled, created, [submit, approve, { event: 'refusalRecorded', actor: system, at: '2026-12-01T01:00:00.000Z', data: { cancellationReason: 'refused-jobs' }, facts: refusals }]);
    expect(cancelled.at(-1)!.to).toBe('cancelled');
    expect(parametersOn('2026-12-01T01:00:00.000Z')['refusalLimit']).toBe(3);
    expect(replay(compiled, cancelled, parametersOn)).toEqual({ deadlinesDiffer: [], factsMissing: [], result: 'same', finalState: 'cancelled' });
    // A city limit of 5 from December: three refusals no longer cancel the registration.
    const city = (instant: string) => ({ ...parametersOn(instant), refusalLimit: chinaDate(instant) >= '2026-12-01' ? 5 : 3 });
    expect(replay(compiled, cancelled, city)).toMatchObject({ result: 'refused', step: 3, event: 'refusalRecorded', code: 'RULE_VIOLATION', details: { violations: [{ rule: 'refusal-limit-reached' }] } });
  });

  it('stops at the first step that is refused', () => {
    const result = replay(draft([{ op: 'requireField', form: 'registration', field: 'address' }, { op: 'addField', form: 'review', field: 'x', schema: { type: 'string' }, required: true }]), history, parametersOn);
    expect(result).toMatchObject({ result: 'refused', step: 1 });
    expect((result as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field)).toEqual(['address']);
  });

  it('does not change the recorded history', () => {
    const copy = structuredClone(history);
    replay(compiled, history, parametersOn);
    replay(draft([{ op: 'requireField', form: 'registration', field: 'address' }]), history, parametersOn);
    expect(history).toEqual(copy);
  });

  it('needs at least the creation', () => {
    expect(() => replay(compiled, [], parametersOn)).toThrow(RangeError);
  });
});
