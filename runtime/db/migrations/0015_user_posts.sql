CREATE TABLE "user_posts" (
	"user_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	CONSTRAINT "user_posts_pkey" PRIMARY KEY("user_id","post_id")
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_post_id_posts_id_fk";
--> statement-breakpoint
ALTER TABLE "user_posts" ADD CONSTRAINT "user_posts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_posts" ADD CONSTRAINT "user_posts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_posts_post_idx" ON "user_posts" USING btree ("post_id");--> statement-breakpoint
-- Each user's one post becomes their first held post.
INSERT INTO "user_posts" ("user_id", "post_id") SELECT "id", "post_id" FROM "users" WHERE "post_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "post_id";