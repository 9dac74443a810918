-- Public accounts of the public site (citizens and employers), apart from staff accounts, with their own sessions and mobile verification codes.
CREATE TABLE "public_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"login_index" text NOT NULL,
	"display_name" text NOT NULL,
	"mobile" text NOT NULL,
	"mobile_masked" text NOT NULL,
	"person_id" uuid,
	"employer_id" uuid,
	"credit_code" text,
	"agent_name" text,
	"password_hash" text NOT NULL,
	"refusal_reason" text,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_accounts_kind_check" CHECK ("kind" IN ('citizen', 'employer')),
	CONSTRAINT "public_accounts_status_check" CHECK ("status" IN ('active', 'pending', 'refused', 'disabled')),
	CONSTRAINT "public_accounts_citizen_person_check" CHECK ("kind" <> 'citizen' OR "person_id" IS NOT NULL),
	CONSTRAINT "public_accounts_employer_check" CHECK ("kind" <> 'employer' OR ("credit_code" IS NOT NULL AND "agent_name" IS NOT NULL AND ("status" <> 'active' OR "employer_id" IS NOT NULL)))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "public_accounts_login_key" ON "public_accounts" USING btree ("city_code", "kind", "login_index");
--> statement-breakpoint
CREATE TABLE "public_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL REFERENCES "public_accounts"("id") ON DELETE CASCADE,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "public_sessions_account_idx" ON "public_sessions" USING btree ("account_id");
--> statement-breakpoint
CREATE TABLE "public_verification_codes" (
	"mobile_index" text NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_verification_codes_pkey" PRIMARY KEY ("mobile_index", "purpose")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "opened_by_account" uuid;
--> statement-breakpoint
-- A citizen who signs up online is a person under real name from the start, created by no staff user.
ALTER TABLE "persons" ALTER COLUMN "created_by" DROP NOT NULL;
