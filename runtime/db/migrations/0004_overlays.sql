CREATE TABLE "overlay_drafts" (
	"process_id" text NOT NULL,
	"org_unit_id" text NOT NULL,
	"overlay" json NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "overlay_drafts_pkey" PRIMARY KEY("process_id","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "parameter_values" (
	"plugin_id" text NOT NULL,
	"parameter_id" text NOT NULL,
	"org_unit_id" text NOT NULL,
	"effective_from" date NOT NULL,
	"value" jsonb NOT NULL,
	"definition_id" uuid NOT NULL,
	CONSTRAINT "parameter_values_pkey" PRIMARY KEY("plugin_id","parameter_id","org_unit_id","effective_from")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "facts" jsonb;--> statement-breakpoint
ALTER TABLE "definitions" ADD COLUMN "overlay" json;--> statement-breakpoint
ALTER TABLE "definitions" ADD COLUMN "based_on" uuid;--> statement-breakpoint
ALTER TABLE "overlay_drafts" ADD CONSTRAINT "overlay_drafts_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overlay_drafts" ADD CONSTRAINT "overlay_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parameter_values" ADD CONSTRAINT "parameter_values_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parameter_values" ADD CONSTRAINT "parameter_values_definition_id_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."definitions"("id") ON DELETE no action ON UPDATE no action;