CREATE TABLE "province_catalogue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"admin_type" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"predecessor_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"legal_basis" text,
	CONSTRAINT "province_catalogue_range_chk" CHECK ("province_catalogue"."valid_to" IS NULL OR "province_catalogue"."valid_from" IS NULL OR "province_catalogue"."valid_from" < "province_catalogue"."valid_to"),
	CONSTRAINT "province_catalogue_type_chk" CHECK ("province_catalogue"."admin_type" IN ('Tỉnh','Thành phố Trung ương'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "province_catalogue_code_from_uq" ON "province_catalogue" USING btree ("code","valid_from");--> statement-breakpoint
CREATE INDEX "province_catalogue_name_idx" ON "province_catalogue" USING btree ("name");