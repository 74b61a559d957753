import { type Db, type RebuildReport, rebuildAllRollups } from '@dx/db';
import { localDateOf } from '@dx/domain';

/**
 * The nightly rebuild of the targets' rollups (issue 13, packages/db/src/queries/rollups.ts). A write keeps them fresh
 * in its own transaction; what only the calendar changes is renewed here — today's as-of date, a quarter falling due,
 * a person whose leaving date has come, a channel closed from a date. It also checks the maintained states against
 * a full recomputation: any difference (a write path that missed its refresh) is logged with its target and repaired.
 * 00:05 in Việt Nam, just after the day changes; until it has run, readers get the live figure (the key differs).
 * Also run once when the server starts, so a fresh install or a new migration has rollups without waiting a night.
 */
export const ROLLUP_REBUILD_JOB = {
  name: 'rollup-rebuild',
  cron: '5 0 * * *',
  tz: 'Asia/Ho_Chi_Minh',
} as const;

export async function runRollupRebuild(o: {
  db: Db;
  now: Date;
  log: (msg: string) => void;
}): Promise<RebuildReport> {
  const report = await rebuildAllRollups(o.db, localDateOf(o.now), (work) => o.db.transaction(work));
  for (const d of report.differences)
    o.log(
      `Rollup: chỉ tiêu ${d.targetId} lệch ${d.subjects} đối tượng, ${d.cells} ô tổng hợp so với tính lại toàn bộ — đã sửa`,
    );
  o.log(
    `Rollup: dựng lại ${report.targets} chỉ tiêu (${report.renewed} theo ngày mới, ${report.differences.length} lệch đã sửa)`,
  );
  return report;
}
