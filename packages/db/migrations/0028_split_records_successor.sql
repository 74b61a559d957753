-- Data fix for installs seeded before this change (issue 11): a commune split among several new ones on 01/07/2025
-- (partial successions of data/units/haiphong-merges-2025-07.csv) gave its records to every successor's link, and
-- the one rule (queries/as-of.ts standingUnits) took the successor with the lowest random id, so a split commune's
-- records counted in a different place on each database. Makes the seed's choice (seed.ts chooseRecordsSuccessor):
-- the successor carrying on the ended unit's official code, else the lowest code, keeps the records; the others keep
-- the link without them. Only where every partial link of the predecessor still carries records (nobody chose since),
-- only the seed's own 01/07/2025 reorganisation, audited. Idempotent: afterwards one link per predecessor carries them.
WITH "split" AS (
	SELECT s."predecessor_unit_id"
	FROM "org_unit_succession" s
	JOIN "org_unit" o ON o."id" = s."predecessor_unit_id" AND o."source" IN ('haiphong-2023.csv', 'haiduong-2023.csv')
	WHERE s."share" = 'partial' AND s."effective_date" = DATE '2025-07-01'
	GROUP BY s."predecessor_unit_id"
	HAVING count(*) > 1 AND bool_and(s."receives_records")
),
"ranked" AS (
	SELECT s."id", s."predecessor_unit_id", s."successor_unit_id",
		row_number() OVER (PARTITION BY s."predecessor_unit_id"
			ORDER BY (n."code" IS NOT DISTINCT FROM p."code") DESC, n."code", n."name", n."unit_id") AS "rank"
	FROM "org_unit_succession" s
	JOIN "split" x ON x."predecessor_unit_id" = s."predecessor_unit_id"
	-- the successor's version from that day, the predecessor's on its last day
	JOIN "org_unit_version" n ON n."unit_id" = s."successor_unit_id" AND n."valid_from" = DATE '2025-07-01'
	JOIN "org_unit_version" p ON p."unit_id" = s."predecessor_unit_id" AND p."valid_to" = DATE '2025-07-01'
	WHERE s."share" = 'partial' AND s."effective_date" = DATE '2025-07-01'
),
"changed" AS (
	UPDATE "org_unit_succession" s SET "receives_records" = false
	FROM "ranked" r WHERE r."id" = s."id" AND r."rank" > 1
	RETURNING s."predecessor_unit_id", s."successor_unit_id"
)
INSERT INTO "audit_log" ("actor_name", "action", "entity_type", "entity_id", "province_id", "after")
SELECT 'migration 0028', 'org_unit.succession_records_moved', 'org_unit', c."predecessor_unit_id"::text, u."province_id",
	jsonb_build_object('successorUnitId', c."successor_unit_id", 'receivesRecords', false)
FROM "changed" c JOIN "org_unit" u ON u."id" = c."predecessor_unit_id";
