import type { AssignmentStatus } from '@dx/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Progress,
  ScrollArea,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useMemo, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import {
  type Answers,
  type Assignment,
  exportUrl,
  fetchTask,
  fileToBase64,
  type ImportReport,
  importAppendix,
  listTasks,
  postUpdate,
  type Task,
  type TaskFilter,
  taskKeys,
} from '../../api/tasks';
import { ApiError, get } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { UnitPicker } from '../../lib/UnitPicker';
import { UrgeButton } from '../../lib/UrgeButton';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { type TaskLabels, useTaskLabels } from '../../locales/tasks';
import {
  CreateTaskDialog,
  DeleteTaskDialog,
  EditTaskDialog,
  RecordPicker,
  TaskLinksPanel,
  usePlanLinks,
} from './TaskForms';

// Dark shades with white text: Mantine's light badges fail axe colour contrast (docs/design.md § Traps).
const STATUS_COLOR: Record<string, string> = {
  not_started: 'gray.8',
  in_progress: 'blue.9',
  done: '#1b6b2f',
  blocked: '#a33a05',
  overdue: 'red.9',
};

/** Tasks of the plan's appendix (plan 54 III): list and filters, my tasks, timeline, import, per-unit progress. */
export function TasksPage() {
  return (
    <Routes>
      <Route index element={<TaskList />} />
      <Route path=":taskId" element={<TaskDetail />} />
    </Routes>
  );
}

function StatusBadge({ status, L }: { status: string; L: TaskLabels }) {
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray.8'} variant="filled" tt="none">
      {L.statuses[status] ?? status}
    </Badge>
  );
}

function usePlans(provinceId: string | null) {
  return useQuery({
    queryKey: ['plans', 'list', provinceId ?? ''],
    queryFn: () =>
      get<{ items: { id: string; number: string | null; year: number; title: string }[] }>('/plans', {
        provinceId,
      }),
    enabled: !!provinceId,
  });
}

