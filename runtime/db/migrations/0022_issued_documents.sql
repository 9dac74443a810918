-- Documents printed from a case (受理回执, 就业创业证, decision notices, summaries): the token their QR code carries and the hash of what they printed.
CREATE TABLE "issued_documents" (
	"city_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"token" text NOT NULL,
	"content_hash" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"superseded_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_reason" text,
	CONSTRAINT "issued_documents_pkey" PRIMARY KEY("city_code","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_token_key" ON "issued_documents" USING btree ("token");--> statement-breakpoint
CREATE INDEX "issued_documents_case_idx" ON "issued_documents" USING btree ("city_code","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_current_key" ON "issued_documents" USING btree ("city_code","case_id","kind") WHERE superseded_by IS NULL;
