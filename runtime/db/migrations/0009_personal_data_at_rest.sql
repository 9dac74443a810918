ALTER TABLE "persons" DROP CONSTRAINT "persons_city_id_number_key";--> statement-breakpoint
ALTER TABLE "ledger_items" DROP CONSTRAINT "ledger_items_once_key";--> statement-breakpoint
DROP INDEX "persons_id_number_idx";--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "id_number_index" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "id_number_masked" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "phone_masked" text;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD COLUMN "id_number_index" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "id_number_index" text;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_city_id_number_index_key" ON "persons" USING btree ("city_code","id_number_index");--> statement-breakpoint
CREATE INDEX "persons_id_number_index_idx" ON "persons" USING btree ("id_number_index");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_items_once_key" ON "ledger_items" USING btree ("id_number_index","item","period");