CREATE SEQUENCE "public"."calendar_version_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "calendar_schedules" (
	"scope_org_unit_id" text NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"notice_number" text,
	"notice_title" text NOT NULL,
	"notice_date" date,
	"days" jsonb NOT NULL,
	"changed_from" date,
	"source" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_schedules_pkey" PRIMARY KEY("scope_org_unit_id","year","version")
);
--> statement-breakpoint
CREATE TABLE "calendar_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "calendar_state_one_row" CHECK ("calendar_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "deadline_moves" (
	"city_code" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "deadline_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"state" text NOT NULL,
	"target" text NOT NULL,
	"event" text,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"from_provisional" boolean NOT NULL,
	"to_provisional" boolean NOT NULL,
	"calendar_version" integer NOT NULL,
	"escalation_withdrawn" boolean DEFAULT false NOT NULL,
	"moved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deadline_moves_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
CREATE TABLE "record_revisions" (
	"city_code" text NOT NULL,
	"case_event_id" bigint NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"on_time" boolean NOT NULL,
	"calendar_version" integer NOT NULL,
	"revised_at" timestamp with time zone NOT NULL,
	CONSTRAINT "record_revisions_pkey" PRIMARY KEY("city_code","case_event_id")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "due_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "calendar_version" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "calendar_version" integer;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "calendar_version" integer;--> statement-breakpoint
ALTER TABLE "calendar_schedules" ADD CONSTRAINT "calendar_schedules_scope_org_unit_id_org_units_id_fk" FOREIGN KEY ("scope_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_schedules" ADD CONSTRAINT "calendar_schedules_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deadline_moves_case_idx" ON "deadline_moves" USING btree ("city_code","case_id");--> statement-breakpoint
CREATE INDEX "case_events_provisional_idx" ON "case_events" USING btree ("city_code","id") WHERE due_provisional;--> statement-breakpoint
-- A schedule once entered is a calendar version that old cases are counted with again; a deadline move is evidence.
CREATE TRIGGER calendar_schedules_append_only BEFORE UPDATE OR DELETE ON calendar_schedules
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER deadline_moves_append_only BEFORE UPDATE OR DELETE ON deadline_moves
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
