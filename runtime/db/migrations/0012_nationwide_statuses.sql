CREATE TABLE "nationwide_statuses" (
	"id_number_index" text NOT NULL,
	"status_key" text NOT NULL,
	"value" text NOT NULL,
	"city_code" text NOT NULL,
	"case_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nationwide_statuses_pkey" PRIMARY KEY("id_number_index","status_key")
);
--> statement-breakpoint
ALTER TABLE "nationwide_statuses" ADD CONSTRAINT "nationwide_statuses_holder_fk" FOREIGN KEY ("city_code","id_number_index") REFERENCES "public"."persons"("city_code","id_number_index") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
-- Carries over the registered unemployed, the one status the shipped packages declare nationwide. Where two
-- cities already hold it for one ID number (registered before the table made that impossible), the migration
-- keeps one and does not fail: the registration approved first (its case's record entering `registered`),
-- then a record with no such case, then the lower city code. The other city's person keeps its status; the
-- table only refuses it a new one while the kept registration stands.
INSERT INTO "nationwide_statuses" ("id_number_index", "status_key", "value", "city_code", "case_id", "updated_at")
SELECT DISTINCT ON (p."id_number_index") p."id_number_index", 'unemploymentStatus', 'registered', p."city_code", r."case_id", coalesce(r."registered_at", p."updated_at")
FROM "persons" p
LEFT JOIN LATERAL (
	SELECT c."id" AS "case_id", min(e."left_at") AS "registered_at"
	FROM "cases" c
	JOIN "case_events" e ON e."city_code" = c."city_code" AND e."case_id" = c."id" AND e."to_state" = 'registered'
	WHERE c."city_code" = p."city_code" AND c."subject_id" = p."id" AND c."process_id" = 'unemployment-registration' AND c."state" = 'registered'
	GROUP BY c."id"
	ORDER BY "registered_at"
	LIMIT 1
) r ON true
WHERE p."id_number_index" IS NOT NULL AND p."statuses"->>'unemploymentStatus' = 'registered'
ORDER BY p."id_number_index", r."registered_at" NULLS LAST, p."city_code";
