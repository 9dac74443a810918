-- The channel its case came in by (window, coordination, import, online) on every performance record, so that
-- indicators can count and split the work by channel. Records written before are given their case's channel once,
-- here, with the append-only trigger held off for that one statement: the column is new, no recorded value changes.
ALTER TABLE "case_events" ADD COLUMN "channel" text;
--> statement-breakpoint
ALTER TABLE "case_events" DISABLE TRIGGER "case_events_append_only";
--> statement-breakpoint
UPDATE "case_events" e SET "channel" = CASE WHEN c.imported_from IS NOT NULL THEN 'import' WHEN c.opened_by_account IS NOT NULL THEN 'online'
  WHEN c.created_by IS NULL THEN 'coordination' ELSE 'window' END
  FROM "cases" c WHERE c.city_code = e.city_code AND c.id = e.case_id;
--> statement-breakpoint
UPDATE "case_events" SET "channel" = 'window' WHERE "channel" IS NULL;
--> statement-breakpoint
ALTER TABLE "case_events" ENABLE TRIGGER "case_events_append_only";
--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "channel" SET NOT NULL;
