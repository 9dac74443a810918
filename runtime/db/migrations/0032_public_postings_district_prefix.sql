-- 公共招聘网: the district index with pattern operators, so that a search narrowed to a city or a province (district LIKE '3505%') reads only that city's postings through the index; under the database's collation (C.UTF-8 is not "C") the default operators serve equality only, and such a search read every posting matching its keyword.
DROP INDEX "public_postings_district_idx";--> statement-breakpoint
CREATE INDEX "public_postings_district_idx" ON "public_postings" USING btree ("district" text_pattern_ops);
