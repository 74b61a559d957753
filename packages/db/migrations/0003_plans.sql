CREATE TABLE "plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"issuer_code" text,
	"number" integer,
	"type_code" text DEFAULT 'KH' NOT NULL,
	"code" text,
	"issued_year" integer,
	"issued_on" date,
	"place" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"signer_position" text NOT NULL,
	"body" jsonb NOT NULL,
	"copied_from_plan_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_number_chk" CHECK (("plan"."number" IS NULL) = ("plan"."code" IS NULL) AND ("plan"."number" IS NULL OR "plan"."issued_year" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "plan_legal_basis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text,
	"issued_on" date,
	"title" text NOT NULL,
	"citation" text
);
--> statement-breakpoint
CREATE TABLE "plan_revision" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"letter" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"comparator" text NOT NULL,
	"goal_value" numeric NOT NULL,
	"goal_max" numeric,
	"unit" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_unit_group_code" text,
	"subject_record_kind" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_target_comparator_chk" CHECK ("plan_target"."comparator" IN ('eq','gte','lte','between')),
	CONSTRAINT "plan_target_unit_chk" CHECK ("plan_target"."unit" IN ('percent','count')),
	CONSTRAINT "plan_target_between_chk" CHECK (("plan_target"."comparator" = 'between') = ("plan_target"."goal_max" IS NOT NULL)),
	CONSTRAINT "plan_target_subject_chk" CHECK (("plan_target"."subject_type" = 'unit_group' AND "plan_target"."subject_unit_group_code" IS NOT NULL) OR ("plan_target"."subject_type" = 'record' AND "plan_target"."subject_record_kind" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "plan_theme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"bullets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_province_id_org_unit_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_legal_basis" ADD CONSTRAINT "plan_legal_basis_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revision" ADD CONSTRAINT "plan_revision_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_target" ADD CONSTRAINT "plan_target_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_theme" ADD CONSTRAINT "plan_theme_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_number_uq" ON "plan" USING btree ("province_id","issuer_code","number","issued_year");--> statement-breakpoint
CREATE INDEX "plan_province_year_idx" ON "plan" USING btree ("province_id","year");--> statement-breakpoint
CREATE INDEX "plan_code_idx" ON "plan" USING btree ("province_id","code");--> statement-breakpoint
CREATE INDEX "plan_legal_basis_plan_idx" ON "plan_legal_basis" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_legal_basis_number_idx" ON "plan_legal_basis" USING btree ("number");--> statement-breakpoint
CREATE INDEX "plan_revision_plan_idx" ON "plan_revision" USING btree ("plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_target_letter_uq" ON "plan_target" USING btree ("plan_id","letter");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_theme_code_uq" ON "plan_theme" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "plan_theme_parent_idx" ON "plan_theme" USING btree ("parent_id");