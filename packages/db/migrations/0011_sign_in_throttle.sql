CREATE TABLE "sign_in_throttle" (
	"username_key" text NOT NULL,
	"address" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_throttle_username_key_address_pk" PRIMARY KEY("username_key","address")
);
--> statement-breakpoint
ALTER TABLE "app_user" DROP COLUMN "failed_login_count";--> statement-breakpoint
ALTER TABLE "app_user" DROP COLUMN "locked_until";