function TaskList() {
  const L = useTaskLabels();
  const { can } = useSession();
  const { provinceId } = useProvince();
  const plans = usePlans(provinceId);
  const [planId, setPlanId] = useState<string | null>(null);
  const currentPlan = planId ?? plans.data?.items[0]?.id ?? null;
  const planYear = plans.data?.items.find((p) => p.id === currentPlan)?.year ?? new Date().getFullYear();
  const [filter, setFilter] = useState<TaskFilter>({
    mine: !can('task.write') && can('task.update_progress'),
  });
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  const links = usePlanLinks(currentPlan);
  const q = useQuery({
    queryKey: taskKeys.list(currentPlan ?? '', filter),
    queryFn: () => listTasks(currentPlan!, filter),
    enabled: !!currentPlan,
  });
  if (plans.isLoading) return <Loading />;
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => plans.refetch()} />;
  if (!plans.data?.items.length) return <Empty title={L.noPlan} />;
  const items = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{L.title}</Title>
          <Text c="dimmed" size="sm">
            {L.intro}
          </Text>
        </div>
        <Group>
          {can('task.write') && currentPlan && <Button onClick={() => setAdding(true)}>{L.add}</Button>}
          {can('task.write') && (
            <Button variant="light" onClick={() => setImporting(true)}>
              {L.import}
            </Button>
          )}
          {currentPlan && items.some((t) => t.progress.overdue > 0) && (
            <UrgeButton planId={currentPlan} request={{ source: 'tasks' }} />
          )}
          {currentPlan && (
            <Button component="a" href={exportUrl(currentPlan)} variant="default">
              {L.export}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={L.plan}
          value={currentPlan ?? ''}
          onChange={(e) => {
            setPlanId(e.currentTarget.value);
            setFilter({ ...filter, themeId: undefined });
          }}
          data={plans.data.items.map((p) => ({
            value: p.id,
            label: `${p.number ?? p.year} — ${p.title}`.slice(0, 90),
          }))}
        />
        <NativeSelect
          label={L.status}
          value={filter.status ?? ''}
          onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: L.allStatuses },
            ...Object.entries(L.statuses).map(([value, label]) => ({ value, label })),
          ]}
        />
        <NativeSelect
          label={L.dueIn}
          value={filter.dueFrom ? `${filter.dueFrom}/${filter.dueTo}` : ''}
          onChange={(e) => {
            const [dueFrom, dueTo] = e.currentTarget.value
              ? e.currentTarget.value.split('/')
              : [undefined, undefined];
            setFilter({ ...filter, dueFrom, dueTo });
          }}
          data={[{ value: '', label: L.anyTime }, ...quarterOptions(planYear, L)]}
        />
        <TextInput
          label={L.search}
          value={filter.q ?? ''}
          onChange={(e) => setFilter({ ...filter, q: e.currentTarget.value || undefined })}
        />
        <UnitPicker
          label={L.unitFilter}
          provinceId={provinceId}
          value={filter.unitId ?? null}
          onChange={(unitId) => setFilter({ ...filter, unitId: unitId ?? undefined })}
          w={260}
        />
        <NativeSelect
          label={L.themeFilter}
          value={filter.themeId ?? ''}
          onChange={(e) => setFilter({ ...filter, themeId: e.currentTarget.value || undefined })}
          data={[{ value: '', label: L.allThemes }, ...links.themes]}
          maw={320}
        />
        <Switch
          label={L.mine}
          checked={!!filter.mine}
          onChange={(e) => setFilter({ ...filter, mine: e.currentTarget.checked })}
        />
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isLoading ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty title={L.empty} hint={can('task.write') ? L.emptyHint : undefined} />
      ) : (
        <Tabs defaultValue="list">
          <Tabs.List>
            <Tabs.Tab value="list">{L.list}</Tabs.Tab>
            <Tabs.Tab value="timeline">{L.timeline}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="list" pt="sm">
            <TaskTable items={items} L={L} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="sm">
            <Timeline items={items} today={q.data?.today ?? ''} L={L} />
          </Tabs.Panel>
        </Tabs>
      )}
      {adding && currentPlan && (
        <CreateTaskDialog
          planId={currentPlan}
          planYear={planYear}
          provinceId={provinceId}
          onClose={() => setAdding(false)}
          L={L}
        />
      )}
      {currentPlan && (
        <ImportDialog opened={importing} onClose={() => setImporting(false)} planId={currentPlan} L={L} />
      )}
    </Stack>
  );
}

