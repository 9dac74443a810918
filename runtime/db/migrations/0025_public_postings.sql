-- 公共招聘网: the public postings, a projection of the published vacancy-posting cases kept by the case transaction; searched by jieba words in a GIN-indexed tsvector.
CREATE TABLE "public_postings" (
	"city_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"title" text NOT NULL,
	"employer_id" uuid NOT NULL,
	"employer_name" text NOT NULL,
	"employer_credit_code" text NOT NULL,
	"work_area" text NOT NULL,
	"district" text NOT NULL,
	"work_area_name" text NOT NULL,
	"occupation" text NOT NULL,
	"occupation_name" text NOT NULL,
	"industry" text,
	"industry_section" text,
	"industry_name" text,
	"pay_min_fen" bigint NOT NULL,
	"pay_max_fen" bigint NOT NULL,
	"pay_basis" text NOT NULL,
	"monthly_min_fen" bigint,
	"monthly_max_fen" bigint,
	"education" text NOT NULL,
	"employment_form" text NOT NULL,
	"headcount" integer NOT NULL,
	"skill_level" text,
	"experience_years" integer,
	"duties" text NOT NULL,
	"requirements" text,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"search" "tsvector" NOT NULL,
	CONSTRAINT "public_postings_pkey" PRIMARY KEY("city_code","case_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "public_postings_case_key" ON "public_postings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "public_postings_search_idx" ON "public_postings" USING gin ("search");--> statement-breakpoint
CREATE INDEX "public_postings_published_idx" ON "public_postings" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "public_postings_district_idx" ON "public_postings" USING btree ("district");