CREATE TABLE "task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"section" text,
	"stt" text,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"lead_text" text NOT NULL,
	"coordinator_text" text DEFAULT '' NOT NULL,
	"time_frame_text" text NOT NULL,
	"time_frame_kind" text NOT NULL,
	"period_from" date,
	"period_to" date,
	"due_date" date,
	"output" text DEFAULT '' NOT NULL,
	"budget_text" text DEFAULT '' NOT NULL,
	"budget_amount" numeric,
	"note" text DEFAULT '' NOT NULL,
	"lead_group_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"import_batch_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_kind_chk" CHECK ("task"."time_frame_kind" IN ('continuous','annual','period','deadline','unknown'))
);
--> statement-breakpoint
CREATE TABLE "task_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"via_group_id" uuid,
	"status" text DEFAULT 'not_started' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_assignment_role_chk" CHECK ("task_assignment"."role" IN ('lead','coordinator')),
	CONSTRAINT "task_assignment_status_chk" CHECK ("task_assignment"."status" IN ('not_started','in_progress','done','blocked'))
);
--> statement-breakpoint
CREATE TABLE "task_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"update_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_reminder" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"assignment_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"local_date" date NOT NULL,
	"recipient_unit_id" uuid NOT NULL,
	"notification_id" uuid,
	"email_status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_reminder_kind_chk" CHECK ("task_reminder"."kind" IN ('due_in_7','due_in_3','due_today','overdue','escalation'))
);
--> statement-breakpoint
CREATE TABLE "task_target" (
	"task_id" uuid NOT NULL,
	"plan_target_id" uuid NOT NULL,
	CONSTRAINT "task_target_task_id_plan_target_id_pk" PRIMARY KEY("task_id","plan_target_id")
);
--> statement-breakpoint
CREATE TABLE "task_theme" (
	"task_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "task_theme_task_id_theme_id_pk" PRIMARY KEY("task_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "task_update" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"assignment_id" uuid,
	"province_id" uuid NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"status_from" text,
	"status_to" text,
	"note" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_update_kind_chk" CHECK ("task_update"."kind" IN ('progress','comment'))
);
--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignment" ADD CONSTRAINT "task_assignment_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignment" ADD CONSTRAINT "task_assignment_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignment" ADD CONSTRAINT "task_assignment_via_group_id_unit_group_id_fk" FOREIGN KEY ("via_group_id") REFERENCES "public"."unit_group"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignment" ADD CONSTRAINT "task_assignment_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_attachment" ADD CONSTRAINT "task_attachment_update_id_task_update_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."task_update"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reminder" ADD CONSTRAINT "task_reminder_assignment_id_task_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."task_assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reminder" ADD CONSTRAINT "task_reminder_recipient_unit_id_org_unit_id_fk" FOREIGN KEY ("recipient_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reminder" ADD CONSTRAINT "task_reminder_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_target" ADD CONSTRAINT "task_target_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_target" ADD CONSTRAINT "task_target_plan_target_id_plan_target_id_fk" FOREIGN KEY ("plan_target_id") REFERENCES "public"."plan_target"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_theme" ADD CONSTRAINT "task_theme_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_theme" ADD CONSTRAINT "task_theme_theme_id_plan_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."plan_theme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_update" ADD CONSTRAINT "task_update_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_update" ADD CONSTRAINT "task_update_assignment_id_task_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."task_assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_update" ADD CONSTRAINT "task_update_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_update" ADD CONSTRAINT "task_update_author_user_id_app_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_plan_idx" ON "task" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "task_province_due_idx" ON "task" USING btree ("province_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "task_assignment_unit_uq" ON "task_assignment" USING btree ("task_id","unit_id");--> statement-breakpoint
CREATE INDEX "task_assignment_unit_idx" ON "task_assignment" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "task_assignment_province_idx" ON "task_assignment" USING btree ("province_id","status");--> statement-breakpoint
CREATE INDEX "task_attachment_update_idx" ON "task_attachment" USING btree ("update_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_reminder_once_uq" ON "task_reminder" USING btree ("assignment_id","kind","local_date");--> statement-breakpoint
CREATE INDEX "task_reminder_task_idx" ON "task_reminder" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "task_theme_theme_idx" ON "task_theme" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "task_update_task_idx" ON "task_update" USING btree ("task_id","created_at");