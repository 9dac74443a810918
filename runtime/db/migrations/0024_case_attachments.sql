-- Files attached to a case (scans of proofs), by step, encrypted at rest; withdrawn, never deleted.
CREATE TABLE "case_attachments" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"state" text,
	"event" text,
	"task_id" uuid,
	"event_seq" integer,
	"material" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" bytea NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_post" text,
	"uploaded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawn_by_name" text,
	"withdrawn_reason" text,
	CONSTRAINT "case_attachments_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("city_code","case_id");--> statement-breakpoint
CREATE INDEX "case_attachments_pending_idx" ON "case_attachments" USING btree ("city_code","case_id","state","event") WHERE event_seq IS NULL;