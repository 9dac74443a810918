ALTER TABLE "persons" ADD COLUMN "hukou_type" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "emergency_contact_name" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "emergency_contact_phone" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "emergency_contact_phone_masked" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "social_security_card_no" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "social_security_card_no_masked" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "legal_rep_name" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "ownership_type" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "size" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "contact_phone_masked" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE TABLE "master_data_history" (
	"city_code" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "master_data_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"change_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text,
	"personal" boolean DEFAULT false NOT NULL,
	"old_masked" text,
	"new_masked" text,
	"reason" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "master_data_history_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
CREATE INDEX "master_data_history_subject_idx" ON "master_data_history" USING btree ("city_code","subject_type","subject_id");--> statement-breakpoint
-- A record's history is evidence, as the performance records are: once written it never changes.
CREATE TRIGGER master_data_history_append_only BEFORE UPDATE OR DELETE ON master_data_history
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER master_data_history_no_truncate BEFORE TRUNCATE ON master_data_history FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
