import { chinaDate, isPlatformError, isWorkingDay, type CaseData, type WorkingCalendar } from '../../../engine/index.ts';
import type { SessionUser } from '../../auth/index.ts';
import { getCaseRow, sendEvent, startCase } from '../../cases/index.ts';
import { findEmployers, registerEmployer } from '../../employers/index.ts';
import { registerPerson } from '../../persons/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { fireDueTimers } from '../../timers/index.ts';
import { employers, idNumberOf, people, type EmployerKey, type PersonKey } from './cast.ts';

const DAY_MS = 86_400_000;

/** Working days the story's acts span (about 75 calendar days), ending on the last working day before today. */
export const STORY_WORKING_DAYS = 52;

/**
 * Working days, at least, the story begins before the current quarter: the days 0 to 3 of its
 * opening (a job seeker registers on day 3) then fall in the last ended quarter, the one the
 * early warning evaluates, even in a quarter's last weeks.
 */
export const OPENING_WORKING_DAYS = 4;

/** The demo staff who act in the story; the supervisor is a second reviewer. */
export type StaffRole = 'caseworker' | 'reviewer' | 'supervisor';

/** One step of a scene: on working day `day` of the story's acts (0 = the first; before it, the lead-in: see {@link Story.opening}) at `time` China time. */
export interface Act {
  day: number;
  time: string;
  run: () => Promise<unknown>;
}

export function at(day: number, time: string, run: () => Promise<unknown>): Act {
  return { day, time, run };
}

/** Scenes told together, under one progress line; `acts` builds them with state shared between them. */
export interface SceneGroup {
  title: string;
  acts: (story: Story) => Act[];
}

