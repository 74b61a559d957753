-- Issue 12: the evaluation API within 1.15× of its SQL. Which evaluation each target's rollups were built for
-- (target_rollup_built.key, migration 0022) is kept per process under its own epoch, like the plans (migration 0021,
-- packages/db/src/queries/epochs.ts), so a dashboard request knows without a round trip whether a target can be
-- answered from its rollups or must run the live SQL (apps/server/src/features/targets/evaluate-plan-targets.ts).
--
-- Bumped at commit (a deferred constraint trigger, hence per row): the rollups are written while other locks are
-- held (refreshRollups locks built rows in id order, then rebuilds; defineTarget holds the 'plans' epoch row and then
-- writes a built row). Taking this epoch's row last, when nothing else is waited for, adds no lock cycle.
INSERT INTO cache_epoch (name, epoch)
  VALUES ('rollups', (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
  ON CONFLICT (name) DO NOTHING;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER target_rollup_built_epoch AFTER INSERT OR UPDATE OR DELETE ON target_rollup_built
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cache_epoch_bump('rollups');
--> statement-breakpoint
CREATE TRIGGER target_rollup_built_truncate_epoch AFTER TRUNCATE ON target_rollup_built
  FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump('rollups');
