-- Data fix for installs seeded before this change (issue 11): Hải Phòng's 01/01/2025 arrangement (Nghị quyết
-- 1232/NQ-UBTVQH15 of 24/10/2024) ended 50 communes, and the seed recorded none of their successors, so their
-- records counted nowhere from that date. Adds the successions a fresh seed now writes from
-- packages/db/data/units/haiphong-successions-2025-01.csv (the pairs below are that file's rows with a successor;
-- packages/db/src/seed/seed-successions-2025-01.test.ts checks they agree), under one reorganisation, audited.
-- Idempotent: a unit that already has a successor is left alone; installs without the seed get nothing.
WITH "pairs"("old_code", "new_code") AS (VALUES
		('11347', '11341'),
		('11362', '11365'),
		('11377', '11401'),
		('11380', '11383'),
		('11392', '11395'),
		('11476', '11485'),
		('11563', '11560'),
		('11566', '11569'),
		('11611', '11581')),
"matched" AS (
	SELECT DISTINCT o."id" AS "predecessor_unit_id", n."id" AS "successor_unit_id", o."province_id"
	FROM "pairs" p
	JOIN "org_unit" o ON o."source" = 'haiphong-2023.csv'
	JOIN "org_unit" n ON n."source" = 'haiphong-2023.csv' AND n."province_id" = o."province_id"
	WHERE EXISTS (SELECT 1 FROM "org_unit_version" v WHERE v."unit_id" = o."id" AND v."code" = p."old_code")
		AND (SELECT max(v."valid_to") FROM "org_unit_version" v WHERE v."unit_id" = o."id") = DATE '2025-01-01'
		AND NOT EXISTS (SELECT 1 FROM "org_unit_version" v WHERE v."unit_id" = o."id" AND v."valid_to" IS NULL)
		-- the successor: the unit bearing the new code on 01/03/2025 (codes are reused, so only with the date)
		AND EXISTS (SELECT 1 FROM "org_unit_version" v WHERE v."unit_id" = n."id" AND v."code" = p."new_code"
			AND (v."valid_from" IS NULL OR v."valid_from" <= DATE '2025-03-01')
			AND (v."valid_to" IS NULL OR v."valid_to" > DATE '2025-03-01'))
		-- a succession someone already recorded for the unit (by hand, or a later seed) is left as it is
		AND NOT EXISTS (SELECT 1 FROM "org_unit_succession" s WHERE s."predecessor_unit_id" = o."id")
)
INSERT INTO "reorganisation" ("province_id", "type", "effective_date", "legal_basis", "note")
SELECT DISTINCT m."province_id", 'merge', DATE '2025-01-01', 'Nghị quyết 1232/NQ-UBTVQH15 (24/10/2024)',
	'Sắp xếp ĐVHC cấp huyện, cấp xã của thành phố Hải Phòng giai đoạn 2023–2025 (migration 0020)'
FROM "matched" m
WHERE NOT EXISTS (SELECT 1 FROM "reorganisation" r WHERE r."province_id" = m."province_id"
	AND r."effective_date" = DATE '2025-01-01' AND r."legal_basis" = 'Nghị quyết 1232/NQ-UBTVQH15 (24/10/2024)');
--> statement-breakpoint
WITH "pairs"("old_code", "new_code") AS (VALUES
		('11347', '11341'),
		('11362', '11365'),
		('11377', '11401'),
		('11380', '11383'),
		('11392', '11395'),
		('11476', '11485'),
		('11563', '11560'),
		('11566', '11569'),
		('11611', '11581')),
"matched" AS (
	SELECT DISTINCT o."id" AS "predecessor_unit_id", n."id" AS "successor_unit_id", o."province_id"
	FROM "pairs" p
	JOIN "org_unit" o ON o."source" = 'haiphong-2023.csv'
	JOIN "org_unit" n ON n."source" = 'haiphong-2023.csv' AND n."province_id" = o."province_id"
	WHERE EXISTS (SELECT 1 FROM "org_unit_version" v WHERE v."unit_id" = o."id" AND v."code" = p."old_code")
		AND (SELECT max(v."valid_to") FROM "org_unit_version" v WHERE v."unit_id" = o."id") = DATE '2025-01-01'
		AND NOT EXISTS (SELECT 1 FROM "org_unit_version" v WHERE v."unit_id" = o."id" AND v."valid_to" IS NULL)
		-- the successor: the unit bearing the new code on 01/03/2025 (codes are reused, so only with the date)
		AND EXISTS (SELECT 1 FROM "org_unit_version" v WHERE v."unit_id" = n."id" AND v."code" = p."new_code"
			AND (v."valid_from" IS NULL OR v."valid_from" <= DATE '2025-03-01')
			AND (v."valid_to" IS NULL OR v."valid_to" > DATE '2025-03-01'))
		-- a succession someone already recorded for the unit (by hand, or a later seed) is left as it is
		AND NOT EXISTS (SELECT 1 FROM "org_unit_succession" s WHERE s."predecessor_unit_id" = o."id")
),
"added" AS (
	INSERT INTO "org_unit_succession" ("predecessor_unit_id", "successor_unit_id", "share", "effective_date", "reorganisation_id")
	SELECT m."predecessor_unit_id", m."successor_unit_id", 'full', DATE '2025-01-01',
		(SELECT r."id" FROM "reorganisation" r WHERE r."province_id" = m."province_id" AND r."effective_date" = DATE '2025-01-01'
			AND r."legal_basis" = 'Nghị quyết 1232/NQ-UBTVQH15 (24/10/2024)' ORDER BY r."created_at" LIMIT 1)
	FROM "matched" m
	ON CONFLICT ("predecessor_unit_id", "successor_unit_id") DO NOTHING
	RETURNING "predecessor_unit_id", "successor_unit_id", "effective_date"
)
INSERT INTO "audit_log" ("actor_name", "action", "entity_type", "entity_id", "province_id", "after")
SELECT 'migration 0020', 'org_unit.succession_added', 'org_unit', a."predecessor_unit_id"::text, u."province_id",
	jsonb_build_object('successorUnitId', a."successor_unit_id", 'effectiveDate', a."effective_date",
		'legalBasis', 'Nghị quyết 1232/NQ-UBTVQH15 (24/10/2024)')
FROM "added" a JOIN "org_unit" u ON u."id" = a."predecessor_unit_id";
