-- Issue 13: the rollups' capture reads the named columns of the transition table directly. Migration 0022's
-- rollup_capture turned every changed row into to_jsonb to pick its columns by name: on the country bench data a
-- 20,000-publication INSERT … SELECT took 2.1–3.1 s without the triggers and 3.6–5.4 s with them (load average 29–32,
-- docs/scaling.md § Measured), most of it that conversion. The same notes (table, id, owner, other, province), from one
-- statement built per trigger call: the transition table `changed` is visible to EXECUTE inside the trigger function.
CREATE OR REPLACE FUNCTION "rollup_capture"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format(
		'INSERT INTO rollup_pending (tbl, id, owner_id, other_id, province_id) SELECT %L, c.%I::uuid, %s, %s, %s FROM changed c',
		TG_ARGV[0], TG_ARGV[1],
		CASE WHEN TG_ARGV[2] = '' THEN 'NULL::uuid' ELSE format('c.%I::uuid', TG_ARGV[2]) END,
		CASE WHEN TG_ARGV[3] = '' THEN 'NULL::uuid' ELSE format('c.%I::uuid', TG_ARGV[3]) END,
		CASE WHEN TG_ARGV[4] = '' THEN 'NULL::uuid' ELSE format('c.%I::uuid', TG_ARGV[4]) END);
	RETURN NULL;
END $$;
