-- 银行接口: payment batches to the bank and its reconciliations back over the exchange (runtime/ledger/bank-connector.ts).
-- Which exchange member sends a city's batches, and to which bank member.
CREATE TABLE "bank_connectors" (
	"city_code" text PRIMARY KEY NOT NULL,
	"member_code" text NOT NULL REFERENCES "exchange_members"("code"),
	"bank_member_code" text NOT NULL REFERENCES "exchange_members"("code"),
	CONSTRAINT "bank_connectors_member_bank_key" UNIQUE("member_code","bank_member_code")
);
--> statement-breakpoint
-- A batch sent to the bank, once: the key on the batch (and on its number) refuses a second sending,
-- whatever the code does; the message it went in is in the outbox.
CREATE TABLE "bank_transmissions" (
	"city_code" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"batch_no" text NOT NULL,
	"sender" text NOT NULL,
	"receiver" text NOT NULL,
	"message_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"reconciliation_id" uuid,
	"reconciliation_message_id" uuid,
	"reconciled_at" timestamp with time zone,
	CONSTRAINT "bank_transmissions_pkey" PRIMARY KEY("city_code","batch_id"),
	CONSTRAINT "bank_transmissions_batch_no_key" UNIQUE("city_code","batch_no"),
	CONSTRAINT "bank_transmissions_batch_fkey" FOREIGN KEY ("city_code","batch_id") REFERENCES "payment_batches"("city_code","id"),
	CONSTRAINT "bank_transmissions_message_fkey" FOREIGN KEY ("sender","message_id") REFERENCES "exchange_outbox"("sender","message_id")
);
