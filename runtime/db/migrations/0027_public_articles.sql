-- 就业工作网站: the published articles, a projection of the article-publishing cases kept by the case transaction; searched by jieba words in a GIN-indexed tsvector.
CREATE TABLE "public_articles" (
	"city_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"document_no" text,
	"summary" text NOT NULL,
	"body_html" text NOT NULL,
	"office_id" text NOT NULL,
	"office_name" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"attachments" jsonb NOT NULL,
	"search" "tsvector" NOT NULL,
	CONSTRAINT "public_articles_pkey" PRIMARY KEY("city_code","case_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "public_articles_case_key" ON "public_articles" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "public_articles_search_idx" ON "public_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "public_articles_category_idx" ON "public_articles" USING btree ("category","published_at");
