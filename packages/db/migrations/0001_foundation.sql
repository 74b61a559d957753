CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"locale" text DEFAULT 'vi' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"province_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "org_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"source" text,
	"confidence" text,
	"source_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_unit_succession" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"predecessor_unit_id" uuid NOT NULL,
	"successor_unit_id" uuid NOT NULL,
	"share" text DEFAULT 'full' NOT NULL,
	"effective_date" date NOT NULL,
	"reorganisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "org_unit_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"admin_type" text,
	"parent_unit_id" uuid,
	"valid_from" date,
	"valid_to" date,
	"search_text" text GENERATED ALWAYS AS (lower(f_unaccent(name || ' ' || coalesce(code, '')))) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_unit_version_range_chk" CHECK ("org_unit_version"."valid_to" IS NULL OR "org_unit_version"."valid_from" IS NULL OR "org_unit_version"."valid_from" < "org_unit_version"."valid_to"),
	CONSTRAINT "org_unit_version_kind_chk" CHECK ("org_unit_version"."kind" IN ('province','department','district','commune','press_agency','school','mass_organisation','enterprise','other'))
);
--> statement-breakpoint
CREATE TABLE "reorganisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"type" text NOT NULL,
	"effective_date" date NOT NULL,
	"legal_basis" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_grant_role_chk" CHECK ("role_grant"."role" IN ('administrator','dx_office','finance','leadership','unit_officer','viewer'))
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"rule" jsonb,
	"is_system" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_group_member" (
	"group_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "unit_group_member_group_id_unit_id_pk" PRIMARY KEY("group_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "org_unit_succession" ADD CONSTRAINT "org_unit_succession_predecessor_unit_id_org_unit_id_fk" FOREIGN KEY ("predecessor_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_succession" ADD CONSTRAINT "org_unit_succession_successor_unit_id_org_unit_id_fk" FOREIGN KEY ("successor_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_succession" ADD CONSTRAINT "org_unit_succession_reorganisation_id_reorganisation_id_fk" FOREIGN KEY ("reorganisation_id") REFERENCES "public"."reorganisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_version" ADD CONSTRAINT "org_unit_version_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_version" ADD CONSTRAINT "org_unit_version_parent_unit_id_org_unit_id_fk" FOREIGN KEY ("parent_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_group" ADD CONSTRAINT "unit_group_province_id_org_unit_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_group_member" ADD CONSTRAINT "unit_group_member_group_id_unit_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."unit_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_group_member" ADD CONSTRAINT "unit_group_member_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_username_uq" ON "app_user" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_province_idx" ON "audit_log" USING btree ("province_id","at");--> statement-breakpoint
CREATE INDEX "org_unit_province_idx" ON "org_unit" USING btree ("province_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_unit_succession_pair_uq" ON "org_unit_succession" USING btree ("predecessor_unit_id","successor_unit_id");--> statement-breakpoint
CREATE INDEX "org_unit_succession_successor_idx" ON "org_unit_succession" USING btree ("successor_unit_id");--> statement-breakpoint
CREATE INDEX "org_unit_version_unit_idx" ON "org_unit_version" USING btree ("unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "org_unit_version_parent_idx" ON "org_unit_version" USING btree ("parent_unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "org_unit_version_code_idx" ON "org_unit_version" USING btree ("code");--> statement-breakpoint
CREATE INDEX "org_unit_version_search_idx" ON "org_unit_version" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "role_grant_user_idx" ON "role_grant" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_group_code_uq" ON "unit_group" USING btree ("province_id","code");