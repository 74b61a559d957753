-- Data fix for installs seeded before this change (issue 11): Hải Phòng's merged departments began on 01/03/2025
-- (Nghị định 45/2025/NĐ-CP, in force 01/03/2025; seed.ts DEPARTMENT_MERGERS_2025), but the seed dated them
-- 01/07/2025, the day data/units/haiphong-agencies-2023.csv shows the city's agencies as they then stood. From
-- 01/03 to 30/06/2025 the units said Sở Thông tin và Truyền thông while the province's settings already named Sở
-- Khoa học và Công nghệ as the DX office's agency. Moves, for the seed's own departments only (source = that file,
-- names beginning "Sở", nothing edited by hand since: the dates are still the seed's), the end of the merged
-- departments, the start of the merged ones and their successions to 01/03/2025, audited. The press merger keeps
-- its date. Idempotent: a second run finds nothing dated 01/07/2025.
WITH "moved" AS (
	UPDATE "org_unit_version" v SET "valid_to" = DATE '2025-03-01'
	FROM "org_unit" u
	WHERE u."id" = v."unit_id" AND u."source" = 'haiphong-agencies-2023.csv' AND v."kind" = 'department'
		AND v."name" LIKE 'Sở %' AND v."valid_to" = DATE '2025-07-01'
		AND (v."valid_from" IS NULL OR v."valid_from" < DATE '2025-03-01')
		AND EXISTS (SELECT 1 FROM "org_unit_succession" s WHERE s."predecessor_unit_id" = v."unit_id"
			AND s."effective_date" = DATE '2025-07-01')
	RETURNING v."unit_id", u."province_id"
)
INSERT INTO "audit_log" ("actor_name", "action", "entity_type", "entity_id", "province_id", "after")
SELECT 'migration 0024', 'org_unit.ended', 'org_unit', m."unit_id"::text, m."province_id",
	jsonb_build_object('validTo', DATE '2025-03-01', 'legalBasis', 'Nghị định 45/2025/NĐ-CP (28/02/2025)')
FROM "moved" m;
--> statement-breakpoint
WITH "moved" AS (
	UPDATE "org_unit_version" v SET "valid_from" = DATE '2025-03-01'
	FROM "org_unit" u
	WHERE u."id" = v."unit_id" AND u."source" = 'haiphong-agencies-2023.csv' AND v."kind" = 'department'
		AND v."name" LIKE 'Sở %' AND v."valid_from" = DATE '2025-07-01'
		AND EXISTS (SELECT 1 FROM "org_unit_succession" s WHERE s."successor_unit_id" = v."unit_id"
			AND s."effective_date" = DATE '2025-07-01')
	RETURNING v."unit_id", u."province_id"
)
INSERT INTO "audit_log" ("actor_name", "action", "entity_type", "entity_id", "province_id", "after")
SELECT 'migration 0024', 'org_unit.started', 'org_unit', m."unit_id"::text, m."province_id",
	jsonb_build_object('validFrom', DATE '2025-03-01', 'legalBasis', 'Nghị định 45/2025/NĐ-CP (28/02/2025)')
FROM "moved" m;
--> statement-breakpoint
UPDATE "org_unit_succession" s SET "effective_date" = DATE '2025-03-01'
WHERE s."effective_date" = DATE '2025-07-01'
	AND EXISTS (SELECT 1 FROM "org_unit_version" v JOIN "org_unit" u ON u."id" = v."unit_id"
		WHERE v."unit_id" = s."predecessor_unit_id" AND u."source" = 'haiphong-agencies-2023.csv'
			AND v."kind" = 'department' AND v."valid_to" = DATE '2025-03-01');
