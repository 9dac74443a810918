ALTER TABLE "persons" ADD COLUMN "payment_account_type" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "payment_account" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "payment_account_masked" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "payment_bank" text;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "payee_kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "payee_code" text;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "payee_name" text;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "payee_account" text;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "payee_account_masked" text;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "payee_bank" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payee_kind" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payee_code" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payee_code_index" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payee_name" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payee_account" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payee_account_masked" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payee_bank" text;