import { Anchor, Button, Group, Paper, Progress, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Assignment, fetchTask, taskKeys } from '../../../api/tasks';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useSession } from '../../../lib/session';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { useTaskLabels } from '../../../locales/tasks';
import { StatusBadge } from './shared';
import { DeleteTaskDialog, EditTaskDialog, TaskLinksPanel } from './TaskForms';
import { UpdateDialog } from './UpdateDialog';

export function TaskDetail() {
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
