-- 全国人社政务服务平台 applications downloaded by the city (runtime/national-applications): the national application
-- number (申请编号) on the case it opened, once per city: the key makes a second download of the same application
-- open nothing, whatever the code does. Null for every case that came in otherwise; a national case's channel is `national`.
ALTER TABLE "cases" ADD COLUMN "national_application_no" text;
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_city_national_application_key" UNIQUE ("city_code", "national_application_no");
