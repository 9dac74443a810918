-- 公示: the unit offering the post (用人单位) beside the post on a notice that names one (the persons placed in public-welfare posts); an organisation's name, public. Rows written before keep none.
ALTER TABLE "public_notices" ADD COLUMN "employer" text;
