ALTER TABLE "persons" ADD COLUMN "statuses" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
UPDATE "persons" SET "statuses" = jsonb_strip_nulls(jsonb_build_object(
	'unemploymentStatus', NULLIF("unemployment_status", 'none'),
	'employmentStatus', NULLIF("employment_status", 'none'),
	'difficultyStatus', NULLIF("difficulty_status", 'none')
)) WHERE "unemployment_status" <> 'none' OR "employment_status" <> 'none' OR "difficulty_status" <> 'none';--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "unemployment_status";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "employment_status";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "difficulty_status";
