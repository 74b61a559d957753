import { parseTimeFrame } from '@dx/domain';
import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { listRecords, recordKeys } from '../../../api/records';
import {
  createTask,
  deleteTask,
  editTask,
  fetchPlanIndex,
  linkTask,
  planIndexKey,
  type Task,
  taskKeys,
} from '../../../api/tasks';
import { listGroups } from '../../../api/unit-groups';
import { ApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/dates';
import { UnitPicker } from '../../../lib/UnitPicker';
import { ErrorAlert } from '../../../lib/ui';
import type { TaskLabels } from '../../../locales/tasks';
import { errorOf, LinkFields, TaskField } from './TaskField';

type Option = { value: string; label: string };

/** The plan's themes and targets as select options ("II.4.a — title", "I.2.b — text"). */
export function usePlanLinks(planId: string | null) {
  const q = useQuery({
    queryKey: planIndexKey(planId ?? ''),
    queryFn: () => fetchPlanIndex(planId!),
    enabled: !!planId,
  });
  return useMemo(() => {
    const d = q.data;
    const themes: Option[] = (d?.themeIndex ?? []).map((t) => ({
      value: t.id,
      label: `${t.code} — ${t.title}`.slice(0, 140),
    }));
    const targetText = new Map((d?.document.targets ?? []).map((t) => [t.id ?? '', t.text ?? '']));
    const targets: Option[] = (d?.targetIndex ?? []).map((t) => ({
      value: t.id,
      label: `${t.code} — ${targetText.get(t.id) ?? ''}`.slice(0, 140),
    }));
    return { themes, targets, isLoading: q.isLoading, error: q.error };
  }, [q.data, q.isLoading, q.error]);
}

/** How a typed "thời gian thực hiện" is understood, with the domain's own parser (the server uses the same). */
export function TimeFramePreview({ text, planYear, L }: { text: string; planYear: number; L: TaskLabels }) {
  if (!text.trim()) return null;
  const tf = parseTimeFrame(text, { planYear });
  if (tf.kind === 'unknown')
    return (
      <Text size="sm" c="orange.9" aria-live="polite" data-testid="time-frame-preview">
        {L.notUnderstood}: {tf.reason}
      </Text>
    );
  return (
    <Text size="sm" c="dimmed" aria-live="polite" data-testid="time-frame-preview">
      {L.understoodAs}: {formatDate(tf.from)} – {formatDate(tf.to)}
      {tf.dueDate ? `, ${L.due.toLowerCase()} ${formatDate(tf.dueDate)}` : `, ${L.continuous}`}
      {tf.yearInferred ? ` (${L.yearInferred})` : ''}
    </Text>
  );
}

type Field = [string, (value: string) => void];

/** Time frame (read live, as the server will read it), expected output and budget: shared by add and edit. */
function ScheduleFields({
  timeFrame: [timeFrame, setTimeFrame],
  output: [output, setOutput],
  budgetText: [budgetText, setBudgetText],
  fe,
  planYear,
  L,
}: {
  timeFrame: Field;
  output: Field;
  budgetText: Field;
  fe: Record<string, string>;
  planYear: number;
  L: TaskLabels;
}) {
  return (
    <>
      <Stack gap={2}>
        <TaskField
          kind="text"
          name="timeFrame"
          label={L.timeFrame}
          required
          placeholder="Quý III/2023, 01-10/10/2023, Thường xuyên…"
          value={timeFrame}
          onChange={setTimeFrame}
          fe={fe}
        />
        <TimeFramePreview text={timeFrame} planYear={planYear} L={L} />
      </Stack>
      <TaskField kind="textarea" name="output" label={L.output} value={output} onChange={setOutput} fe={fe} />
      <TaskField
        kind="text"
        name="budgetText"
        label={L.budget}
        value={budgetText}
        onChange={setBudgetText}
        fe={fe}
      />
    </>
  );
}

/** A list of units picked one by one with the unit search (UnitPicker). */
function UnitList({
  label,
  provinceId,
  asOf,
  units,
  onChange,
  error,
  L,
}: {
  label: string;
  provinceId: string | null;
  asOf?: string;
  units: { unitId: string; name: string }[];
  onChange: (u: { unitId: string; name: string }[]) => void;
  error?: string;
  L: TaskLabels;
}) {
  const [round, setRound] = useState(0);
  return (
    <Stack gap={4}>
      <UnitPicker
        key={round}
        label={label}
        provinceId={provinceId}
        asOf={asOf}
        value={null}
        error={error}
        onChange={(_, u) => {
          if (u && !units.some((x) => x.unitId === u.unitId)) onChange([...units, u]);
          setRound(round + 1);
        }}
      />
      {units.length > 0 && (
        <Group gap={6} aria-label={label}>
          {units.map((u) => (
            <Badge
              key={u.unitId}
              variant="outline"
              color="dark"
              tt="none"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={`${L.remove} ${u.name}`}
                  onClick={() => onChange(units.filter((x) => x.unitId !== u.unitId))}
                />
              }
            >
              {u.name}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** "Thêm nhiệm vụ": the DX office enters one task by hand (POST /api/plans/:planId/tasks). */
export function CreateTaskDialog({
  planId,
  planYear,
  provinceId,
  onClose,
  L,
}: {
  planId: string;
  planYear: number;
  provinceId: string | null;
  onClose: () => void;
  L: TaskLabels;
}) {
  const qc = useQueryClient();
  const links = usePlanLinks(planId);
  const groups = useQuery({
    queryKey: ['unit-groups', 'list', provinceId ?? ''],
    queryFn: () => listGroups(provinceId!),
    enabled: !!provinceId,
  });
  const [title, setTitle] = useState('');
  const [section, setSection] = useState('');
  const [leads, setLeads] = useState<{ unitId: string; name: string }[]>([]);
  const [leadGroupIds, setLeadGroupIds] = useState<string[]>([]);
  const [coordinators, setCoordinators] = useState<{ unitId: string; name: string }[]>([]);
  const [timeFrame, setTimeFrame] = useState('');
  const [output, setOutput] = useState('');
  const [budgetText, setBudgetText] = useState('');
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [targetIds, setTargetIds] = useState<string[]>([]);
  const tf = timeFrame.trim() ? parseTimeFrame(timeFrame, { planYear }) : null;
  const asOf = tf && tf.kind !== 'unknown' ? tf.from : `${planYear}-01-01`;
  const save = useMutation({
    mutationFn: () =>
      createTask(planId, {
        title,
        section: section.trim() || null,
        leadUnitIds: leads.map((u) => u.unitId),
        leadGroupIds,
        coordinatorUnitIds: coordinators.map((u) => u.unitId),
        timeFrame,
        output,
        budgetText,
        themeIds,
        targetIds,
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: taskKeys.all });
      onClose();
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={L.add} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TaskField
            kind="textarea"
            name="title"
            label={L.title_}
            required
            minRows={2}
            value={title}
            onChange={setTitle}
            fe={fe}
          />
          <TaskField
            kind="text"
            name="section"
            label={L.section}
            value={section}
            onChange={setSection}
            fe={fe}
          />
          <UnitList
            label={L.leadUnits}
            provinceId={provinceId}
            asOf={asOf}
            units={leads}
            onChange={setLeads}
            error={errorOf(fe, 'leadUnitIds')}
            L={L}
          />
          <TaskField
            kind="multi"
            name="leadGroupIds"
            label={L.leadGroups}
            data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={leadGroupIds}
            onChange={setLeadGroupIds}
            fe={fe}
          />
          <UnitList
            label={L.coordinatorUnits}
            provinceId={provinceId}
            asOf={asOf}
            units={coordinators}
            onChange={setCoordinators}
            error={errorOf(fe, 'coordinatorUnitIds')}
            L={L}
          />
          <ScheduleFields
            timeFrame={[timeFrame, setTimeFrame]}
            output={[output, setOutput]}
            budgetText={[budgetText, setBudgetText]}
            fe={fe}
            planYear={planYear}
            L={L}
          />
          <LinkFields
            themes={[themeIds, setThemeIds, links.themes]}
            targets={[targetIds, setTargetIds, links.targets]}
            fe={fe}
            labels={L}
          />
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {L.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {L.add}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** After a 409 the detail is reloaded, so what the user sees is the current task. */
const isConflict = (e: unknown) => e instanceof ApiError && e.code === 'RESOURCE.VERSION_CONFLICT';

/**
 * "Sửa nhiệm vụ": the hand-entry fields for the content, prefilled (PATCH /api/tasks/:taskId with version). Leads
 * are not edited here (the units' parts are not re-expanded).
 */
export function EditTaskDialog({ task, onClose, L }: { task: Task; onClose: () => void; L: TaskLabels }) {
  const qc = useQueryClient();
  const plan = useQuery({ queryKey: planIndexKey(task.planId), queryFn: () => fetchPlanIndex(task.planId) });
  const planYear =
    plan.data?.document.year ?? Number((task.timeFrame.from ?? '').slice(0, 4) || new Date().getFullYear());
  const [title, setTitle] = useState(task.title);
  const [timeFrame, setTimeFrame] = useState(task.timeFrame.text);
  const [output, setOutput] = useState(task.output);
  const [budgetText, setBudgetText] = useState(task.budgetText);
  const [note, setNote] = useState(task.note);
  const save = useMutation({
    mutationFn: () =>
      editTask(task.id, { version: task.version, title, timeFrame, output, budgetText, note }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: taskKeys.all });
      onClose();
    },
    onError: (e) => {
      if (isConflict(e)) qc.invalidateQueries({ queryKey: taskKeys.detail(task.id) });
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={L.editTask} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {L.editTaskHint}
          </Text>
          <TaskField
            kind="textarea"
            name="title"
            label={L.title_}
            required
            minRows={2}
            value={title}
            onChange={setTitle}
            fe={fe}
          />
          <ScheduleFields
            timeFrame={[timeFrame, setTimeFrame]}
            output={[output, setOutput]}
            budgetText={[budgetText, setBudgetText]}
            fe={fe}
            planYear={planYear}
            L={L}
          />
          <TaskField kind="textarea" name="note" label={L.taskNote} value={note} onChange={setNote} fe={fe} />
          {save.error && (
            <Alert color="red" role="alert">
              {isConflict(save.error) ? L.conflictTask : save.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {L.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {L.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Xóa nhiệm vụ" after a confirmation; the server refuses (409) a task that already has updates. */
export function DeleteTaskDialog({
  task,
  onClose,
  onDeleted,
  L,
}: {
  task: Task;
  onClose: () => void;
  onDeleted: () => void;
  L: TaskLabels;
}) {
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteTask(task.id, task.version),
    onSuccess: () => {
      qc.removeQueries({ queryKey: taskKeys.detail(task.id) });
      qc.invalidateQueries({ queryKey: taskKeys.all });
      onDeleted();
    },
    onError: (e) => {
      if (isConflict(e)) qc.invalidateQueries({ queryKey: taskKeys.detail(task.id) });
    },
  });
  return (
    <Modal opened onClose={onClose} title={L.deleteTask}>
      <Stack>
        <Text>{L.deleteConfirm(task.title)}</Text>
        {remove.error && (
          <Alert color="red" role="alert">
            {isConflict(remove.error) ? L.conflictTask : remove.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {L.cancel}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {L.deleteTask}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The task's themes and targets; the DX office edits them (PATCH with version; a 409 shows the current links). */
export function TaskLinksPanel({ task, canEdit, L }: { task: Task; canEdit: boolean; L: TaskLabels }) {
  const qc = useQueryClient();
  const links = usePlanLinks(task.planId);
  const [editing, setEditing] = useState(false);
  const [base, setBase] = useState(task.version);
  const [themeIds, setThemeIds] = useState<string[]>(task.themeIds);
  const [targetIds, setTargetIds] = useState<string[]>(task.targetIds);
  const save = useMutation({
    mutationFn: (version: number) => linkTask(task.id, { version, themeIds, targetIds }),
    onSuccess: (t) => {
      qc.setQueryData(taskKeys.detail(task.id), (old: unknown) =>
        old && typeof old === 'object' ? { ...old, task: t } : old,
      );
      qc.invalidateQueries({ queryKey: taskKeys.all });
      setEditing(false);
    },
  });
  const conflict =
    save.error instanceof ApiError && save.error.code === 'RESOURCE.VERSION_CONFLICT'
      ? (save.error.details?.current as Task | undefined)
      : undefined;
  const fe = save.error instanceof ApiError && !conflict ? save.error.fieldErrors : {};
  const name = (opts: Option[], id: string) => opts.find((o) => o.value === id)?.label ?? id;
  const describe = (t: { themeIds: string[]; targetIds: string[] }) => [
    ...t.themeIds.map((id) => name(links.themes, id)),
    ...t.targetIds.map((id) => name(links.targets, id)),
  ];
  const start = () => {
    setThemeIds(task.themeIds);
    setTargetIds(task.targetIds);
    setBase(task.version);
    save.reset();
    setEditing(true);
  };
  const shown = describe(task);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3}>{L.links}</Title>
          {canEdit && !editing && (
            <Button size="xs" variant="light" onClick={start}>
              {L.editLinks}
            </Button>
          )}
        </Group>
        {!editing &&
          (shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              {L.noLinks}
            </Text>
          ) : (
            <Stack gap={2}>
              {shown.map((s) => (
                <Text key={s} size="sm">
                  • {s}
                </Text>
              ))}
            </Stack>
          ))}
        {editing && (
          <Stack>
            <LinkFields
              themes={[themeIds, setThemeIds, links.themes]}
              targets={[targetIds, setTargetIds, links.targets]}
              fe={fe}
              labels={L}
            />
            {conflict ? (
              <Alert color="orange" title={L.conflictTitle} role="alert">
                <Text size="sm">{L.conflictText}</Text>
                {describe(conflict).length === 0 ? (
                  <Text size="sm">—</Text>
                ) : (
                  describe(conflict).map((s) => (
                    <Text key={s} size="sm">
                      • {s}
                    </Text>
                  ))
                )}
                <Group mt="xs">
                  <Button
                    size="xs"
                    loading={save.isPending}
                    onClick={() => {
                      setBase(conflict.version);
                      save.mutate(conflict.version);
                    }}
                  >
                    {L.reapply}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setThemeIds(conflict.themeIds);
                      setTargetIds(conflict.targetIds);
                      setBase(conflict.version);
                      save.reset();
                      qc.invalidateQueries({ queryKey: taskKeys.detail(task.id) });
                    }}
                  >
                    {L.useCurrent}
                  </Button>
                </Group>
              </Alert>
            ) : (
              save.error && <ErrorAlert error={save.error} />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {L.cancel}
              </Button>
              <Button loading={save.isPending} onClick={() => save.mutate(base)}>
                {L.save}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The updating unit's publications and events, to cite as evidence (recordIds of a task update). */
export function RecordPicker({
  provinceId,
  unitId,
  value,
  onChange,
  error,
  L,
}: {
  provinceId: string | null;
  unitId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  L: TaskLabels;
}) {
  const pubs = useQuery({
    queryKey: recordKeys.list('publication', provinceId ?? '', unitId),
    queryFn: () => listRecords('publication', provinceId!, unitId),
    enabled: !!provinceId,
  });
  const events = useQuery({
    queryKey: recordKeys.list('event', provinceId ?? '', unitId),
    queryFn: () => listRecords('event', provinceId!, unitId),
    enabled: !!provinceId,
  });
  const data = [
    {
      group: L.pubGroup,
      items: (pubs.data?.items ?? []).map((r) => ({
        value: r.id,
        label: `${String(r.title ?? '')} (${formatDate(String(r.publishedOn ?? ''))})`.slice(0, 160),
      })),
    },
    {
      group: L.eventGroup,
      items: (events.data?.items ?? []).map((r) => ({
        value: r.id,
        label: `${String(r.title ?? '')} (${formatDate(String(r.heldOn ?? ''))})`.slice(0, 160),
      })),
    },
  ].filter((g) => g.items.length > 0);
  return (
    <MultiSelect
      label={L.records}
      placeholder={L.recordsHint}
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      error={error ?? (pubs.error || events.error ? (pubs.error ?? events.error)?.message : undefined)}
      nothingFoundMessage="—"
    />
  );
}
