CREATE TABLE "channel" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"has_dx_section" boolean DEFAULT false NOT NULL,
	"dx_section_url" text,
	"dx_section_since" date,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_kind_chk" CHECK ("channel"."kind" IN ('newspaper','tv','radio','press_portal','portal','district_radio','commune_loudspeaker','zalo','facebook','youtube','other'))
);
--> statement-breakpoint
CREATE TABLE "dx_model" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"recognised_by" text,
	"recognised_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dx_model_kind_chk" CHECK ("dx_model"."kind" IN ('model','role_model')),
	CONSTRAINT "dx_model_recognition_chk" CHECK (("dx_model"."recognised_on" IS NULL) = ("dx_model"."recognised_by" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"organiser_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" integer,
	"is_dx" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_kind_chk" CHECK ("event"."kind" IN ('contest','workshop','extracurricular','other')),
	CONSTRAINT "event_level_chk" CHECK ("event"."level" IN ('city','district','unit')),
	CONSTRAINT "event_participants_chk" CHECK ("event"."participants" IS NULL OR "event"."participants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "event_theme" (
	"event_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "event_theme_event_id_theme_id_pk" PRIMARY KEY("event_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "import_batch" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"file_name" text,
	"rows" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"plan_target_id" uuid,
	"sent_by" uuid,
	"email_status" text NOT NULL,
	"email_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"email_error" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"role" text NOT NULL,
	"email" text,
	"phone" text,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_role_chk" CHECK ("person"."role" IN ('reporter','editor','grassroots_officer'))
);
--> statement-breakpoint
CREATE TABLE "publication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"published_on" date NOT NULL,
	"format" text NOT NULL,
	"is_dx" boolean DEFAULT true NOT NULL,
	"reach" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publication_format_chk" CHECK ("publication"."format" IN ('article','report','video','radio','infographic','post')),
	CONSTRAINT "publication_reach_chk" CHECK ("publication"."reach" IS NULL OR "publication"."reach" >= 0)
);
--> statement-breakpoint
CREATE TABLE "publication_model" (
	"publication_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	CONSTRAINT "publication_model_publication_id_model_id_pk" PRIMARY KEY("publication_id","model_id")
);
--> statement-breakpoint
CREATE TABLE "publication_theme" (
	"publication_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "publication_theme_publication_id_theme_id_pk" PRIMARY KEY("publication_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "target_definition" (
	"plan_target_id" uuid PRIMARY KEY NOT NULL,
	"province_id" uuid NOT NULL,
	"rule" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"organiser_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"training_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	CONSTRAINT "training_attendance_training_id_person_id_pk" PRIMARY KEY("training_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "unit_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"document_number" text NOT NULL,
	"document_date" date NOT NULL,
	"file_ref" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_plan_kind_chk" CHECK ("unit_plan"."kind" IN ('communication_plan','dx_plan','work_programme')),
	CONSTRAINT "unit_plan_status_chk" CHECK ("unit_plan"."status" IN ('submitted','accepted','returned'))
);
--> statement-breakpoint
ALTER TABLE "channel" ADD CONSTRAINT "channel_owner_unit_id_org_unit_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel" ADD CONSTRAINT "channel_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_model" ADD CONSTRAINT "dx_model_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_model" ADD CONSTRAINT "dx_model_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_organiser_unit_id_org_unit_id_fk" FOREIGN KEY ("organiser_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_theme" ADD CONSTRAINT "event_theme_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_theme" ADD CONSTRAINT "event_theme_theme_id_plan_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."plan_theme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_plan_target_id_plan_target_id_fk" FOREIGN KEY ("plan_target_id") REFERENCES "public"."plan_target"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication" ADD CONSTRAINT "publication_channel_id_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication" ADD CONSTRAINT "publication_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication" ADD CONSTRAINT "publication_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_model" ADD CONSTRAINT "publication_model_publication_id_publication_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publication"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_model" ADD CONSTRAINT "publication_model_model_id_dx_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."dx_model"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_theme" ADD CONSTRAINT "publication_theme_publication_id_publication_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publication"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_theme" ADD CONSTRAINT "publication_theme_theme_id_plan_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."plan_theme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_definition" ADD CONSTRAINT "target_definition_plan_target_id_plan_target_id_fk" FOREIGN KEY ("plan_target_id") REFERENCES "public"."plan_target"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_definition" ADD CONSTRAINT "target_definition_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training" ADD CONSTRAINT "training_organiser_unit_id_org_unit_id_fk" FOREIGN KEY ("organiser_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training" ADD CONSTRAINT "training_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_training_id_training_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."training"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_plan" ADD CONSTRAINT "unit_plan_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_plan" ADD CONSTRAINT "unit_plan_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_plan" ADD CONSTRAINT "unit_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_eval_idx" ON "channel" USING btree ("province_id","kind");--> statement-breakpoint
CREATE INDEX "channel_owner_idx" ON "channel" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "dx_model_eval_idx" ON "dx_model" USING btree ("province_id","recognised_on");--> statement-breakpoint
CREATE INDEX "dx_model_unit_idx" ON "dx_model" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "event_eval_idx" ON "event" USING btree ("province_id","held_on","kind","level");--> statement-breakpoint
CREATE INDEX "event_organiser_idx" ON "event" USING btree ("organiser_unit_id","held_on");--> statement-breakpoint
CREATE INDEX "notification_unit_idx" ON "notification" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_province_idx" ON "notification" USING btree ("province_id","created_at");--> statement-breakpoint
CREATE INDEX "person_eval_idx" ON "person" USING btree ("province_id","role");--> statement-breakpoint
CREATE INDEX "person_unit_idx" ON "person" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "publication_channel_date_idx" ON "publication" USING btree ("channel_id","published_on") WHERE "publication"."is_dx";--> statement-breakpoint
CREATE INDEX "publication_province_date_idx" ON "publication" USING btree ("province_id","published_on");--> statement-breakpoint
CREATE INDEX "publication_model_model_idx" ON "publication_model" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "publication_theme_theme_idx" ON "publication_theme" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "training_province_date_idx" ON "training" USING btree ("province_id","held_on");--> statement-breakpoint
CREATE INDEX "training_attendance_person_idx" ON "training_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "unit_plan_eval_idx" ON "unit_plan" USING btree ("province_id","year","status","unit_id");--> statement-breakpoint
CREATE INDEX "unit_plan_unit_idx" ON "unit_plan" USING btree ("unit_id","year");