import { del, get, patch, post } from '../../lib/api';

export type EffectiveStatus = 'not_started' | 'in_progress' | 'done' | 'blocked' | 'overdue';
export type Assignment = {
  id: string;
  unitId: string;
  unitName: string;
  role: 'lead' | 'coordinator';
  viaGroupId: string | null;
  status: Exclude<EffectiveStatus, 'overdue'>;
  effectiveStatus: EffectiveStatus;
  version: number;
  updatedAt: string;
};
export type Task = {
  id: string;
  planId: string;
  section: string | null;
  stt: string | null;
  title: string;
  leadText: string;
  coordinatorText: string;
  timeFrame: { text: string; kind: string; from: string | null; to: string | null; dueDate: string | null };
  output: string;
  budgetText: string;
  note: string;
  themeIds: string[];
  targetIds: string[];
  assignments: Assignment[];
  progress: { done: number; total: number; overdue: number };
  version: number;
};
export type TaskUpdate = {
  id: string;
  kind: 'progress' | 'comment';
  assignmentId: string | null;
  unitId: string | null;
  statusFrom: string | null;
  statusTo: string | null;
  note: string;
  links: string[];
  recordIds: string[];
  attachments: { id: string; fileName: string; size: number }[];
  authorName: string;
  createdAt: string;
};
type LeadResolution = {
  matches: { type: 'unit' | 'group'; id: string; name: string; text: string; confidence: string }[];
  questions: { text: string; kind: string; options: { id: string; name: string }[]; reason: string }[];
};
export type ImportRow = {
  row: number;
  kind: 'task' | 'group';
  stt: string;
  section: string | null;
  title: string;
  leadText: string;
  timeFrame: {
    kind: string;
    original: string;
    from?: string;
    to?: string;
    dueDate?: string | null;
    reason?: string;
  };
  leads: LeadResolution;
  coordinators: LeadResolution;
  issues: { column: string | null; message: string; severity: 'error' | 'warning' }[];
  valid: boolean;
  leadUnits: number;
  coordinatorUnits: number;
};
export type ImportReport = {
  total: number;
  valid: number;
  saved: number;
  fileIssues: string[];
  rows: ImportRow[];
};

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
  get<{ items: Task[]; total: number; today: string }>(`/plans/${planId}/tasks`, {
    ...f,
    mine: f.mine ? 'true' : undefined,
    limit: 500,
  });
export const fetchTask = (id: string) =>
  get<{
    task: Task;
    updates: TaskUpdate[];
    reminders: {
      kind: string;
      localDate: string;
      assignmentId: string;
      recipientUnitId: string;
      emailStatus: string;
    }[];
  }>(`/tasks/${id}`);
export type Answers = Record<string, { type: 'unit' | 'group'; id: string }>;
export const importAppendix = (
  planId: string,
  body: { fileName: string; contentBase64: string; confirm: boolean; answers?: Answers },
) => post<ImportReport>(`/plans/${planId}/tasks/import`, body);
export const postUpdate = (
  taskId: string,
  body: {
    kind: 'progress' | 'comment';
    assignmentId?: string;
    status?: string;
    version?: number;
    note: string;
    links: string[];
    recordIds: string[];
    files: { fileName: string; contentType: string; contentBase64: string }[];
  },
) => post<TaskUpdate>(`/tasks/${taskId}/updates`, body);
export const linkTask = (
  taskId: string,
  body: { version: number; themeIds: string[]; targetIds: string[] },
) => patch<Task>(`/tasks/${taskId}`, body);
export type TaskEdit = {
  version: number;
  title: string;
  timeFrame: string;
  output: string;
  budgetText: string;
  note: string;
};
/** Edits the content fields only (PATCH keeps the links and the leads as they are). */
export const editTask = (taskId: string, body: TaskEdit) => patch<Task>(`/tasks/${taskId}`, body);
export const deleteTask = (taskId: string, version: number) =>
  del<null>(`/tasks/${taskId}?version=${version}`);
export type TaskCreate = {
  section?: string | null;
  title: string;
  leadUnitIds: string[];
  leadGroupIds: string[];
  coordinatorUnitIds: string[];
  timeFrame: string;
  output?: string;
  budgetText?: string;
  themeIds: string[];
  targetIds: string[];
};
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

/** Reads a picked file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
