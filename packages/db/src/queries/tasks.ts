import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import {
  planTarget,
  planTheme,
  task,
  taskAssignment,
  taskAttachment,
  taskReminder,
  taskTarget,
  taskTheme,
  taskUpdate,
} from '../schema';
import { inForceOn, nearestVersionFirst } from './as-of';

export type TaskRow = typeof task.$inferSelect;
export type NewTask = typeof task.$inferInsert;
export type AssignmentRow = typeof taskAssignment.$inferSelect;
export type TaskUpdateRow = typeof taskUpdate.$inferSelect;
export type AssignmentView = AssignmentRow & { unitName: string };

const uuids = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The name of a unit as of a date, else its latest name (history keeps the names units had at the time). */
const unitNameOn = (unitCol: SQL, date: SQL) =>
  sql`(SELECT v.name FROM org_unit_version v WHERE v.unit_id = ${unitCol} ORDER BY ${nearestVersionFirst('v', date)} LIMIT 1)`;

/** Units (except the province itself) and groups of a province in force on a date: what a lead cell may name. */
export async function taskLeadCandidates(db: Db, provinceId: string, asOf: string) {
  const units = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT v.unit_id AS id, v.name FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
        WHERE u.province_id = ${provinceId} AND v.unit_id <> ${provinceId} AND v.kind <> 'school'
          AND ${inForceOn('v', asOf)}`,
  );
  const groups = await queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`SELECT id, code, name FROM unit_group WHERE province_id = ${provinceId}`,
  );
  return { units, groups };
}

/** Saves tasks with their theme/target links and per-unit assignments (inside the caller's transaction). */
export async function insertTasks(
  db: Db,
  rows: {
    task: NewTask;
    themeIds: string[];
    targetIds: string[];
    assignments: { unitId: string; role: 'lead' | 'coordinator'; viaGroupId: string | null }[];
  }[],
): Promise<TaskRow[]> {
  const out: TaskRow[] = [];
  for (const r of rows) {
    const [saved] = await db.insert(task).values(r.task).returning();
    out.push(saved!);
    if (r.themeIds.length)
      await db.insert(taskTheme).values(r.themeIds.map((themeId) => ({ taskId: saved!.id, themeId })));
    if (r.targetIds.length) {
      await db
        .insert(taskTarget)
        .values(r.targetIds.map((planTargetId) => ({ taskId: saved!.id, planTargetId })));
    }
    if (r.assignments.length) {
      await db
        .insert(taskAssignment)
        .values(r.assignments.map((a) => ({ ...a, taskId: saved!.id, provinceId: saved!.provinceId })))
        .onConflictDoNothing();
    }
  }
  return out;
}

export async function nextTaskPosition(db: Db, planId: string): Promise<number> {
  const [r] = await queryRows<{ n: number | null }>(
    db,
    sql`SELECT max(position) AS n FROM task WHERE plan_id = ${planId}`,
  );
  return Number(r?.n ?? 0) + 1;
}

export type TaskListFilter = {
  planId: string;
  today: string;
  unitIds?: string[];
  status?: string;
  themeId?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  limit: number;
  offset: number;
};

const effective = (today: string) =>
  sql`CASE WHEN a.status <> 'done' AND t.due_date IS NOT NULL AND t.due_date < ${today}::date THEN 'overdue' ELSE a.status END`;

/** Tasks of a plan, filtered by unit (its parts), effective status of a lead part, theme, due period, words. */
export async function listTasks(db: Db, f: TaskListFilter): Promise<{ items: TaskRow[]; total: number }> {
  const conds = [sql`t.plan_id = ${f.planId}`];
  const partConds = [sql`a.task_id = t.id`];
  if (f.unitIds) partConds.push(f.unitIds.length ? sql`a.unit_id IN (${uuids(f.unitIds)})` : sql`FALSE`);
  if (f.status) partConds.push(sql`a.role = 'lead' AND ${effective(f.today)} = ${f.status}`);
  if (f.unitIds || f.status)
    conds.push(sql`EXISTS (SELECT 1 FROM task_assignment a WHERE ${sql.join(partConds, sql` AND `)})`);
  if (f.themeId) {
    conds.push(sql`EXISTS (SELECT 1 FROM task_theme x JOIN plan_theme p ON p.id = x.theme_id
                    WHERE x.task_id = t.id AND (p.id = ${f.themeId} OR p.parent_id = ${f.themeId}))`);
  }
  if (f.dueFrom) conds.push(sql`t.due_date >= ${f.dueFrom}::date`);
  if (f.dueTo) conds.push(sql`t.due_date <= ${f.dueTo}::date`);
  if (f.q)
    conds.push(
      sql`lower(f_unaccent(t.title || ' ' || t.lead_text)) LIKE '%' || lower(f_unaccent(${f.q})) || '%'`,
    );
  const where = sql.join(conds, sql` AND `);
  const ids = await queryRows<{ id: string }>(
    db,
    sql`SELECT t.id FROM task t WHERE ${where} ORDER BY t.position, t.created_at LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM task t WHERE ${where}`);
  if (ids.length === 0) return { items: [], total: Number(c?.n ?? 0) };
  const rows = await db
    .select()
    .from(task)
    .where(
      inArray(
        task.id,
        ids.map((r) => r.id),
      ),
    )
    .orderBy(asc(task.position), asc(task.createdAt));
  return { items: rows, total: Number(c?.n ?? 0) };
}

export async function getTask(db: Db, id: string): Promise<TaskRow | null> {
  const [row] = await db.select().from(task).where(eq(task.id, id));
  return row ?? null;
}

/** Per-unit parts of some tasks, with each unit's name as of the task's period. */
export async function listAssignments(db: Db, taskIds: string[]): Promise<AssignmentView[]> {
  if (taskIds.length === 0) return [];
  const rows = await queryRows<{ id: string; unit_name: string }>(
    db,
    sql`SELECT a.id, ${unitNameOn(sql`a.unit_id`, sql`t.period_from`)} AS unit_name
          FROM task_assignment a JOIN task t ON t.id = a.task_id WHERE a.task_id IN (${uuids(taskIds)})`,
  );
  const names = new Map(rows.map((r) => [r.id, r.unit_name]));
  const parts = await db.select().from(taskAssignment).where(inArray(taskAssignment.taskId, taskIds));
  return parts
    .map((p) => ({ ...p, unitName: names.get(p.id) ?? '' }))
    .sort((a, b) => a.role.localeCompare(b.role) || a.unitName.localeCompare(b.unitName, 'vi'));
}

export async function getAssignment(db: Db, id: string): Promise<AssignmentRow | null> {
  const [row] = await db.select().from(taskAssignment).where(eq(taskAssignment.id, id));
  return row ?? null;
}

/** Sets a part's status under optimistic locking; null when the version was stale. */
export async function updateAssignmentStatus(
  db: Db,
  id: string,
  expectedVersion: number,
  status: string,
  userId: string,
  now: Date,
): Promise<AssignmentRow | null> {
  const [row] = await db
    .update(taskAssignment)
    .set({ status, version: sql`${taskAssignment.version} + 1`, updatedBy: userId, updatedAt: now })
    .where(and(eq(taskAssignment.id, id), eq(taskAssignment.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Themes and targets a set of tasks serves. */
export async function taskLinks(
  db: Db,
  taskIds: string[],
): Promise<{ themes: Map<string, string[]>; targets: Map<string, string[]> }> {
  const themes = new Map<string, string[]>();
  const targets = new Map<string, string[]>();
  if (taskIds.length === 0) return { themes, targets };
  for (const r of await db.select().from(taskTheme).where(inArray(taskTheme.taskId, taskIds))) {
    themes.set(r.taskId, [...(themes.get(r.taskId) ?? []), r.themeId]);
  }
  for (const r of await db.select().from(taskTarget).where(inArray(taskTarget.taskId, taskIds))) {
    targets.set(r.taskId, [...(targets.get(r.taskId) ?? []), r.planTargetId]);
  }
  return { themes, targets };
}

export async function insertTaskUpdate(db: Db, row: typeof taskUpdate.$inferInsert): Promise<TaskUpdateRow> {
  const [saved] = await db.insert(taskUpdate).values(row).returning();
  return saved!;
}

export async function insertTaskAttachments(db: Db, rows: (typeof taskAttachment.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(taskAttachment).values(rows).returning({
    id: taskAttachment.id,
    updateId: taskAttachment.updateId,
    fileName: taskAttachment.fileName,
    size: taskAttachment.size,
  });
}

export type AttachmentMeta = {
  id: string;
  updateId: string;
  fileName: string;
  contentType: string;
  size: number;
};

/** Updates of a task, oldest first, with their attachments (without the bytes). */
export async function listTaskUpdates(
  db: Db,
  taskId: string,
): Promise<(TaskUpdateRow & { attachments: AttachmentMeta[] })[]> {
  const updates = await db
    .select()
    .from(taskUpdate)
    .where(eq(taskUpdate.taskId, taskId))
    .orderBy(asc(taskUpdate.createdAt));
  const files = await db
    .select({
      id: taskAttachment.id,
      updateId: taskAttachment.updateId,
      fileName: taskAttachment.fileName,
      contentType: taskAttachment.contentType,
      size: taskAttachment.size,
    })
    .from(taskAttachment)
    .where(eq(taskAttachment.taskId, taskId));
  return updates.map((u) => ({ ...u, attachments: files.filter((f) => f.updateId === u.id) }));
}

export async function getTaskAttachment(db: Db, id: string) {
  const [row] = await db.select().from(taskAttachment).where(eq(taskAttachment.id, id));
  return row ?? null;
}

/** Which of `ids` are evidence records of the province (any record type). */
export async function evidenceRecordsInProvince(
  db: Db,
  ids: string[],
  provinceId: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const tables = ['publication', 'training', 'event', 'dx_model', 'unit_plan', 'channel'];
  const rows = await queryRows<{ id: string }>(
    db,
    sql.join(
      tables.map(
        (t) =>
          sql`SELECT id FROM ${sql.identifier(t)} WHERE province_id = ${provinceId} AND id IN (${uuids(ids)})`,
      ),
      sql` UNION ALL `,
    ),
  );
  return new Set(rows.map((r) => r.id));
}

/** Reminders sent about a task, newest first. */
export async function listTaskReminders(db: Db, taskId: string) {
  return db
    .select()
    .from(taskReminder)
    .where(eq(taskReminder.taskId, taskId))
    .orderBy(sql`${taskReminder.id} DESC`)
    .limit(200);
}

export type ReminderCandidate = {
  assignmentId: string;
  taskId: string;
  provinceId: string;
  unitId: string;
  status: string;
  dueDate: string;
  title: string;
  planCode: string | null;
};

/**
 * Lead parts not done whose due date is within a week or past (the only ones a reminder can be due for), in
 * keyset order after `afterId`, at most `limit`: the job works in bounded batches.
 */
export async function reminderCandidates(
  db: Db,
  today: string,
  afterId: string | null,
  limit: number,
): Promise<ReminderCandidate[]> {
  return queryRows<ReminderCandidate>(
    db,
    sql`SELECT a.id AS "assignmentId", a.task_id AS "taskId", a.province_id AS "provinceId", a.unit_id AS "unitId",
               a.status, t.due_date::text AS "dueDate", t.title, p.code AS "planCode"
          FROM task_assignment a JOIN task t ON t.id = a.task_id JOIN plan p ON p.id = t.plan_id
         WHERE a.role = 'lead' AND a.status <> 'done' AND t.due_date IS NOT NULL
           AND t.due_date <= (${today}::date + 7)
           ${afterId ? sql`AND a.id > ${afterId}::uuid` : sql``}
         ORDER BY a.id LIMIT ${limit}`,
  );
}

/** Records a reminder once per (assignment, kind, local date); null when it was already recorded. */
export async function claimReminder(db: Db, row: typeof taskReminder.$inferInsert): Promise<number | null> {
  const [saved] = await db
    .insert(taskReminder)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: taskReminder.id });
  return saved?.id ?? null;
}

export async function completeReminder(
  db: Db,
  id: number,
  notificationId: string,
  emailStatus: string,
): Promise<void> {
  await db.update(taskReminder).set({ notificationId, emailStatus }).where(eq(taskReminder.id, id));
}

/** The unit above a unit on a date (its supervisor for escalations), or null for a province. */
export async function parentUnitOn(db: Db, unitId: string, date: string): Promise<string | null> {
  const [r] = await queryRows<{ parent_unit_id: string | null }>(
    db,
    sql`SELECT parent_unit_id FROM org_unit_version v WHERE v.unit_id = ${unitId}
          AND ${inForceOn('v', date)}
        ORDER BY v.valid_from DESC NULLS LAST LIMIT 1`,
  );
  return r?.parent_unit_id ?? null;
}

/** Units of the province by id → current name (for e-mails and exports). */
export async function unitNames(db: Db, unitIds: string[], date: string): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT u.id, ${unitNameOn(sql`u.id`, sql`${date}::date`)} AS name FROM org_unit u WHERE u.id IN (${uuids(unitIds)})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of the ids are themes / targets of the plan. */
export async function planLinkIds(db: Db, planId: string, themeIds: string[], targetIds: string[]) {
  const themes = themeIds.length
    ? await db
        .select({ id: planTheme.id })
        .from(planTheme)
        .where(and(eq(planTheme.planId, planId), inArray(planTheme.id, themeIds)))
    : [];
  const targets = targetIds.length
    ? await db
        .select({ id: planTarget.id })
        .from(planTarget)
        .where(and(eq(planTarget.planId, planId), inArray(planTarget.id, targetIds)))
    : [];
  return { themes: new Set(themes.map((r) => r.id)), targets: new Set(targets.map((r) => r.id)) };
}

/**
 * Edits a task under optimistic locking: sets `fields` (may be empty) and, when given, replaces its themes and/or
 * targets; false when the version was stale.
 */
export async function updateTaskRow(
  db: Db,
  taskId: string,
  expectedVersion: number,
  fields: Partial<NewTask>,
  links: { themeIds?: string[]; targetIds?: string[] },
  now: Date,
): Promise<boolean> {
  const bumped = await db
    .update(task)
    .set({ ...fields, version: sql`${task.version} + 1`, updatedAt: now })
    .where(and(eq(task.id, taskId), eq(task.version, expectedVersion)))
    .returning({ id: task.id });
  if (bumped.length === 0) return false;
  if (links.themeIds) {
    await db.delete(taskTheme).where(eq(taskTheme.taskId, taskId));
    if (links.themeIds.length)
      await db.insert(taskTheme).values(links.themeIds.map((themeId) => ({ taskId, themeId })));
  }
  if (links.targetIds) {
    await db.delete(taskTarget).where(eq(taskTarget.taskId, taskId));
    if (links.targetIds.length)
      await db.insert(taskTarget).values(links.targetIds.map((planTargetId) => ({ taskId, planTargetId })));
  }
  return true;
}

/** How many progress updates and comments a task has. */
export async function countTaskUpdates(db: Db, taskId: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM task_update WHERE task_id = ${taskId}`,
  );
  return Number(r?.n ?? 0);
}

/** Deletes a task (its parts, links and reminders cascade) under optimistic locking; false when stale. */
export async function deleteTaskRow(db: Db, taskId: string, expectedVersion: number): Promise<boolean> {
  const gone = await db
    .delete(task)
    .where(and(eq(task.id, taskId), eq(task.version, expectedVersion)))
    .returning({ id: task.id });
  return gone.length > 0;
}

/** Title, STT and section of every task of a plan (to spot an appendix imported twice). */
export async function planTaskKeys(db: Db, planId: string) {
  return db
    .select({ id: task.id, title: task.title, stt: task.stt, section: task.section })
    .from(task)
    .where(eq(task.planId, planId));
}

/** Every task of a plan in appendix order, only the columns the printed appendix shows (exports/plan-*.ts). */
export async function listAppendixTasks(db: Db, planId: string) {
  return db
    .select({
      section: task.section,
      stt: task.stt,
      title: task.title,
      leadText: task.leadText,
      coordinatorText: task.coordinatorText,
      timeFrameText: task.timeFrameText,
      output: task.output,
    })
    .from(task)
    .where(eq(task.planId, planId))
    .orderBy(asc(task.position), asc(task.createdAt));
}
