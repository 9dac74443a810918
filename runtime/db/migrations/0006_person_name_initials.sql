ALTER TABLE "persons" ADD COLUMN "name_initials" text;--> statement-breakpoint
CREATE INDEX "persons_name_initials_idx" ON "persons" USING btree ("name_initials" text_pattern_ops);