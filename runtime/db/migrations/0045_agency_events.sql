-- Social insurance enrolment and stop events (runtime/agency-events): the agency's signed event message a case was
-- opened for (the exchange channel), once per process: the key makes a message taken twice open nothing, whatever
-- the code does. Null for every case that came in otherwise.
ALTER TABLE "cases" ADD COLUMN "exchange_sender" text;
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "exchange_message_id" uuid;
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_city_exchange_message_key" UNIQUE ("city_code", "process_id", "exchange_sender", "exchange_message_id");
--> statement-breakpoint
-- Each agency event a city took in, with the inbox row of its message: whom it named (null when unknown; no ID
-- number here, the payload stays sealed in the inbox), its outcome and what each declared prompt did.
CREATE TABLE "agency_events" (
	"city_code" text NOT NULL,
	"sender" text NOT NULL,
	"message_id" uuid NOT NULL,
	"service" text NOT NULL,
	"business_key" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"person_id" uuid,
	"employer_id" uuid,
	"outcome" text NOT NULL,
	"results" jsonb NOT NULL,
	CONSTRAINT "agency_events_pkey" PRIMARY KEY("city_code","sender","message_id"),
	CONSTRAINT "agency_events_message_fkey" FOREIGN KEY ("sender","message_id") REFERENCES "exchange_inbox"("sender","message_id")
);
--> statement-breakpoint
CREATE INDEX "agency_events_received_idx" ON "agency_events" USING btree ("city_code","received_at");
