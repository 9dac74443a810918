-- 全国查询 and the nationwide rule across provinces (runtime/national/README.md).
-- At the national node: who holds a nationwide status for an ID number (its blind index, the key the
-- federation shares), one province at a time. A province takes the claim over the exchange before it
-- commits the status, and gives it up when the status ends. Empty in a province's or a city's database.
CREATE TABLE "national_claims" (
	"id_number_index" text NOT NULL,
	"status_key" text NOT NULL,
	"holder" text NOT NULL,
	"case_id" uuid NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "national_claims_pkey" PRIMARY KEY("id_number_index","status_key")
);
--> statement-breakpoint
-- In a province's database: what the national node's foreign tables read (postgres_fdw), and nothing
-- more. A person is named only by the blind index of the ID number; no encrypted column, name, phone,
-- address or account leaves. The national node's role is granted SELECT on these views alone.
CREATE VIEW "national_person_statuses" AS
	SELECT "city_code", "id_number_index", "statuses", "updated_at" FROM "persons" WHERE "id_number_index" IS NOT NULL;
--> statement-breakpoint
CREATE VIEW "national_employers" AS
	SELECT "city_code", "credit_code", "name", "industry", "size", "ownership_type", "established_on" FROM "employers";
--> statement-breakpoint
CREATE VIEW "national_vacancies" AS
	SELECT "city_code", "case_no", "title", "employer_credit_code", "employer_name", "occupation", "occupation_name", "work_area_name", "headcount", "published_at", "valid_until"
	FROM "public_postings";
--> statement-breakpoint
-- At the national node: the provinces it reads, each through the foreign schema `province_<code>`
-- (postgres_fdw), and the exchange members that tell the province of each read of its people.
CREATE TABLE "national_provinces" (
	"code" text PRIMARY KEY NOT NULL CHECK ("code" ~ '^[1-9][0-9]0000$'),
	"name" text NOT NULL,
	"member_code" text NOT NULL REFERENCES "exchange_members"("code"),
	"national_member_code" text NOT NULL REFERENCES "exchange_members"("code")
);
