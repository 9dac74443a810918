ALTER TABLE "tasks" ADD COLUMN "claimed_by" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "claimed_by" uuid;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
CREATE TABLE "task_assignments" (
	"city_code" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "task_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"task_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_user" uuid,
	"to_user" uuid,
	"by_user" uuid NOT NULL,
	"post" text,
	"reason" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "task_assignments_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_assignments_task_idx" ON "task_assignments" USING btree ("city_code","task_id");--> statement-breakpoint
CREATE INDEX "tasks_claimed_idx" ON "tasks" USING btree ("claimed_by") WHERE status = 'open';--> statement-breakpoint
-- Who claimed, released, handed over and reassigned a task is evidence, as the performance records are.
CREATE TRIGGER task_assignments_append_only BEFORE UPDATE OR DELETE ON task_assignments
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER task_assignments_no_truncate BEFORE TRUNCATE ON task_assignments FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
