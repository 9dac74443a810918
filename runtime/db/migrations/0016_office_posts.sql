ALTER TABLE "org_units" ADD COLUMN "standard_posts" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The offices seeded so far carry the whole post catalogue and keep gaining the posts of new processes.
UPDATE "org_units" SET "standard_posts" = true WHERE "kind" = 'office';
