CREATE TABLE "obstacle" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"plan_id" uuid,
	"task_id" uuid,
	"plan_target_id" uuid,
	"report_id" uuid,
	"status" text DEFAULT 'raised' NOT NULL,
	"owner_role" text,
	"owner_unit_id" uuid,
	"due_date" date,
	"forward_note" text,
	"forwarded_at" timestamp with time zone,
	"direction" text,
	"directed_at" timestamp with time zone,
	"directed_by_name" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_name" text,
	"decline_reason" text,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "obstacle_kind_chk" CHECK ("obstacle"."kind" IN ('obstacle','proposal')),
	CONSTRAINT "obstacle_status_chk" CHECK ("obstacle"."status" IN ('raised','forwarded','directed','resolved','merged','declined')),
	CONSTRAINT "obstacle_owner_role_chk" CHECK ("obstacle"."owner_role" IS NULL OR "obstacle"."owner_role" IN ('dx_office','leadership','unit'))
);
--> statement-breakpoint
CREATE TABLE "obstacle_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"obstacle_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"action" text NOT NULL,
	"status_from" text,
	"status_to" text NOT NULL,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "obstacle_step_action_chk" CHECK ("obstacle_step"."action" IN ('raise','forward','merge','decline','direct','answer'))
);
--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_plan_target_id_plan_target_id_fk" FOREIGN KEY ("plan_target_id") REFERENCES "public"."plan_target"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_report_id_unit_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_report"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_owner_unit_id_org_unit_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_merged_into_id_obstacle_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."obstacle"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_step" ADD CONSTRAINT "obstacle_step_obstacle_id_obstacle_id_fk" FOREIGN KEY ("obstacle_id") REFERENCES "public"."obstacle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_step" ADD CONSTRAINT "obstacle_step_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "obstacle_province_status_idx" ON "obstacle" USING btree ("province_id","status","due_date");--> statement-breakpoint
CREATE INDEX "obstacle_unit_idx" ON "obstacle" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "obstacle_owner_unit_idx" ON "obstacle" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "obstacle_merged_into_idx" ON "obstacle" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "obstacle_report_idx" ON "obstacle" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "obstacle_step_obstacle_idx" ON "obstacle_step" USING btree ("obstacle_id","at");