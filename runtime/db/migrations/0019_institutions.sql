CREATE TABLE "institutions" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"licence_no" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"occupations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"check_override" jsonb,
	"org_unit_id" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_pkey" PRIMARY KEY("city_code","id"),
	CONSTRAINT "institutions_city_credit_code_kind_key" UNIQUE("city_code","credit_code","kind"),
	CONSTRAINT "institutions_validity_check" CHECK ("institutions"."valid_from" <= "institutions"."valid_until")
);
--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institutions_id_idx" ON "institutions" USING btree ("id");
