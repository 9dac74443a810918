import { and, asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { auditLog, importTemplates, type ImportKind } from '../db/schema/index.ts';
import { requireCity } from '../persons/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { importKind } from './import-kinds.ts';

type TemplateRow = typeof importTemplates.$inferSelect;

function templateView(row: TemplateRow) {
  return { id: row.id, kind: row.kind, name: row.name, mapping: row.mapping, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/** A template of the city for the kind, or NOT_FOUND. */
export async function templateInCity(db: Executor, cityCode: string, id: string, kind: ImportKind): Promise<TemplateRow> {
  const [row] = await db.select().from(importTemplates).where(and(eq(importTemplates.cityCode, cityCode), eq(importTemplates.id, id), eq(importTemplates.kind, kind))).limit(1);
  if (!row) throw new PlatformError('NOT_FOUND', { details: { importTemplate: id } });
  return row;
}

/** The city's column mappings, by kind and name. */
export async function listTemplates(rt: RuntimeContext, user: SessionUser, kind?: string) {
  const cityCode = requireCity(user);
  const rows = await rt.db.select().from(importTemplates).where(and(eq(importTemplates.cityCode, cityCode), kind ? eq(importTemplates.kind, importKind(kind, rt.registry).kind) : undefined)).orderBy(asc(importTemplates.kind), asc(importTemplates.name));
  return { items: rows.map(templateView) };
}

/**
 * Saves a column mapping under a name for a kind (a name saved again is replaced), audited. Each
 * mapped field must be one the kind has (`BAD_REQUEST` naming the others); fields left out are
 * read by their default headers.
 */
export async function saveTemplate(rt: RuntimeContext, user: SessionUser, input: { kind: ImportKind; name: string; mapping: Record<string, string> }) {
  const cityCode = requireCity(user);
  const spec = importKind(input.kind, rt.registry);
  const unknown = Object.keys(input.mapping).filter((field) => !spec.fields.some((known) => known.id === field));
  if (unknown.length > 0) throw new PlatformError('BAD_REQUEST', { details: { unknownFields: unknown, fields: spec.fields.map((field) => field.id) } });
  const now = rt.clock();
  const mapping = Object.fromEntries(Object.entries(input.mapping).map(([field, header]) => [field, header.trim()]).filter(([, header]) => header !== ''));
  const row = await rt.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(importTemplates)
      .values({ cityCode, id: randomUUID(), kind: input.kind, name: input.name.trim(), mapping, updatedBy: user.id, updatedAt: now })
      .onConflictDoUpdate({ target: [importTemplates.cityCode, importTemplates.kind, importTemplates.name], set: { mapping, updatedBy: user.id, updatedAt: now } })
      .returning();
    await tx.insert(auditLog).values({ cityCode, actorId: user.id, action: 'import.template', target: saved!.id, details: { kind: input.kind, name: saved!.name, mapping }, at: now });
    return saved!;
  });
  return templateView(row);
}
