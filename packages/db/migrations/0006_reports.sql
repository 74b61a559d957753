CREATE TABLE "report_period" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"required_group_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_period_kind_chk" CHECK ("report_period"."kind" IN ('quarter','half_year','year')),
	CONSTRAINT "report_period_status_chk" CHECK ("report_period"."status" IN ('open','closed')),
	CONSTRAINT "report_period_range_chk" CHECK ("report_period"."period_from" <= "report_period"."period_to")
);
--> statement-breakpoint
CREATE TABLE "report_period_unit" (
	"period_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"via_group_id" uuid,
	CONSTRAINT "report_period_unit_period_id_unit_id_pk" PRIMARY KEY("period_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "report_reminder" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"notification_id" uuid,
	"email_status" text NOT NULL,
	"sent_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"obstacles" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"figures" jsonb,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_by_name" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"review_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_report_status_chk" CHECK ("unit_report"."status" IN ('draft','submitted','returned','accepted'))
);
--> statement-breakpoint
CREATE TABLE "unit_report_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"action" text NOT NULL,
	"status_from" text,
	"status_to" text NOT NULL,
	"comment" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_report_event_action_chk" CHECK ("unit_report_event"."action" IN ('save','submit','return','accept'))
);
--> statement-breakpoint
ALTER TABLE "report_period" ADD CONSTRAINT "report_period_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_period" ADD CONSTRAINT "report_period_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_period" ADD CONSTRAINT "report_period_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_period_unit" ADD CONSTRAINT "report_period_unit_period_id_report_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_period_unit" ADD CONSTRAINT "report_period_unit_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_period_unit" ADD CONSTRAINT "report_period_unit_via_group_id_unit_group_id_fk" FOREIGN KEY ("via_group_id") REFERENCES "public"."unit_group"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_period_id_report_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_period_id_report_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report_event" ADD CONSTRAINT "unit_report_event_report_id_unit_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report_event" ADD CONSTRAINT "unit_report_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_period_plan_idx" ON "report_period" USING btree ("plan_id","period_from");--> statement-breakpoint
CREATE INDEX "report_period_province_idx" ON "report_period" USING btree ("province_id","due_date");--> statement-breakpoint
CREATE INDEX "report_period_unit_unit_idx" ON "report_period_unit" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "report_reminder_period_idx" ON "report_reminder" USING btree ("period_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_report_period_unit_uq" ON "unit_report" USING btree ("period_id","unit_id");--> statement-breakpoint
CREATE INDEX "unit_report_unit_idx" ON "unit_report" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "unit_report_period_status_idx" ON "unit_report" USING btree ("period_id","status");--> statement-breakpoint
CREATE INDEX "unit_report_event_report_idx" ON "unit_report_event" USING btree ("report_id","at");