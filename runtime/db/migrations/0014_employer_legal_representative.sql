ALTER TABLE "employers" ADD COLUMN "legal_rep_id_number" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "legal_rep_id_number_index" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "legal_rep_id_number_masked" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "established_on" date;--> statement-breakpoint
CREATE INDEX "employers_legal_rep_id_number_index_idx" ON "employers" USING btree ("legal_rep_id_number_index");