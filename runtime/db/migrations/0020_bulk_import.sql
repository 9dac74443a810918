CREATE TABLE "import_templates" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "import_templates_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "import_templates_city_kind_name_key" UNIQUE("city_code","kind","name")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"file_type" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"template_id" uuid,
	"status" text NOT NULL,
	"total_rows" integer NOT NULL,
	"accepted_rows" integer NOT NULL,
	"warning_rows" integer NOT NULL,
	"error_rows" integer NOT NULL,
	"commit_total" integer NOT NULL,
	"committed_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"cursor" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"org_unit_id" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"committed_at" timestamp with time zone,
	"discarded_by" uuid,
	"discarded_at" timestamp with time zone,
	CONSTRAINT "import_jobs_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"city_code" text NOT NULL,
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"key_index" text NOT NULL,
	"values" jsonb NOT NULL,
	CONSTRAINT "import_rows_pkey" PRIMARY KEY("city_code","job_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "import_issues" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_issues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"city_code" text NOT NULL,
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"field" text NOT NULL,
	"severity" text NOT NULL,
	"code" text NOT NULL,
	"value" text,
	"reason" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_discarded_by_users_id_fk" FOREIGN KEY ("discarded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_jobs_city_kind_hash_key" ON "import_jobs" USING btree ("city_code","kind","file_hash") WHERE status <> 'discarded';--> statement-breakpoint
CREATE INDEX "import_jobs_uploaded_idx" ON "import_jobs" USING btree ("city_code","uploaded_at");--> statement-breakpoint
CREATE INDEX "import_issues_job_idx" ON "import_issues" USING btree ("city_code","job_id","row_no");--> statement-breakpoint
-- Records brought in by a bulk import name it (the import history says who uploaded and who approved).
ALTER TABLE "persons" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "import_id" uuid;
