import { json, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PackageManifest } from '../../../engine/index.ts';
import { users } from './organisation.ts';

/**
 * Process packages a ministry administrator installed through the API, every version kept: the
 * newest version of each package is loaded at start, over the shipped one when newer; cases
 * pinned to an earlier version's definitions keep them (`definitions` holds every version).
 */
export const packages = pgTable(
  'packages',
  {
    id: text('id').notNull(),
    version: text('version').notNull(),
    /** `plugin.json` as installed. `json`: the order of its lists is meaningful. */
    manifest: json('manifest').$type<PackageManifest>().notNull(),
    /** The flows it names, file name -> definition JSON. */
    flows: json('flows').$type<Record<string, unknown>>().notNull(),
    installedBy: uuid('installed_by').references(() => users.id),
    installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);
