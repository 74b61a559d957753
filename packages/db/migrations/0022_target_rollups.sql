-- Issue 13: each defined target's state per subject and its rollup by province × district × unit kind, kept fresh in
-- the transaction of every write (packages/db/src/queries/rollups.ts, docs/scaling.md § Rollups).
--
-- Why triggers AND the write path: the subjects' SQL is compiled in TypeScript from each target's rule
-- (queries/indicators.ts indicatorSubjectsSql) and must stay the one source of truth, so a trigger cannot re-run it.
-- Statement-level triggers with transition tables only note WHICH rows changed (rollup_pending, one row per changed
-- row, tagged with the writing transaction); before the use case commits, refreshRollups re-runs the compiled
-- subjects SQL restricted to the subjects those rows touch. The triggers mean no write path (a record form, an
-- import's INSERT … SELECT, a reorganisation, a seed) can change a figure unnoticed; a write path that does not call
-- refreshRollups leaves its notes behind, and the nightly rebuild (jobs/rollup-rebuild.ts) repairs and clears them.

-- The subjects of each target as evaluated today: due, achieved, reported figures and where each stands.
CREATE TABLE "target_subject_state" (
	"target_id" uuid NOT NULL REFERENCES "plan_target"("id") ON DELETE CASCADE,
	"subject_id" uuid NOT NULL,
	"province_id" uuid,
	"district_id" uuid,
	"unit_kind" text,
	"unit_id" uuid,
	"unit_name" text,
	"label" text,
	"due" boolean NOT NULL,
	"achieved" boolean NOT NULL,
	"num" numeric,
	"den" numeric,
	PRIMARY KEY ("target_id", "subject_id")
);
CREATE INDEX "target_subject_state_unit" ON "target_subject_state" ("target_id", "unit_id");

-- Sums of the states by breakdown cell: what the dashboard's figures and the national overview read.
CREATE TABLE "target_rollup" (
	"target_id" uuid NOT NULL REFERENCES "plan_target"("id") ON DELETE CASCADE,
	"province_id" uuid,
	"district_id" uuid,
	"unit_kind" text,
	"population" integer NOT NULL,
	"due" integer NOT NULL,
	"achieved" integer NOT NULL,
	-- reported figures: sums and how many subjects carry one (a sum over none is NULL, as in the live SQL)
	"num" numeric NOT NULL DEFAULT 0,
	"num_n" integer NOT NULL DEFAULT 0,
	"den" numeric NOT NULL DEFAULT 0,
	"den_n" integer NOT NULL DEFAULT 0,
	CONSTRAINT "target_rollup_cell" UNIQUE NULLS NOT DISTINCT ("target_id", "province_id", "district_id", "unit_kind")
);

-- For which evaluation the states stand: the rule's version and the dates (period, as-of, windows) of the day they
-- were built for. Read only when the key matches today's (else the live SQL answers); the nightly rebuild renews it.
CREATE TABLE "target_rollup_built" (
	"target_id" uuid PRIMARY KEY REFERENCES "plan_target"("id") ON DELETE CASCADE,
	"key" text NOT NULL,
	"built_at" timestamptz NOT NULL DEFAULT now()
);

-- What the writing transaction changed, for refreshRollups (same transaction) to re-evaluate. UNLOGGED: a note lives
-- only as long as its transaction.
CREATE UNLOGGED TABLE "rollup_pending" (
	"xact" xid8 NOT NULL DEFAULT pg_current_xact_id(),
	"tbl" text NOT NULL,
	"id" uuid,
	"owner_id" uuid,
	"other_id" uuid,
	"province_id" uuid
);
CREATE INDEX "rollup_pending_xact" ON "rollup_pending" ("xact", "tbl");

-- Arguments: the name the change is noted under, then the columns read for id, owner, other and province ('' = none).
CREATE FUNCTION "rollup_capture"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO rollup_pending (tbl, id, owner_id, other_id, province_id)
	SELECT TG_ARGV[0], (j ->> TG_ARGV[1])::uuid, (j ->> NULLIF(TG_ARGV[2], ''))::uuid,
	       (j ->> NULLIF(TG_ARGV[3], ''))::uuid, (j ->> NULLIF(TG_ARGV[4], ''))::uuid
	  FROM (SELECT to_jsonb(c) AS j FROM changed c) x;
	RETURN NULL;
END $$;

-- One trigger per event (a trigger with transition tables takes one event); an update notes the rows before and after.
DO $$
DECLARE
	t record;
BEGIN
	FOR t IN SELECT * FROM (VALUES
		('org_unit', 'org_unit', 'id', '', '', 'province_id'),
		('org_unit_version', 'org_unit', 'unit_id', '', 'parent_unit_id', ''),
		('org_unit_succession', 'succession', 'predecessor_unit_id', '', 'successor_unit_id', ''),
		('channel', 'channel', 'id', 'owner_unit_id', '', 'province_id'),
		('person', 'person', 'id', 'unit_id', '', 'province_id'),
		('dx_model', 'dx_model', 'id', 'unit_id', '', 'province_id'),
		('event', 'event', 'id', 'organiser_unit_id', '', 'province_id'),
		('event_theme', 'event', 'event_id', '', '', ''),
		('training', 'training', 'id', 'organiser_unit_id', '', 'province_id'),
		('training_attendance', 'training_attendance', 'training_id', '', 'person_id', 'province_id'),
		('publication', 'publication', 'id', 'unit_id', 'channel_id', 'province_id'),
		('publication_theme', 'publication', 'publication_id', '', '', ''),
		('publication_model', 'publication_model', 'publication_id', '', 'model_id', ''),
		('unit_plan', 'unit_plan', 'id', 'unit_id', '', 'province_id'),
		('data_value', 'data_value', 'id', 'unit_id', '', 'province_id'),
		('unit_group', 'unit_group', 'id', '', '', 'province_id'),
		('unit_group_member', 'unit_group', 'group_id', '', 'unit_id', '')
	) v(tab, tbl, id_col, owner_col, other_col, province_col) LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_capture(%L, %L, %L, %L, %L)',
			t.tab || '_rollup_ins', t.tab, t.tbl, t.id_col, t.owner_col, t.other_col, t.province_col);
		EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_capture(%L, %L, %L, %L, %L)',
			t.tab || '_rollup_upd_old', t.tab, t.tbl, t.id_col, t.owner_col, t.other_col, t.province_col);
		EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_capture(%L, %L, %L, %L, %L)',
			t.tab || '_rollup_upd_new', t.tab, t.tbl, t.id_col, t.owner_col, t.other_col, t.province_col);
		EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_capture(%L, %L, %L, %L, %L)',
			t.tab || '_rollup_del', t.tab, t.tbl, t.id_col, t.owner_col, t.other_col, t.province_col);
	END LOOP;
END $$;
