import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';

// Counts for the home page (features/home) that no list already gives: how many UNITS are behind, not how
// many rows. Task status rules follow queries/tasks.ts (a lead part not done past the task's due date is overdue).

/** Distinct units whose lead part of a task of the plan is not done after the task's due date. */
export async function countUnitsWithOverdueTasks(db: Db, planId: string, today: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT a.unit_id)::int AS n
          FROM task_assignment a JOIN task t ON t.id = a.task_id
         WHERE t.plan_id = ${planId} AND a.role = 'lead' AND a.status <> 'done'
           AND t.due_date IS NOT NULL AND t.due_date < ${today}::date`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Lead parts of the given units in the plan that are not done: past due (`overdue`) and due within `days`
 * days from today (`due`).
 */
export async function countUnitTaskParts(
  db: Db,
  planId: string,
  unitIds: readonly string[],
  today: string,
  days: number,
): Promise<{ overdue: number; due: number }> {
  if (unitIds.length === 0) return { overdue: 0, due: 0 };
  const ids = sql.join(
    unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [row] = await queryRows<{ overdue: number; due: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE t.due_date < ${today}::date)::int AS overdue,
               count(*) FILTER (WHERE t.due_date >= ${today}::date
                                  AND t.due_date <= ${today}::date + ${days}::int)::int AS due
          FROM task_assignment a JOIN task t ON t.id = a.task_id
         WHERE t.plan_id = ${planId} AND a.role = 'lead' AND a.status <> 'done'
           AND t.due_date IS NOT NULL AND a.unit_id IN (${ids})`,
  );
  return { overdue: Number(row?.overdue ?? 0), due: Number(row?.due ?? 0) };
}
