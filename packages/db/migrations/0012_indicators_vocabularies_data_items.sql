CREATE TABLE "data_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"unit_of_measure" text NOT NULL,
	"reporting_unit_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reporting_group_code" text,
	"frequency" text NOT NULL,
	"aggregation" text NOT NULL,
	"may_exceed_population" boolean DEFAULT true NOT NULL,
	"population_item_id" uuid,
	"valid_from" date,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_item_unit_chk" CHECK ("data_item"."unit_of_measure" IN ('count','people','households','percent','vnd')),
	CONSTRAINT "data_item_frequency_chk" CHECK ("data_item"."frequency" IN ('month','quarter','half_year','year')),
	CONSTRAINT "data_item_aggregation_chk" CHECK ("data_item"."aggregation" IN ('sum','avg','last'))
);
--> statement-breakpoint
CREATE TABLE "data_value" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_value_status_chk" CHECK ("data_value"."status" IN ('draft','submitted','returned','accepted')),
	CONSTRAINT "data_value_value_chk" CHECK ("data_value"."value" >= 0),
	CONSTRAINT "data_value_period_chk" CHECK ("data_value"."period_to" >= "data_value"."period_from")
);
--> statement-breakpoint
CREATE TABLE "vocabulary_term" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"vocabulary" text NOT NULL,
	"code" text NOT NULL,
	"label_vi" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vocabulary_term_vocabulary_chk" CHECK ("vocabulary_term"."vocabulary" IN ('person_role','training_tag','event_kind','event_level','model_kind','channel_kind')),
	CONSTRAINT "vocabulary_term_code_chk" CHECK ("vocabulary_term"."code" ~ '^[A-Za-z0-9_.-]+$'),
	CONSTRAINT "vocabulary_term_valid_chk" CHECK ("vocabulary_term"."valid_to" IS NULL OR "vocabulary_term"."valid_from" IS NULL OR "vocabulary_term"."valid_to" > "vocabulary_term"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "channel" DROP CONSTRAINT "channel_kind_chk";--> statement-breakpoint
ALTER TABLE "dx_model" DROP CONSTRAINT "dx_model_kind_chk";--> statement-breakpoint
ALTER TABLE "event" DROP CONSTRAINT "event_kind_chk";--> statement-breakpoint
ALTER TABLE "event" DROP CONSTRAINT "event_level_chk";--> statement-breakpoint
ALTER TABLE "person" DROP CONSTRAINT "person_role_chk";--> statement-breakpoint
ALTER TABLE "data_item" ADD CONSTRAINT "data_item_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_item_id_data_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."data_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_item_code_uq" ON "data_item" USING btree ("province_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "data_value_unit_period_uq" ON "data_value" USING btree ("item_id","unit_id","period_from");--> statement-breakpoint
CREATE INDEX "data_value_eval_idx" ON "data_value" USING btree ("province_id","item_id","status","period_from");--> statement-breakpoint
CREATE UNIQUE INDEX "vocabulary_term_code_uq" ON "vocabulary_term" USING btree ("province_id","vocabulary","code");