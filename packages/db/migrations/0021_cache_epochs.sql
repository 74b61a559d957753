-- Epochs of rarely changing data that every dashboard request reads (issue 12: the API within 1.15× of its SQL).
-- Each is bumped by a statement-level trigger on every write to the tables it covers, so no write path can forget it,
-- and it is read with the session in the one statement every signed-in request runs anyway
-- (packages/db/src/queries/users.ts findSessionActor): a process keeps what it read under the epoch it read it at and
-- reuses it only while the epoch is unchanged (packages/db/src/queries/epochs.ts). Every process reads the epochs from
-- the database, so several server processes on one PostgreSQL stay correct with no message between them.
-- The value is a clock reading (microseconds), never below the last one plus one: an epoch never repeats, even after
-- the table is created again in a new database that a process's cache already knew under an older one.
CREATE TABLE cache_epoch (
  name text PRIMARY KEY,
  epoch bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO cache_epoch (name, epoch)
  SELECT n, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint FROM unnest(ARRAY['units', 'plans', 'words']) AS n;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cache_epoch_bump() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cache_epoch SET epoch = greatest(epoch + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
   WHERE name = TG_ARGV[0];
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- units: what decides which provinces' records count on a date (queries/as-of.ts feedingProvinces).
CREATE TRIGGER org_unit_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump('units');
--> statement-breakpoint
CREATE TRIGGER org_unit_succession_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_succession
  FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump('units');
--> statement-breakpoint
-- plans: a plan's row and its targets with their rules (queries/plans.ts getPlanRow, target-definitions.ts listPlanTargetRules).
CREATE TRIGGER plan_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan
  FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump('plans');
--> statement-breakpoint
CREATE TRIGGER plan_target_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_target
  FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump('plans');
--> statement-breakpoint
CREATE TRIGGER target_definition_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON target_definition
  FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump('plans');
--> statement-breakpoint
-- words: the labels a formula in words uses (queries/indicators.ts indicatorLabels).
CREATE TRIGGER vocabulary_term_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vocabulary_term
  FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump('words');
--> statement-breakpoint
CREATE TRIGGER unit_group_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_group
  FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump('words');
--> statement-breakpoint
CREATE TRIGGER data_item_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON data_item
  FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump('words');
