import { Group, NativeSelect, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { budgetKeys, type Diff, type Estimate, fetchDiff } from '../../../api/budget';
import { formatDateTime } from '../../../lib/dates';
import { formatMoney } from '../../../lib/format';
import { Empty, ErrorAlert } from '../../../lib/ui';
import { fill, useBudgetLabels } from '../../../locales/budget';

export function History({ e }: { e: Estimate }) {
  const L = useBudgetLabels();
  return (
    <Stack
      gap="xs"
      component="ol"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label={L.history}
    >
      {e.events.map((ev) => (
        <Paper key={ev.id} withBorder p="sm" component="li">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600}>
              {L.actions[ev.action] ?? ev.action}
              {ev.stepLabel ? ` — ${ev.stepLabel}` : ''}
            </Text>
            <Text size="sm">{formatDateTime(ev.at)}</Text>
          </Group>
          <Text size="sm">{fill(L.roundOf, { actor: ev.actorName, round: ev.round })}</Text>
          {ev.reason && <Text size="sm">{fill(L.reasonNote, { reason: ev.reason })}</Text>}
        </Paper>
      ))}
    </Stack>
  );
}

export function DiffView({ e }: { e: Estimate }) {
  const L = useBudgetLabels();
  const revs = e.revisions;
  const [from, setFrom] = useState<number | undefined>(revs[0]?.seq);
  const [to, setTo] = useState<number | undefined>(revs.at(-1)?.seq);
  const q = useQuery({
    queryKey: budgetKeys.diff(e.id, from, to),
    queryFn: () => fetchDiff(e.id, from, to),
    enabled: revs.length > 0,
  });
  if (revs.length === 0) return <Empty title={L.noRevisions} hint={L.noRevisionsHint} />;
  const opts = revs.map((r) => ({
    value: String(r.seq),
    label: fill(L.revisionOption, {
      seq: r.seq,
      round: r.round,
      kind: L.revisions[r.kind] ?? r.kind,
      total: formatMoney(r.total),
    }),
  }));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={L.fromRevision}
          value={String(from)}
          onChange={(ev) => setFrom(Number(ev.currentTarget.value))}
          data={opts}
        />
        <NativeSelect
          label={L.toRevision}
          value={String(to)}
          onChange={(ev) => setTo(Number(ev.currentTarget.value))}
          data={opts}
        />
      </SimpleGrid>
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && <DiffTable d={q.data} />}
    </Stack>
  );
}

export function DiffTable({ d }: { d: Diff }) {
  const L = useBudgetLabels();
  const signed = (n: number) => (n > 0 ? `+${formatMoney(n)}` : formatMoney(n));
  return (
    <ScrollArea type="auto">
      <Table withTableBorder miw={640} aria-label={L.diffTable}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.content}</Table.Th>
            <Table.Th>{L.change}</Table.Th>
            <Table.Th ta="right">{L.before}</Table.Th>
            <Table.Th ta="right">{L.after}</Table.Th>
            <Table.Th ta="right">{L.delta}</Table.Th>
            <Table.Th>{L.reason}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.lines.map((l) => (
            <Table.Tr key={l.lineId}>
              <Table.Td>{l.content}</Table.Td>
              <Table.Td>{L.changes[l.change]}</Table.Td>
              <Table.Td ta="right">{l.before ? formatMoney(l.before.amount) : '—'}</Table.Td>
              <Table.Td ta="right">{l.after ? formatMoney(l.after.amount) : '—'}</Table.Td>
              <Table.Td ta="right">{signed(l.delta)}</Table.Td>
              <Table.Td>{l.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>{L.total}</Table.Th>
            <Table.Th ta="right">{formatMoney(d.totalBefore)}</Table.Th>
            <Table.Th ta="right">{formatMoney(d.totalAfter)}</Table.Th>
            <Table.Th ta="right">{signed(d.delta)}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollArea>
  );
}
