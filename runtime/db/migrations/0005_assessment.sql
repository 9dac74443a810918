CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" text NOT NULL,
	"rule" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"threshold" double precision NOT NULL,
	"status" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "alerts_unit_rule_period_key" UNIQUE("org_unit_id","rule","period")
);
--> statement-breakpoint
CREATE TABLE "indicator_approvals" (
	"org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb NOT NULL,
	"last_record_id" bigint NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"comment" text,
	"score" integer,
	CONSTRAINT "indicator_approvals_pkey" PRIMARY KEY("org_unit_id","period")
);
--> statement-breakpoint
CREATE TABLE "warning_thresholds" (
	"org_unit_id" text NOT NULL,
	"rule" text NOT NULL,
	"threshold" double precision NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "warning_thresholds_pkey" PRIMARY KEY("org_unit_id","rule")
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_approvals" ADD CONSTRAINT "indicator_approvals_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_approvals" ADD CONSTRAINT "indicator_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_approvals" ADD CONSTRAINT "indicator_approvals_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_thresholds" ADD CONSTRAINT "warning_thresholds_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_thresholds" ADD CONSTRAINT "warning_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;