/** The month (`YYYY-MM`) `offset` months after another (negative: before). */
export function monthAfter(month: string, offset: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The instant of a China date and `HH:MM` time. */
function instant(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

/** The working days before `today` (a China date), oldest first: `count` of them, more if needed to reach back to `from`. */
function workingDaysBefore(calendar: WorkingCalendar, today: string, count: number, from = today): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${today}T00:00:00Z`) - DAY_MS; days.length < count || days[0]! > from; t -= DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (isWorkingDay(calendar, date)) days.unshift(date);
  }
  return days;
}

/**
 * The story's working days up to the last one before `today` (a China date), oldest first: the
 * {@link STORY_WORKING_DAYS} its acts are scheduled on, after a lead-in of `lead` days more when
 * those begin fewer than {@link OPENING_WORKING_DAYS} before the current quarter (late in a
 * quarter). Only the opening's acts ({@link Story.opening}) are moved into the lead-in; the rest
 * keep their places before today.
 */
export function storyDays(calendar: WorkingCalendar, today: string): { days: string[]; lead: number } {
  const month = Number(today.slice(5, 7));
  const quarterStart = `${today.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  const opening = workingDaysBefore(calendar, quarterStart, OPENING_WORKING_DAYS)[0]!;
  const days = workingDaysBefore(calendar, today, STORY_WORKING_DAYS, opening);
  return { days, lead: days.length - STORY_WORKING_DAYS };
}

/**
 * The stage of the demo story: a copy of the runtime whose clock the story moves forward,
 * firing due timers on the way (notice periods end, benefit months are paid, postings expire),
 * and the services the scenes call, acting as the demo staff. Acts are scheduled on working
 * days, so whether a step meets its SLA (counted in working days) does not depend on the
 * holidays of the season the demo is started in.
 */
export class Story {
  readonly rt: RuntimeContext;
  readonly created = { persons: 0, employers: 0 };
  private current: number;
  private readonly end: number;
  private readonly workdays: string[];
  private readonly lead: number;
  private readonly personIds = new Map<PersonKey, string>();
  private readonly employerIds = new Map<EmployerKey, string>();

  constructor(
    base: RuntimeContext,
    private readonly staff: Record<StaffRole, SessionUser>,
    calendar: WorkingCalendar,
  ) {
    this.end = base.clock().getTime();
    ({ days: this.workdays, lead: this.lead } = storyDays(calendar, chinaDate(base.clock())));
    this.current = instant(this.workdays[0]!, '09:30');
    this.rt = { ...base, clock: () => new Date(this.current) };
  }

  /** Today in the story, as a China date. */
  today(): string {
    return chinaDate(new Date(this.current));
  }

  /** The China date `days` calendar days from the story's today (negative: before). */
  date(days: number): string {
    return chinaDate(new Date(this.current + days * DAY_MS));
  }

  /** The date of working day `day` of the story, for forms that name an earlier step's date. */
  dateOf(day: number): string {
    return this.workdays[this.lead + day]!;
  }

  /**
   * Working day `day` (0 to {@link OPENING_WORKING_DAYS} - 1) of the story's opening, as an act's
   * day: before the current quarter, in the lead-in when the story has one (a negative day).
   */
  opening(day: number): number {
    if (day < 0 || day >= OPENING_WORKING_DAYS) throw new RangeError(`demo opening day ${day}: the opening has ${OPENING_WORKING_DAYS}`);
    return day - this.lead;
  }

  /** The story's month (`YYYY-MM`), or one `offset` months away. */
  month(offset = 0): string {
    return monthAfter(this.today().slice(0, 7), offset);
  }

  /** A parameter of a plugin in force on the story's today. */
  parameter(pluginId: string, id: string): number {
    return this.rt.registry.parameters(pluginId, this.today())[id] as number;
  }

  /** Plays the groups' acts in time order, then brings the clock to the real now. */
  async play(groups: readonly SceneGroup[], progress: (message: string) => void): Promise<void> {
    const acts = groups.flatMap((group) => group.acts(this).map((act) => ({ ...act, group: group.title })));
    acts.sort((a, b) => a.day - b.day || a.time.localeCompare(b.time));
    const announced = new Set<string>();
    for (const act of acts) {
      const date = this.workdays[this.lead + act.day];
      if (!date) throw new RangeError(`demo act on working day ${act.day}: the story has ${STORY_WORKING_DAYS}`);
      await this.moveTo(instant(date, act.time));
      if (!announced.has(act.group)) progress(`演示业务 demo cases: ${act.group}…`);
      announced.add(act.group);
      await act.run();
    }
    await this.moveTo(this.end);
    await fireDueTimers(this.rt);
  }

  /** Moves the clock forward a day at most at a time, firing the timers due on the way. */
  private async moveTo(target: number): Promise<void> {
    while (this.current < target) {
      this.current = Math.min(target, this.current + DAY_MS);
      await fireDueTimers(this.rt);
    }
  }

  /** The person's id, registering them by the caseworker on first appearance. */
  async person(key: PersonKey): Promise<string> {
    const known = this.personIds.get(key);
    if (known) return known;
    const { name, phone, area, birth, sequence } = people[key];
    // Paid to the financial account of their social security card (社会保障卡金融账户).
    const account = { paymentAccountType: 'social-security-card' as const, paymentAccount: `621700${birth}${sequence}`, paymentBank: '中国建设银行厦门分行' };
    const person = await registerPerson(this.rt, this.staff.caseworker, { idNumber: idNumberOf(key), name, phone, hukouArea: area, residenceArea: area, ...account });
    this.personIds.set(key, person.id);
    this.created.persons++;
    return person.id;
  }

  /**
   * Registers every employer of the cast. One registered by hand before (the sample credit
   * codes are the ones people try first) is used as it is.
   */
  async registerEmployers(): Promise<void> {
    for (const [key, employer] of Object.entries(employers) as [EmployerKey, (typeof employers)[EmployerKey]][]) {
      try {
        this.employerIds.set(key, (await registerEmployer(this.rt, this.staff.caseworker, employer)).id);
        this.created.employers++;
      } catch (error) {
        if (!isPlatformError(error, 'DUPLICATE_RECORD')) throw error;
        const { items } = await findEmployers(this.rt, this.staff.caseworker, { q: employer.creditCode, page: 1, pageSize: 1 });
        this.employerIds.set(key, items[0]!.id);
      }
    }
  }

  /** The id of a registered employer. */
  employer(key: EmployerKey): string {
    const id = this.employerIds.get(key);
    if (!id) throw new Error(`demo employer ${key} is not registered yet`);
    return id;
  }

  /** Opens a case at the caseworker's office; returns its id and number. */
  async open(processId: string, subjectId: string): Promise<{ id: string; caseNo: string }> {
    const opened = await startCase(this.rt, this.staff.caseworker, { processId, subjectId });
    return { id: opened.id, caseNo: opened.caseNo };
  }

  /** Sends an event as one of the staff, on the case's current version (timers and coordination move it too). */
  async send(by: StaffRole, caseId: string, type: string, data?: CaseData): Promise<void> {
    const user = this.staff[by];
    const { version } = await getCaseRow(this.rt, user, caseId);
    await sendEvent(this.rt, user, caseId, { type, data, version });
  }

  /** The demo user acting as `role`, for services other than cases. */
  user(role: StaffRole): SessionUser {
    return this.staff[role];
  }
}
