CREATE TABLE "ledger_history" (
	"city_code" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "ledger_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" uuid NOT NULL,
	"payment_id" uuid,
	"batch_id" uuid,
	"action" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"details" jsonb NOT NULL,
	CONSTRAINT "ledger_history_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
CREATE TABLE "ledger_items" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"id_number" text NOT NULL,
	"person_name" text NOT NULL,
	"subsidy_type" text NOT NULL,
	"item" text NOT NULL,
	"period" text NOT NULL,
	"fund" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"case_id" uuid NOT NULL,
	"prepared_by" text NOT NULL,
	"approved_by" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_items_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "ledger_items_once_key" UNIQUE("id_number","item","period"),
	CONSTRAINT "ledger_items_maker_checker" CHECK ("ledger_items"."prepared_by" <> "ledger_items"."approved_by"),
	CONSTRAINT "ledger_items_amount_positive" CHECK ("ledger_items"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_batches" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"batch_no" text NOT NULL,
	"fund" text NOT NULL,
	"status" text NOT NULL,
	"payment_count" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"sent_by" text,
	"sent_at" timestamp with time zone,
	"reconciled_at" timestamp with time zone,
	CONSTRAINT "payment_batches_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "payment_batches_city_batch_no_key" UNIQUE("city_code","batch_no"),
	CONSTRAINT "payment_batches_maker_checker" CHECK ("payment_batches"."sent_by" IS NULL OR "payment_batches"."sent_by" <> "payment_batches"."issued_by")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"payment_no" text NOT NULL,
	"item_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"id_number" text NOT NULL,
	"person_name" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"failure_reason" text,
	"bank_reference" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "payments_city_payment_no_key" UNIQUE("city_code","payment_no")
);
--> statement-breakpoint
CREATE TABLE "reconciliation_lines" (
	"city_code" text NOT NULL,
	"reconciliation_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"raw" text NOT NULL,
	"payment_no" text,
	"status" text NOT NULL,
	"reason" text,
	CONSTRAINT "reconciliation_lines_pkey" PRIMARY KEY("city_code","reconciliation_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "reconciliations" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"line_count" integer NOT NULL,
	"matched_count" integer NOT NULL,
	"unmatched_count" integer NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reconciliations_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "reconciliations_file_key" UNIQUE("city_code","file_sha256")
);
--> statement-breakpoint
DROP INDEX "timers_due_idx";--> statement-breakpoint
DROP INDEX "cases_one_active_key";--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "difficulty_status" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "unjustified_refusals" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "exclusive" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_deliveries" ADD COLUMN "outcome" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "escalated_to" text;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "event" text;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "otherwise" text;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "data" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "outcome" jsonb;--> statement-breakpoint
CREATE INDEX "ledger_history_item_idx" ON "ledger_history" USING btree ("city_code","item_id");--> statement-breakpoint
CREATE INDEX "ledger_items_case_idx" ON "ledger_items" USING btree ("city_code","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_live_key" ON "payments" USING btree ("city_code","item_id") WHERE status <> 'failed';--> statement-breakpoint
CREATE INDEX "payments_batch_idx" ON "payments" USING btree ("city_code","batch_id");--> statement-breakpoint
CREATE INDEX "timers_pending_idx" ON "timers" USING btree ("fire_at") WHERE fired_at IS NULL AND cancelled_at IS NULL;--> statement-breakpoint
CREATE INDEX "timers_case_idx" ON "timers" USING btree ("city_code","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_one_active_key" ON "cases" USING btree ("city_code","process_id","subject_id") WHERE status = 'active' AND exclusive;