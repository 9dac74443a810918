CREATE TABLE "org_units" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"city_code" text,
	CONSTRAINT "org_units_path_unique" UNIQUE("path")
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "posts_org_unit_code_key" UNIQUE("org_unit_id","code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"org_unit_id" text NOT NULL,
	"post_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"check_override" jsonb,
	"org_unit_id" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employers_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "employers_city_credit_code_key" UNIQUE("city_code","credit_code")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"id_number" text NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"phone" text,
	"hukou_area" text,
	"residence_area" text,
	"address" text,
	"unemployment_status" text DEFAULT 'none' NOT NULL,
	"employment_status" text DEFAULT 'none' NOT NULL,
	"certificate_no" text,
	"org_unit_id" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "persons_city_id_number_key" UNIQUE("city_code","id_number")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"city_code" text,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"details" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"city_code" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"process_id" text NOT NULL,
	"definition_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"event" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"post" text,
	"org_unit_id" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"on_time" boolean,
	"data" jsonb NOT NULL,
	"cause" jsonb,
	CONSTRAINT "case_events_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "case_events_case_seq_key" UNIQUE("city_code","case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"process_id" text NOT NULL,
	"definition_id" uuid NOT NULL,
	"plugin_id" text NOT NULL,
	"plugin_version" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"org_path" text NOT NULL,
	"state" text NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "cases_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "cases_city_case_no_key" UNIQUE("city_code","case_no")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"city_code" text NOT NULL,
	"name" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "counters_pkey" PRIMARY KEY("city_code","name")
);
--> statement-breakpoint
CREATE TABLE "definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"version" integer NOT NULL,
	"plugin_id" text NOT NULL,
	"plugin_version" text NOT NULL,
	"scope_org_unit_id" text NOT NULL,
	"definition" json NOT NULL,
	"hash" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "definitions_process_scope_version_key" UNIQUE("process_id","scope_org_unit_id","version")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"city_code" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event" text NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outbox_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
CREATE TABLE "outbox_deliveries" (
	"city_code" text NOT NULL,
	"outbox_id" bigint NOT NULL,
	"subscriber" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outbox_deliveries_pkey" PRIMARY KEY("city_code","outbox_id","subscriber")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"state" text NOT NULL,
	"role" text NOT NULL,
	"post" text,
	"org_unit_id" text NOT NULL,
	"org_path" text NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_event" text,
	CONSTRAINT "tasks_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
CREATE TABLE "timers" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"fire_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	CONSTRAINT "timers_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_definition_id_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "definitions" ADD CONSTRAINT "definitions_scope_org_unit_id_org_units_id_fk" FOREIGN KEY ("scope_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "definitions" ADD CONSTRAINT "definitions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_path_idx" ON "org_units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "employers_id_idx" ON "employers" USING btree ("id");--> statement-breakpoint
CREATE INDEX "persons_id_number_idx" ON "persons" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "persons_id_idx" ON "persons" USING btree ("id");--> statement-breakpoint
CREATE INDEX "case_events_process_left_idx" ON "case_events" USING btree ("process_id","left_at");--> statement-breakpoint
CREATE INDEX "cases_id_idx" ON "cases" USING btree ("id");--> statement-breakpoint
CREATE INDEX "cases_subject_idx" ON "cases" USING btree ("city_code","subject_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_one_active_key" ON "cases" USING btree ("city_code","process_id","subject_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "cases_org_path_idx" ON "cases" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tasks_case_idx" ON "tasks" USING btree ("city_code","case_id");--> statement-breakpoint
CREATE INDEX "tasks_open_idx" ON "tasks" USING btree ("status","org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "timers_due_idx" ON "timers" USING btree ("fire_at");