CREATE TABLE "plan_import_draft" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"file_name" text,
	"source" text NOT NULL,
	"source_text" text NOT NULL,
	"draft" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"plan_id" uuid,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_import_draft_source_chk" CHECK ("plan_import_draft"."source" IN ('text','ocr','docx','pdf')),
	CONSTRAINT "plan_import_draft_status_chk" CHECK ("plan_import_draft"."status" IN ('draft','confirmed','discarded')),
	CONSTRAINT "plan_import_draft_plan_chk" CHECK (("plan_import_draft"."status" = 'confirmed') = ("plan_import_draft"."plan_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "plan_import_draft" ADD CONSTRAINT "plan_import_draft_province_id_org_unit_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_import_draft" ADD CONSTRAINT "plan_import_draft_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_import_draft" ADD CONSTRAINT "plan_import_draft_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_import_draft_province_idx" ON "plan_import_draft" USING btree ("province_id","created_at");