CREATE TABLE "import_stage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"file_name" text,
	"total" integer NOT NULL,
	"issues" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_stage_row" (
	"stage_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"identity" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"record" jsonb NOT NULL,
	"theme_ids" uuid[] NOT NULL,
	"model_ids" uuid[] NOT NULL,
	"attendee_ids" uuid[] NOT NULL,
	CONSTRAINT "import_stage_row_stage_id_row_pk" PRIMARY KEY("stage_id","row")
);
--> statement-breakpoint
ALTER TABLE "import_stage" ADD CONSTRAINT "import_stage_province_id_org_unit_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_stage" ADD CONSTRAINT "import_stage_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_stage_row" ADD CONSTRAINT "import_stage_row_stage_id_import_stage_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."import_stage"("id") ON DELETE cascade ON UPDATE no action;