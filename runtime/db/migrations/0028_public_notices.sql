-- 公示: the public notices, a projection of the cases in a state whose definition declares a public notice, kept by the case transaction.
CREATE TABLE "public_notices" (
	"city_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"process_id" text NOT NULL,
	"state" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"masked_name" text NOT NULL,
	"amount_fen" bigint,
	"post" text,
	"district" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_notices_pkey" PRIMARY KEY("city_code","case_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "public_notices_id_idx" ON "public_notices" USING btree ("id");--> statement-breakpoint
CREATE INDEX "public_notices_ends_idx" ON "public_notices" USING btree ("ends_at");--> statement-breakpoint
-- 异议: objections sent from a notice's page during its period; name and phone sealed, the address only as its blind index.
CREATE TABLE "notice_objections" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"phone_masked" text NOT NULL,
	"reason" text NOT NULL,
	"address_index" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_objections_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
CREATE INDEX "notice_objections_case_idx" ON "notice_objections" USING btree ("city_code","case_id");--> statement-breakpoint
CREATE INDEX "notice_objections_address_idx" ON "notice_objections" USING btree ("address_index","received_at");