function TaskTable({ items, L }: { items: Task[]; L: TaskLabels }) {
  let section: string | null = null;
  const rows: ReactElement[] = [];
  for (const t of items) {
    if (t.section && t.section !== section) {
      section = t.section;
      rows.push(
        <Table.Tr key={`s-${t.id}`}>
          <Table.Td colSpan={5}>
            <Text fw={700}>{section}</Text>
          </Table.Td>
        </Table.Tr>,
      );
    }
    const pct = t.progress.total ? Math.round((100 * t.progress.done) / t.progress.total) : 0;
    rows.push(
      <Table.Tr key={t.id}>
        <Table.Td>{t.stt}</Table.Td>
        <Table.Td>
          <Anchor component={Link} to={t.id}>
            {t.title}
          </Anchor>
        </Table.Td>
        <Table.Td>{t.leadText}</Table.Td>
        <Table.Td>
          {t.timeFrame.text}
          {t.timeFrame.dueDate && (
            <Text size="xs" c="dimmed">
              {L.due}: {formatDate(t.timeFrame.dueDate)}
            </Text>
          )}
        </Table.Td>
        <Table.Td miw={160}>
          <Progress value={pct} color={t.progress.overdue ? 'red' : 'green'} aria-label={L.progress} />
          <Text size="xs">{L.unitsDone(t.progress.done, t.progress.total)}</Text>
          {t.progress.overdue > 0 && <StatusBadge status="overdue" L={L} />}
        </Table.Td>
      </Table.Tr>,
    );
  }
  return (
    <ScrollArea>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.stt}</Table.Th>
            <Table.Th>{L.task}</Table.Th>
            <Table.Th>{L.lead}</Table.Th>
            <Table.Th>{L.timeFrame}</Table.Th>
            <Table.Th>{L.progress}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** The quarters of the plan year as due-date ranges (dueFrom/dueTo). */
function quarterOptions(year: number, L: TaskLabels) {
  const last = ['03-31', '06-30', '09-30', '12-31'];
  return [1, 2, 3, 4].map((q) => ({
    value: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01/${year}-${last[q - 1]}`,
    label: `${L.quarter} ${['I', 'II', 'III', 'IV'][q - 1]}/${year}`,
  }));
}

/** "2023-10" for a month bucket, "2023-Q4" for a quarter bucket. */
const bucketOf = (iso: string, scale: 'month' | 'quarter') =>
  scale === 'month' ? iso.slice(0, 7) : `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;

/** A simple Gantt by month or quarter over the plan's tasks: one bar from the period start to its end. */
function Timeline({ items, today, L }: { items: Task[]; today: string; L: TaskLabels }) {
  const [scale, setScale] = useState<'month' | 'quarter'>('month');
  const dated = items.filter((t) => t.timeFrame.from && t.timeFrame.to);
  const months = useMemo(() => {
    if (dated.length === 0) return [];
    const first = dated.map((t) => t.timeFrame.from!).sort()[0]!;
    const last = dated
      .map((t) => t.timeFrame.to!)
      .sort()
      .at(-1)!
      .slice(0, 7);
    const out: string[] = [];
    let [y, m] = first.split('-').map(Number) as [number, number];
    while (`${y}-${String(m).padStart(2, '0')}` <= last && out.length < 120) {
      const b = bucketOf(`${y}-${String(m).padStart(2, '0')}-01`, scale);
      if (out.at(-1) !== b) out.push(b);
      m++;
      if (m > 12) [y, m] = [y + 1, 1];
    }
    return out;
  }, [dated, scale]);
  if (months.length === 0) return <Empty title={L.empty} />;
  return (
    <ScrollArea>
      <NativeSelect
        label={L.scale}
        value={scale}
        onChange={(e) => setScale(e.currentTarget.value as 'month' | 'quarter')}
        data={[
          { value: 'month', label: L.byMonth },
          { value: 'quarter', label: L.byQuarter },
        ]}
        w={200}
        mb="sm"
      />
      <Table withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.task}</Table.Th>
            {months.map((m) => (
              <Table.Th key={m} style={{ fontWeight: today && bucketOf(today, scale) === m ? 800 : 500 }}>
                {m.slice(5)}/{m.slice(2, 4)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dated.map((t) => {
            const color =
              t.progress.total && t.progress.done === t.progress.total
                ? 'var(--mantine-color-green-6)'
                : t.progress.overdue
                  ? 'var(--mantine-color-red-6)'
                  : 'var(--mantine-color-blue-6)';
            return (
              <Table.Tr key={t.id}>
                <Table.Td maw={280}>
                  <Anchor component={Link} to={t.id} size="sm">
                    {t.title}
                  </Anchor>
                </Table.Td>
                {months.map((m) => {
                  const on = bucketOf(t.timeFrame.from!, scale) <= m && m <= bucketOf(t.timeFrame.to!, scale);
                  return (
                    <Table.Td
                      key={m}
                      p={2}
                      style={{ background: on ? color : undefined, minWidth: 24 }}
                      title={on ? t.timeFrame.text : undefined}
                    />
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function ImportDialog({
  opened,
  onClose,
  planId,
  L,
}: {
  opened: boolean;
  onClose: () => void;
  planId: string;
  L: TaskLabels;
}) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const run = useMutation({
    mutationFn: async (confirm: boolean) =>
      importAppendix(planId, {
        fileName: file!.name,
        contentBase64: await fileToBase64(file!),
        confirm,
        answers,
      }),
    onSuccess: (r) => {
      setReport(r);
      if (r.saved) qc.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
  const close = () => {
    setReport(null);
    setFile(null);
    setAnswers({});
    onClose();
  };
  // "Ask when unsure": a name that fits several units is answered here once, then the dry run runs again.
  const questions = new Map<string, { id: string; name: string }[]>();
  for (const r of report?.rows ?? []) {
    for (const q of [...r.leads.questions, ...r.coordinators.questions])
      if (q.options.length) questions.set(q.text, q.options);
  }
  return (
    <Modal opened={opened} onClose={close} title={L.import} size="90%">
      <Stack>
        <FileInput
          label={L.file}
          accept=".xlsx,.csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setReport(null);
          }}
          clearable
        />
        <Group>
          <Button disabled={!file} loading={run.isPending} onClick={() => run.mutate(false)}>
            {L.dryRun}
          </Button>
          {report && !report.saved && report.valid > 0 && (
            <Button color="green" loading={run.isPending} onClick={() => run.mutate(true)}>
              {L.confirm(report.valid)}
            </Button>
          )}
        </Group>
        {run.error && <ErrorAlert error={run.error} />}
        {questions.size > 0 && !report?.saved && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Text fw={600}>{L.questions}</Text>
              {[...questions].map(([text, options]) => (
                <NativeSelect
                  key={text}
                  label={L.whichUnit(text)}
                  value={answers[text]?.id ?? ''}
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    const next = { ...answers };
                    if (id) next[text] = { type: 'unit', id };
                    else delete next[text];
                    setAnswers(next);
                  }}
                  data={[{ value: '', label: '—' }, ...options.map((o) => ({ value: o.id, label: o.name }))]}
                />
              ))}
              <Group>
                <Button variant="light" loading={run.isPending} onClick={() => run.mutate(false)}>
                  {L.dryRun}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        {report?.fileIssues.map((m) => (
          <Alert key={m} color="red">
            {m}
          </Alert>
        ))}
        {report && (
          <Alert color={report.saved ? 'green' : report.valid === report.total ? 'blue' : 'yellow'}>
            {report.saved ? L.saved(report.saved) : L.summary(report.valid, report.total)}
          </Alert>
        )}
        {report && (
          <ScrollArea>
            <Table striped aria-label={L.dryRun}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{L.row}</Table.Th>
                  <Table.Th>{L.task}</Table.Th>
                  <Table.Th>{L.lead}</Table.Th>
                  <Table.Th>{L.timeFrame}</Table.Th>
                  <Table.Th>{L.problems}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((r) =>
                  r.kind === 'group' ? (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td colSpan={4}>
                        <Text fw={700}>{r.section}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    <Table.Tr
                      key={r.row}
                      style={{ background: r.valid ? undefined : 'var(--mantine-color-red-0)' }}
                    >
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.title}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.leadText}</Text>
                        <Text size="xs" c="dimmed">
                          → {r.leads.matches.map((m) => m.name).join('; ') || '—'} ({L.units(r.leadUnits)})
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.timeFrame.original}</Text>
                        {r.timeFrame.from && (
                          <Text size="xs" c="dimmed">
                            → {formatDate(r.timeFrame.from)}–{formatDate(r.timeFrame.to)}
                            {r.timeFrame.dueDate ? `, ${L.due} ${formatDate(r.timeFrame.dueDate)}` : ''}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.issues.length === 0 ? (
                          <Badge color="#1b6b2f" variant="filled" tt="none">
                            {L.ok}
                          </Badge>
                        ) : (
                          r.issues.map((i) => (
                            <Text key={i.message} size="sm" c={i.severity === 'error' ? 'red.8' : 'yellow.9'}>
                              {i.message}
                            </Text>
                          ))
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </Modal>
  );
}

function TaskDetail() {
  const L = useTaskLabels();
  const { taskId } = useParams();
  const { can, me } = useSession();
  const q = useQuery({ queryKey: taskKeys.detail(taskId!), queryFn: () => fetchTask(taskId!) });
  const [editing, setEditing] = useState<{ part: Assignment | null; kind: 'progress' | 'comment' } | null>(
    null,
  );
  const [changing, setChanging] = useState<'edit' | 'delete' | null>(null);
  const navigate = useNavigate();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const { task, updates } = q.data;
  const myUnits = new Set((me?.user.grants ?? []).map((g) => g.unitId));
  const canWrite = (a: Assignment) => can('task.write') || myUnits.has(a.unitId);
  const pct = task.progress.total ? Math.round((100 * task.progress.done) / task.progress.total) : 0;
  const partsShown = [...task.assignments].sort((a, b) => Number(canWrite(b)) - Number(canWrite(a)));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="..">
        ← {L.back}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{task.title}</Title>
        {can('task.write') && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setChanging('edit')}>
              {L.editTask}
            </Button>
            <Button variant="light" color="red" onClick={() => setChanging('delete')}>
              {L.deleteTask}
            </Button>
          </Group>
        )}
      </Group>
      {changing === 'edit' && <EditTaskDialog task={task} onClose={() => setChanging(null)} L={L} />}
      {changing === 'delete' && (
        <DeleteTaskDialog
          task={task}
          onClose={() => setChanging(null)}
          onDeleted={() => navigate('..')}
          L={L}
        />
      )}
      <Paper withBorder p="md">
        <Stack gap={4}>
          {task.section && <Text size="sm">{task.section}</Text>}
          <Text size="sm">
            <b>{L.lead}:</b> {task.leadText}
          </Text>
          {task.coordinatorText && (
            <Text size="sm">
              <b>{L.coordinators}:</b> {task.coordinatorText}
            </Text>
          )}
          <Text size="sm">
            <b>{L.timeFrame}:</b> {task.timeFrame.text}
            {task.timeFrame.dueDate && ` (${L.due} ${formatDate(task.timeFrame.dueDate)})`}
          </Text>
          {task.output && (
            <Text size="sm">
              <b>{L.output}:</b> {task.output}
            </Text>
          )}
          {task.budgetText && (
            <Text size="sm">
              <b>{L.budget}:</b> {task.budgetText}
            </Text>
          )}
          {task.note && (
            <Text size="sm">
              <b>{L.taskNote}:</b> {task.note}
            </Text>
          )}
          <Progress
            value={pct}
            color={task.progress.overdue ? 'red' : 'green'}
            aria-label={L.progress}
            mt="xs"
          />
          <Text size="sm">{L.unitsDone(task.progress.done, task.progress.total)}</Text>
        </Stack>
      </Paper>
      <TaskLinksPanel key={task.version} task={task} canEdit={can('task.write')} L={L} />
      <Title order={3}>{L.parts}</Title>
      <ScrollArea h={partsShown.length > 12 ? 420 : undefined}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{L.unit}</Table.Th>
              <Table.Th>{L.role}</Table.Th>
              <Table.Th>{L.status}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {partsShown.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.unitName}</Table.Td>
                <Table.Td>{a.role === 'lead' ? L.roleLead : L.roleCoordinator}</Table.Td>
                <Table.Td>
                  <StatusBadge status={a.effectiveStatus} L={L} />
                </Table.Td>
                <Table.Td>
                  {canWrite(a) && (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`${a.role === 'lead' ? L.update : L.comment}: ${a.unitName}`}
                      onClick={() =>
                        setEditing({ part: a, kind: a.role === 'lead' ? 'progress' : 'comment' })
                      }
                    >
                      {a.role === 'lead' ? L.update : L.comment}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {can('task.write') && (
        <Group>
          <Button variant="default" onClick={() => setEditing({ part: null, kind: 'comment' })}>
            {L.comment}
          </Button>
        </Group>
      )}
      <Title order={3}>{L.history}</Title>
      {updates.length === 0 ? (
        <Text c="dimmed">{L.noHistory}</Text>
      ) : (
        updates.map((u) => (
          <Paper key={u.id} withBorder p="sm">
            <Text size="sm" fw={600}>
              {u.authorName} — {formatDateTime(u.createdAt)}
              {u.statusTo && (
                <>
                  {' '}
                  <StatusBadge status={u.statusTo} L={L} />
                </>
              )}
            </Text>
            {u.note && <Text size="sm">{u.note}</Text>}
            {u.links.map((l) => (
              <Anchor key={l} href={l} target="_blank" rel="noreferrer" size="sm" display="block">
                {l}
              </Anchor>
            ))}
            {u.recordIds.length > 0 && (
              <Text size="sm">
                {L.evidenceRecords}: {u.recordIds.length}
              </Text>
            )}
            {u.attachments.map((f) => (
              <Anchor key={f.id} href={`/api/task-attachments/${f.id}`} size="sm" display="block">
                📎 {f.fileName}
              </Anchor>
            ))}
          </Paper>
        ))
      )}
      {q.data.reminders.length > 0 && (
        <>
          <Title order={3}>{L.reminders}</Title>
          <Table>
            <Table.Tbody>
              {q.data.reminders.map((r) => (
                <Table.Tr key={`${r.assignmentId}-${r.kind}-${r.localDate}`}>
                  <Table.Td>{formatDate(r.localDate)}</Table.Td>
                  <Table.Td>{L.reminderKinds[r.kind] ?? r.kind}</Table.Td>
                  <Table.Td>{task.assignments.find((a) => a.id === r.assignmentId)?.unitName}</Table.Td>
                  <Table.Td>{L.emailStatuses[r.emailStatus] ?? r.emailStatus}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {editing && (
        <UpdateDialog
          task={task}
          part={editing.part}
          kind={editing.kind}
          onClose={() => setEditing(null)}
          L={L}
        />
      )}
    </Stack>
  );
}

function UpdateDialog({
  task,
  part,
  kind,
  onClose,
  L,
}: {
  task: Task;
  part: Assignment | null;
  kind: 'progress' | 'comment';
  onClose: () => void;
  L: TaskLabels;
}) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<AssignmentStatus>(
    part?.status === 'not_started' ? 'in_progress' : (part?.status ?? 'in_progress'),
  );
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [recordIds, setRecordIds] = useState<string[]>([]);
  const { provinceId } = useProvince();
  const save = useMutation({
    mutationFn: async () =>
      postUpdate(task.id, {
        kind,
        assignmentId: part?.id,
        status: kind === 'progress' ? status : undefined,
        version: kind === 'progress' ? part?.version : undefined,
        note,
        links: link.trim() ? [link.trim()] : [],
        recordIds,
        files: file
          ? [
              {
                fileName: file.name,
                contentType: file.type || 'application/octet-stream',
                contentBase64: await fileToBase64(file),
              },
            ]
          : [],
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: taskKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${kind === 'progress' ? L.updateTitle : L.comment}${part ? ` — ${part.unitName}` : ''}`}
    >
      <Stack>
        {kind === 'progress' && (
          <NativeSelect
            label={L.status}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as AssignmentStatus)}
            data={['not_started', 'in_progress', 'done', 'blocked'].map((s) => ({
              value: s,
              label: L.statuses[s]!,
            }))}
          />
        )}
        <Textarea
          label={L.note}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <TextInput
          label={L.link}
          value={link}
          onChange={(e) => setLink(e.currentTarget.value)}
          placeholder="https://"
        />
        {part && (
          <RecordPicker
            provinceId={provinceId}
            unitId={part.unitId}
            value={recordIds}
            onChange={setRecordIds}
            error={save.error instanceof ApiError ? save.error.fieldErrors['recordIds.0'] : undefined}
            L={L}
          />
        )}
        <FileInput label={L.evidenceFile} value={file} onChange={setFile} clearable />
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {L.close}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {L.save}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
