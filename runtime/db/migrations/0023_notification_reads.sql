-- Notifications are derived from open tasks when asked; only which of them each user has marked read is kept.
CREATE TABLE "notification_reads" (
	"user_id" uuid NOT NULL,
	"city_code" text NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_reads_pkey" PRIMARY KEY("user_id","city_code","task_id","kind")
);
--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
