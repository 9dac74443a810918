import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Definition, LocalizedText } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { caseEvents } from '../db/schema/index.ts';

/** A remark of a review as the employer reads it: the form field's title and what the reviewer wrote. */
export interface ReviewRemark {
  title: LocalizedText;
  text: string;
}

/** The text fields of an event's form, in the form's order: what a reviewer writes to the employer (opinion, reason, what to revise). */
function textFields(definition: Definition, event: string, state: string): [string, LocalizedText][] {
  const formId = definition.states[state]?.on[event]?.form;
  const schema = formId === undefined ? undefined : (definition.forms[formId]?.schema as { properties?: Record<string, { type?: string; title?: string; 'x-i18n'?: { en?: string } }> } | undefined);
  return Object.entries(schema?.properties ?? {}).flatMap(([field, property]) =>
    property.type === 'string' && property.title ? [[field, { 'zh-CN': property.title, en: property['x-i18n']?.en ?? property.title }] as [string, LocalizedText]] : [],
  );
}

/**
 * The remarks of each posting's last review decision: the latest step a reviewer took that ended a
 * review (its target is no reviewer's task: published, rejected, sent back for revision,
 * suspended), with the text fields of its form. Steps inside a review (starting it, with its
 * internal note) are not shown; a posting never decided has none.
 */
export async function reviewRemarks(db: Executor, cityCode: string, postings: readonly { id: string; definition: Definition }[]): Promise<Map<string, ReviewRemark[]>> {
  const remarks = new Map<string, ReviewRemark[]>();
  if (postings.length === 0) return remarks;
  const rows = await db
    .select({ caseId: caseEvents.caseId, event: caseEvents.event, fromState: caseEvents.fromState, toState: caseEvents.toState, data: caseEvents.data })
    .from(caseEvents)
    .where(and(eq(caseEvents.cityCode, cityCode), inArray(caseEvents.caseId, postings.map((p) => p.id)), eq(caseEvents.actorRole, 'reviewer')))
    .orderBy(caseEvents.caseId, desc(caseEvents.seq));
  const definitions = new Map(postings.map((p) => [p.id, p.definition]));
  for (const row of rows) {
    const definition = definitions.get(row.caseId)!;
    if (remarks.has(row.caseId) || row.fromState === null || definition.states[row.toState]?.task?.role === 'reviewer') continue;
    const texts = textFields(definition, row.event, row.fromState).flatMap(([field, title]) => {
      const value = row.data[field];
      return typeof value === 'string' && value.trim() !== '' ? [{ title, text: value }] : [];
    });
    remarks.set(row.caseId, texts);
  }
  return remarks;
}
