CREATE TABLE "urging" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"subject" text NOT NULL,
	"issued_on" date NOT NULL,
	"as_of" date NOT NULL,
	"frame" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"delivery" jsonb DEFAULT '{"zalo":null,"sms":null}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "zalo_user_id" text;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "urging_id" uuid;--> statement-breakpoint
ALTER TABLE "urging" ADD CONSTRAINT "urging_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urging" ADD CONSTRAINT "urging_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "urging_number_uq" ON "urging" USING btree ("province_id","year","number");--> statement-breakpoint
CREATE INDEX "urging_plan_idx" ON "urging" USING btree ("plan_id","created_at");--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_urging_id_urging_id_fk" FOREIGN KEY ("urging_id") REFERENCES "public"."urging"("id") ON DELETE set null ON UPDATE no action;