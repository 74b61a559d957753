import {
  evidenceRecordsInProvince,
  getAssignment,
  getUnitScope,
  insertTaskAttachments,
  insertTaskUpdate,
  listTaskUpdates,
  updateAssignmentStatus,
} from '@dx/db';
import {
  AppError,
  type AssignmentStatus,
  checkLink,
  checkUpload,
  type FieldIssue,
  isAllowed,
  localDateOf,
  said,
  UPLOAD_POLICY,
  validationError,
  worded,
} from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { loadTaskFor } from './load-task';
import { presentUpdate } from './tasks.presenter';

export type UpdateInput = {
  /** The part written for: a lead part for progress; any part (lead or coordinating unit) for a comment. */
  assignmentId?: string;
  kind: 'progress' | 'comment';
  status?: AssignmentStatus;
  /** The part's version the client read (progress only). */
  version?: number;
  note: string;
  links: string[];
  recordIds: string[];
  files: { fileName: string; contentType: string; content: Buffer }[];
};

const forbidden = () => new AppError('AUTH.FORBIDDEN', said('task.forbiddenPart'));

/**
 * A lead unit posts progress on its part with evidence (plan 54 III: a file, a link, or the evidence records that
 * delivered it); coordinating units and the DX office comment and attach. A status change is optimistic-locked.
 */
export async function postTaskUpdate({
  ctx,
  taskId,
  input,
}: {
  ctx: UseCaseContext;
  taskId: string;
  input: UpdateInput;
}) {
  const task = await loadTaskFor(ctx, taskId, 'task.read');
  const today = localDateOf(ctx.now);
  const part = input.assignmentId ? await getAssignment(ctx.db, input.assignmentId) : null;
  if (input.assignmentId && (!part || part.taskId !== taskId)) {
    throw new AppError('TASK.ASSIGNMENT_NOT_FOUND', said('task.partNotFound'), {
      assignmentId: input.assignmentId,
    });
  }
  if (part) {
    const scope = await getUnitScope(ctx.db, part.unitId, today);
    const canWrite =
      !!scope &&
      (isAllowed(ctx.actor.grants, 'task.update_progress', scope) ||
        isAllowed(ctx.actor.grants, 'task.write', scope));
    if (!canWrite) throw forbidden();
  } else if (
    !isAllowed(ctx.actor.grants, 'task.write', { provinceId: task.provinceId, path: [task.provinceId] })
  ) {
    // Without a part, only the DX office comments (as the office that guides and inspects, V.1.a).
    throw forbidden();
  }
  if (input.kind === 'progress') {
    const issues = [];
    if (!part) issues.push({ path: ['body', 'assignmentId'], ...worded('task.choosePart') });
    else if (part.role !== 'lead')
      issues.push({
        path: ['body', 'assignmentId'],
        ...worded('task.supportCommentsOnly'),
      });
    if (!input.status) issues.push({ path: ['body', 'status'], ...worded('task.chooseStatus') });
    if (input.version === undefined)
      issues.push({ path: ['body', 'version'], ...worded('task.versionMissing') });
    if (issues.length) throw validationError(said('task.updateInvalid'), issues);
  }
  if (
    input.kind === 'comment' &&
    !input.note.trim() &&
    !input.links.length &&
    !input.files.length &&
    !input.recordIds.length
  ) {
    throw validationError(said('task.commentEmpty'), [
      { path: ['body', 'note'], ...worded('task.commentOrEvidence') },
    ]);
  }
  // Evidence files and links follow the upload policy: documents by their bytes, links http(s) only.
  const evidenceIssues: FieldIssue[] = [];
  const files = input.files.map((f, i) => {
    const check = checkUpload('task_evidence', f.fileName, f.content);
    if (!check.ok)
      evidenceIssues.push({
        path: ['body', 'files', i, check.field === 'fileName' ? 'fileName' : 'contentBase64'],
        message: check.message,
      });
    return check.ok ? { fileName: check.fileName, contentType: check.contentType, content: f.content } : null;
  });
  if (input.files.length > UPLOAD_POLICY.task_evidence.maxCount)
    evidenceIssues.push({
      path: ['body', 'files'],
      ...worded('task.tooManyFiles', { max: UPLOAD_POLICY.task_evidence.maxCount }),
    });
  const links = input.links.map((l, i) => {
    const check = checkLink(l);
    if (!check.ok) evidenceIssues.push({ path: ['body', 'links', i], message: check.message });
    return check.ok ? check.url : l;
  });
  if (evidenceIssues.length) throw validationError(said('task.evidenceInvalid'), evidenceIssues);

  const known = await evidenceRecordsInProvince(ctx.db, input.recordIds, task.provinceId);
  const badRecords = input.recordIds.map((id, i) => ({ id, i })).filter((r) => !known.has(r.id));
  if (badRecords.length) {
    throw validationError(
      said('task.evidenceInvalid'),
      badRecords.map((r) => ({
        path: ['body', 'recordIds', r.i],
        ...worded('record.notInProvince'),
      })),
    );
  }

  const saved = await inTransaction(ctx, async (tx) => {
    let statusFrom: string | null = null;
    let statusTo: string | null = null;
    if (input.kind === 'progress' && part) {
      if (part.version !== input.version) throw versionConflict({ assignment: part });
      const updated = await updateAssignmentStatus(
        tx,
        part.id,
        input.version!,
        input.status!,
        ctx.actor.userId,
        ctx.now,
      );
      if (!updated) throw versionConflict({ assignment: await getAssignment(tx, part.id) });
      statusFrom = part.status;
      statusTo = updated.status;
    }
    const update = await insertTaskUpdate(tx, {
      taskId,
      assignmentId: part?.id ?? null,
      provinceId: task.provinceId,
      unitId: part?.unitId ?? null,
      kind: input.kind,
      statusFrom,
      statusTo,
      note: input.note,
      links,
      recordIds: input.recordIds,
      authorUserId: ctx.actor.userId,
      authorName: ctx.actor.displayName,
      createdAt: ctx.now,
    });
    await insertTaskAttachments(
      tx,
      files
        .flatMap((f) => (f ? [f] : []))
        .map((f) => ({
          updateId: update.id,
          taskId,
          provinceId: task.provinceId,
          fileName: f.fileName,
          contentType: f.contentType,
          size: f.content.length,
          content: f.content,
        })),
    );
    await audit(tx, ctx, {
      action: input.kind === 'progress' ? 'task.progress' : 'task.comment',
      entityType: 'task_assignment',
      entityId: part?.id ?? taskId,
      provinceId: task.provinceId,
      before: statusFrom ? { status: statusFrom } : undefined,
      after: {
        status: statusTo,
        links: input.links.length,
        files: input.files.length,
        records: input.recordIds.length,
      },
    });
    return update.id;
  });
  const all = await listTaskUpdates(ctx.db, taskId);
  return presentUpdate(all.find((u) => u.id === saved)!);
}
