import { Anchor, Progress, ScrollArea, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import type { Task } from '../../../api/tasks';
import { formatDate } from '../../../lib/dates';
import type { TaskLabels } from '../../../locales/tasks';
import { StatusBadge } from './shared';

export function TaskTable({ items, L }: { items: Task[]; L: TaskLabels }) {
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
