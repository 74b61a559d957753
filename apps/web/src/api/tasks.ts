import type {
  AppendixImportOut,
  AppendixImportRowOut,
  AssignmentOut,
  CreateTaskBody,
  ImportAppendixBody,
  PostTaskUpdateBody,
  TaskDetailOut,
  TaskListOut,
  TaskOut,
  TaskUpdateOut,
  UpdateTaskBody,
} from '@dx/contracts';
import { del, get, patch, post } from '../lib/api';

export type EffectiveStatus = AssignmentOut['effectiveStatus'];
export type Assignment = AssignmentOut;
export type Task = TaskOut;
export type TaskUpdate = TaskUpdateOut;
export type ImportRow = AppendixImportRowOut;
export type ImportReport = AppendixImportOut;

export type TaskFilter = {
  unitId?: string;
  mine?: boolean;
  status?: string;
  q?: string;
  dueFrom?: string;
  dueTo?: string;
  themeId?: string;
};

export const taskKeys = {
  all: ['tasks'] as const,
  list: (planId: string, f: TaskFilter) => ['tasks', 'list', planId, f] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
};

export const listTasks = (planId: string, f: TaskFilter) =>
  get<TaskListOut>(`/plans/${planId}/tasks`, {
    ...f,
    mine: f.mine ? 'true' : undefined,
    limit: 500,
  });
export const fetchTask = (id: string) => get<TaskDetailOut>(`/tasks/${id}`);
export type Answers = NonNullable<ImportAppendixBody['answers']>;
export const importAppendix = (planId: string, body: ImportAppendixBody) =>
  post<ImportReport>(`/plans/${planId}/tasks/import`, body);
export const postUpdate = (taskId: string, body: PostTaskUpdateBody) =>
  post<TaskUpdate>(`/tasks/${taskId}/updates`, body);
export const linkTask = (taskId: string, body: Pick<UpdateTaskBody, 'version' | 'themeIds' | 'targetIds'>) =>
  patch<Task>(`/tasks/${taskId}`, body);
/** The content fields the edit form sends, every one filled. */
export type TaskEdit = Required<
  Pick<UpdateTaskBody, 'version' | 'title' | 'timeFrame' | 'output' | 'budgetText' | 'note'>
>;
/** Edits the content fields only (PATCH keeps the links and the leads as they are). */
export const editTask = (taskId: string, body: TaskEdit) => patch<Task>(`/tasks/${taskId}`, body);
export const deleteTask = (taskId: string, version: number) =>
  del<null>(`/tasks/${taskId}?version=${version}`);
export type TaskCreate = CreateTaskBody;
export const createTask = (planId: string, body: TaskCreate) => post<Task>(`/plans/${planId}/tasks`, body);

/** The plan's themes (II) and targets (I.2) with their codes, to link tasks to (GET /api/plans/:planId). */
export type PlanIndex = {
  id: string;
  targetIndex: { id: string; code: string }[];
  themeIndex: { id: string; code: string; parentId: string | null; title: string }[];
  document: { year?: number; targets?: { id?: string; text?: string }[] };
};
export const fetchPlanIndex = (planId: string) => get<PlanIndex>(`/plans/${planId}`);
export const planIndexKey = (planId: string) => ['tasks', 'plan', planId] as const;

export const exportUrl = (planId: string) => `/api/plans/${planId}/tasks/export.xlsx`;
/** The overdue tasks list (who is behind on the appendix) as XLSX, as of today. */
export const overdueExportUrl = (planId: string) => `/api/plans/${planId}/tasks/overdue.xlsx`;

/** Reads a picked file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
