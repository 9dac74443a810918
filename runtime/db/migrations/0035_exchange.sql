-- 数据交换: the signed exchange between organisations (runtime/exchange): members and their keys, the sender's outbox, the receiver's inbox (each envelope kept without its payload, the payload sealed by the key ring as personal data is), the hash-chained message log, the pull feed's cursors.
CREATE TABLE "exchange_members" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_keys" (
	"member_code" text NOT NULL REFERENCES "exchange_members"("code"),
	"key_id" text NOT NULL,
	"algorithm" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	CONSTRAINT "exchange_keys_pkey" PRIMARY KEY("member_code","key_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_outbox" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_outbox_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" uuid NOT NULL,
	"sender" text NOT NULL,
	"receiver" text NOT NULL,
	"service" text NOT NULL,
	"business_key" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"payload_sealed" text NOT NULL,
	"envelope_hash" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"acknowledgement" jsonb,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_outbox_message_idx" ON "exchange_outbox" USING btree ("sender","message_id");--> statement-breakpoint
CREATE INDEX "exchange_outbox_due_idx" ON "exchange_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "exchange_outbox_feed_idx" ON "exchange_outbox" USING btree ("receiver","seq");--> statement-breakpoint
CREATE TABLE "exchange_inbox" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_inbox_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" uuid NOT NULL,
	"sender" text NOT NULL,
	"receiver" text NOT NULL,
	"service" text NOT NULL,
	"business_key" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"payload_sealed" text NOT NULL,
	"envelope_hash" text NOT NULL,
	"acknowledgement" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_inbox_message_idx" ON "exchange_inbox" USING btree ("sender","message_id");--> statement-breakpoint
CREATE INDEX "exchange_inbox_receiver_idx" ON "exchange_inbox" USING btree ("receiver","seq");--> statement-breakpoint
CREATE TABLE "exchange_log" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_log_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_code" text NOT NULL,
	"direction" text NOT NULL,
	"message_id" uuid NOT NULL,
	"envelope_hash" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_log_direction" CHECK ("direction" IN ('sent', 'received'))
);
--> statement-breakpoint
CREATE INDEX "exchange_log_member_idx" ON "exchange_log" USING btree ("member_code","seq");--> statement-breakpoint
-- The message log is evidence of what was sent and received: once written it never changes.
CREATE TRIGGER exchange_log_append_only BEFORE UPDATE OR DELETE ON exchange_log
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER exchange_log_no_truncate BEFORE TRUNCATE ON exchange_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TABLE "exchange_log_heads" (
	"member_code" text PRIMARY KEY NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_cursors" (
	"consumer" text NOT NULL,
	"provider" text NOT NULL,
	"after" bigint NOT NULL,
	CONSTRAINT "exchange_cursors_pkey" PRIMARY KEY("consumer","provider")
);
