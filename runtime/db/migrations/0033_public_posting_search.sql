-- 公共招聘网: the search side of each public posting in a narrow table of its own. A search and its facet counts read every open posting matching the keyword (32,597 rows for 普工 among 300,000), and read from the whole posting's row (about 920 bytes, half of it the weighted tsvector) that was 22,333 pages of a 278 MB table, more than a default server keeps in memory. The narrow row keeps what search filters, counts and ranks by: the facet values, every word once without positions, and the words of title and occupation (weight A) for relevance.
CREATE TABLE "public_posting_search" (
	"city_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"district" text NOT NULL,
	"occupation" text NOT NULL,
	"industry_section" text,
	"education" text NOT NULL,
	"employment_form" text NOT NULL,
	"monthly_min_fen" bigint,
	"monthly_max_fen" bigint,
	"published_at" timestamp with time zone NOT NULL,
	"valid_until" date NOT NULL,
	"words" tsvector NOT NULL,
	"rank_words" tsvector NOT NULL,
	CONSTRAINT "public_posting_search_pkey" PRIMARY KEY("city_code","case_id"),
	CONSTRAINT "public_posting_search_posting_fk" FOREIGN KEY ("city_code","case_id") REFERENCES "public_postings"("city_code","case_id") ON DELETE cascade
);--> statement-breakpoint
INSERT INTO "public_posting_search" SELECT "city_code", "case_id", "district", "occupation", "industry_section", "education", "employment_form", "monthly_min_fen", "monthly_max_fen", "published_at", "valid_until", strip("search"), ts_filter("search", '{a}') FROM "public_postings";--> statement-breakpoint
CREATE INDEX "public_posting_search_words_idx" ON "public_posting_search" USING gin ("words");--> statement-breakpoint
CREATE INDEX "public_posting_search_published_idx" ON "public_posting_search" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "public_posting_search_district_idx" ON "public_posting_search" USING btree ("district" text_pattern_ops);--> statement-breakpoint
DROP INDEX "public_postings_search_idx";--> statement-breakpoint
DROP INDEX "public_postings_published_idx";--> statement-breakpoint
DROP INDEX "public_postings_district_idx";--> statement-breakpoint
ALTER TABLE "public_postings" DROP COLUMN "search";
