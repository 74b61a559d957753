import { Anchor, List, NativeSelect, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Task } from '../../../api/tasks';
import { Empty } from '../../../lib/ui';
import type { TaskLabels } from '../../../locales/tasks';

/** "2023-10" for a month bucket, "2023-Q4" for a quarter bucket. */
export const bucketOf = (iso: string, scale: 'month' | 'quarter') =>
  scale === 'month' ? iso.slice(0, 7) : `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;

/**
 * A simple Gantt by month or quarter over the plan's tasks: one bar from the period start to its end. Tasks whose
 * time frame could not be read are listed beside it, never dropped without notice.
 */
export function Timeline({ items, today, L }: { items: Task[]; today: string; L: TaskLabels }) {
  const undated = items.filter((t) => !(t.timeFrame.from && t.timeFrame.to));
  return (
    <Stack gap="md">
      <Gantt items={items} today={today} L={L} />
      {undated.length > 0 && (
        <Paper withBorder p="sm" component="section" aria-label={L.undatedTitle(undated.length)}>
          <Text fw={600}>{L.undatedTitle(undated.length)}</Text>
          <Text size="sm" c="dimmed" mb="xs">
            {L.undatedHint}
          </Text>
          <List size="sm" spacing={4}>
            {undated.map((t) => (
              <List.Item key={t.id}>
                <Anchor component={Link} to={t.id} size="sm">
                  {t.stt ? `${t.stt}. ` : ''}
                  {t.title}
                </Anchor>
                {t.timeFrame.text ? ` — "${t.timeFrame.text}"` : ''}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}

function Gantt({ items, today, L }: { items: Task[]; today: string; L: TaskLabels }) {
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
  if (months.length === 0) return dated.length === items.length ? <Empty title={L.empty} /> : null;
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
