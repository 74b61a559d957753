import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { nearestVersionFirst } from './as-of';
import { getSettingValue } from './notifications';

/* SQL of the consolidated report of a reporting period (plan 54 V.1.a); computed live, never stored. */

/**
 * Progress of a plan's tasks: tasks, and the units' parts by status (overdue = not done after the due date, judged on
 * `today` — the report's figures date). Statuses are the current ones: task history is not versioned.
 */
export async function planTaskProgress(db: Db, o: { planId: string; today: string }) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT (SELECT count(*) FROM task WHERE plan_id = ${o.planId})::int AS total,
               count(a.id)::int AS parts,
               count(*) FILTER (WHERE a.status = 'done')::int AS done,
               count(*) FILTER (WHERE a.status = 'in_progress')::int AS "inProgress",
               count(*) FILTER (WHERE a.status = 'not_started')::int AS "notStarted",
               count(*) FILTER (WHERE a.status = 'blocked')::int AS blocked,
               count(*) FILTER (WHERE a.status <> 'done' AND t.due_date IS NOT NULL AND t.due_date < ${o.today}::date)::int AS overdue
          FROM task t JOIN task_assignment a ON a.task_id = t.id AND a.role = 'lead'
         WHERE t.plan_id = ${o.planId}`,
  );
  const r = row!;
  return {
    total: Number(r.total),
    parts: Number(r.parts),
    done: Number(r.done),
    inProgress: Number(r.inProgress),
    notStarted: Number(r.notStarted),
    blocked: Number(r.blocked),
    overdue: Number(r.overdue),
  };
}

/** A unit's name on a date (else its latest name). */
export async function unitNameOn(db: Db, unitId: string, date: string): Promise<string | null> {
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`SELECT v.name FROM org_unit_version v WHERE v.unit_id = ${unitId}
         ORDER BY ${nearestVersionFirst('v', date)} LIMIT 1`,
  );
  return row?.name ?? null;
}

/** The setting key of the national bodies over time (the Ministry in charge of digital transformation). */
export const NATIONAL_BODIES_KEY = 'reporting_bodies:national';

/** The national bodies as stored (unchecked JSON), or null. */
export async function getNationalBodies(db: Db): Promise<unknown | null> {
  return getSettingValue(db, NATIONAL_BODIES_KEY);
}
