CREATE TABLE "budget_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estimate_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_estimate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text DEFAULT 'estimate' NOT NULL,
	"parent_id" uuid,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"step_index" integer,
	"returned_from_step" integer,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	CONSTRAINT "budget_estimate_kind_chk" CHECK ("budget_estimate"."kind" IN ('estimate','supplementary')),
	CONSTRAINT "budget_estimate_status_chk" CHECK ("budget_estimate"."status" IN ('draft','in_review','returned','approved')),
	CONSTRAINT "budget_estimate_round_chk" CHECK ("budget_estimate"."round" >= 1)
);
--> statement-breakpoint
CREATE TABLE "budget_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"estimate_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"action" text NOT NULL,
	"round" integer NOT NULL,
	"step_key" text,
	"step_label" text,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"revision_seq" integer,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_event_action_chk" CHECK ("budget_event"."action" IN ('create','edit','attach','submit','forward','adjust','return','approve'))
);
--> statement-breakpoint
CREATE TABLE "budget_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estimate_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"task_id" uuid,
	"content" text NOT NULL,
	"unit_cost" bigint NOT NULL,
	"quantity" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"requested_amount" bigint NOT NULL,
	"funding_source" text NOT NULL,
	"adjust_reason" text,
	"adjusted_by" uuid,
	"adjusted_at" timestamp with time zone,
	CONSTRAINT "budget_line_source_chk" CHECK ("budget_line"."funding_source" IN ('unit_regular','city_budget','other_lawful')),
	CONSTRAINT "budget_line_money_chk" CHECK ("budget_line"."unit_cost" >= 0 AND "budget_line"."amount" >= 0 AND "budget_line"."requested_amount" >= 0 AND "budget_line"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "budget_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estimate_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"round" integer NOT NULL,
	"kind" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_revision_kind_chk" CHECK ("budget_revision"."kind" IN ('submitted','adjusted','approved'))
);
--> statement-breakpoint
ALTER TABLE "budget_attachment" ADD CONSTRAINT "budget_attachment_estimate_id_budget_estimate_id_fk" FOREIGN KEY ("estimate_id") REFERENCES "public"."budget_estimate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_attachment" ADD CONSTRAINT "budget_attachment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_estimate" ADD CONSTRAINT "budget_estimate_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_estimate" ADD CONSTRAINT "budget_estimate_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_estimate" ADD CONSTRAINT "budget_estimate_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_event" ADD CONSTRAINT "budget_event_estimate_id_budget_estimate_id_fk" FOREIGN KEY ("estimate_id") REFERENCES "public"."budget_estimate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_event" ADD CONSTRAINT "budget_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_line" ADD CONSTRAINT "budget_line_estimate_id_budget_estimate_id_fk" FOREIGN KEY ("estimate_id") REFERENCES "public"."budget_estimate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_line" ADD CONSTRAINT "budget_line_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_line" ADD CONSTRAINT "budget_line_adjusted_by_app_user_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_revision" ADD CONSTRAINT "budget_revision_estimate_id_budget_estimate_id_fk" FOREIGN KEY ("estimate_id") REFERENCES "public"."budget_estimate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_revision" ADD CONSTRAINT "budget_revision_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_attachment_estimate_idx" ON "budget_attachment" USING btree ("estimate_id");--> statement-breakpoint
CREATE INDEX "budget_estimate_plan_idx" ON "budget_estimate" USING btree ("plan_id","status");--> statement-breakpoint
CREATE INDEX "budget_estimate_unit_idx" ON "budget_estimate" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "budget_estimate_parent_idx" ON "budget_estimate" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "budget_event_estimate_idx" ON "budget_event" USING btree ("estimate_id","id");--> statement-breakpoint
CREATE INDEX "budget_line_estimate_idx" ON "budget_line" USING btree ("estimate_id","position");--> statement-breakpoint
CREATE INDEX "budget_line_task_idx" ON "budget_line" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_revision_seq_uq" ON "budget_revision" USING btree ("estimate_id","seq");