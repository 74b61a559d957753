CREATE TABLE "province_setting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "province_setting_range_chk" CHECK ("province_setting"."valid_to" IS NULL OR "province_setting"."valid_from" IS NULL OR "province_setting"."valid_from" < "province_setting"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "province_settings_revision" (
	"province_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "province_setting" ADD CONSTRAINT "province_setting_province_id_org_unit_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_settings_revision" ADD CONSTRAINT "province_settings_revision_province_id_org_unit_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_settings_revision" ADD CONSTRAINT "province_settings_revision_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "province_setting_key_idx" ON "province_setting" USING btree ("province_id","key","valid_from");