-- Dead letters: a message of the outbox the receiver refused as repeating cannot change (an HTTP 4xx answer other than
-- 403, 408, 421 and 429), or that was not acknowledged after the last attempt, is given up (`dead`, with `dead_at`) instead of
-- being tried every six hours for ever; an administrator puts it back once the cause is mended (runtime/exchange/dead-letters.ts).
ALTER TABLE "exchange_outbox" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_status_check" CHECK ("exchange_outbox"."status" IN ('pending', 'delivered', 'dead'));
