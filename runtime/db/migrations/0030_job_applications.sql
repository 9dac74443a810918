-- 公共招聘网, citizen self-service: applications to postings (one per person and posting, by key), saved searches with their alerts and feeds, and the public account's message box.
CREATE TABLE "job_applications" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"vacancy_case_id" uuid NOT NULL,
	"referral_case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"note" text,
	"share_phone" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'sent' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"employment_case_id" uuid,
	CONSTRAINT "job_applications_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "job_applications_person_posting_key" UNIQUE("city_code","vacancy_case_id","person_id"),
	CONSTRAINT "job_applications_state_check" CHECK ("state" IN ('sent', 'seen', 'hired', 'declined'))
);
--> statement-breakpoint
CREATE INDEX "job_applications_posting_idx" ON "job_applications" USING btree ("employer_id","vacancy_case_id");--> statement-breakpoint
CREATE INDEX "job_applications_account_idx" ON "job_applications" USING btree ("account_id");--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"query_string" text NOT NULL,
	"query" jsonb NOT NULL,
	"feed_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "saved_searches_feed_token_key" UNIQUE("feed_token"),
	CONSTRAINT "saved_searches_account_query_key" UNIQUE("account_id","query_string")
);
--> statement-breakpoint
CREATE INDEX "saved_searches_checked_idx" ON "saved_searches" USING btree ("checked_at");--> statement-breakpoint
CREATE TABLE "account_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"saved_search_id" uuid,
	"postings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "account_messages_account_idx" ON "account_messages" USING btree ("account_id","created_at");
