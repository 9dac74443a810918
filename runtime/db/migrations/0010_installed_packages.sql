CREATE TABLE "packages" (
	"id" text NOT NULL,
	"version" text NOT NULL,
	"manifest" json NOT NULL,
	"flows" json NOT NULL,
	"installed_by" uuid,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packages_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_installed_by_users_id_fk" FOREIGN KEY ("installed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;