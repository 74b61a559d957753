CREATE TABLE "consolidated_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"report_date" date NOT NULL,
	"figures_date" date NOT NULL,
	"data" jsonb NOT NULL,
	"layout" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"issued_by_name" text NOT NULL,
	CONSTRAINT "consolidated_report_issuer_chk" CHECK ("consolidated_report"."issuer" IN ('committee','dx_office'))
);
--> statement-breakpoint
ALTER TABLE "consolidated_report" ADD CONSTRAINT "consolidated_report_period_id_report_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidated_report" ADD CONSTRAINT "consolidated_report_issued_by_app_user_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consolidated_report_period_issuer_uq" ON "consolidated_report" USING btree ("period_id","issuer");--> statement-breakpoint
-- Data fix for installs seeded before ab81ca4 (issue 11): the seed renamed some of Hải Dương's communes on
-- 01/01/2025 (from the 2025-07 merge mapping, packages/db/data/units/README.md) and left the new version open,
-- so those communes stayed in force after the province merged into its successor. They end on the date of the
-- succession that took them (01/07/2025, Nghị quyết 202/2025/QH15), as a fresh seed now writes.
WITH fixed AS (
	UPDATE "org_unit_version" v SET "valid_to" = s."effective_date"
	FROM "org_unit" u,
		(SELECT "predecessor_unit_id", min("effective_date") AS "effective_date"
			FROM "org_unit_succession" GROUP BY "predecessor_unit_id") s
	WHERE u."id" = v."unit_id" AND u."source" = 'haiduong-2023.csv' AND s."predecessor_unit_id" = v."unit_id"
		AND v."valid_to" IS NULL AND v."valid_from" IS NOT NULL AND v."valid_from" < s."effective_date"
	RETURNING v."unit_id", u."province_id", v."name", v."valid_to"
)
INSERT INTO "audit_log" ("actor_name", "action", "entity_type", "entity_id", "province_id", "after")
SELECT 'migration 0017', 'org_unit.version_end_fixed', 'org_unit', f."unit_id"::text, f."province_id",
	jsonb_build_object('name', f."name", 'validTo', f."valid_to")
FROM fixed f;
