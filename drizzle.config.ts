import { defineConfig } from 'drizzle-kit';

/** Generates journaled SQL migrations from the one schema; both backends run the same files. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './runtime/db/schema/index.ts',
  out: './runtime/db/migrations',
});
