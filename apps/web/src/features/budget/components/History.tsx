import { Group, NativeSelect, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { budgetKeys, type Diff, type Estimate, fetchDiff } from '../../../api/budget';
import { formatDateTime } from '../../../lib/dates';
import { formatMoney } from '../../../lib/format';
import { Empty, ErrorAlert } from '../../../lib/ui';
import { ACTION_LABELS, REVISION_LABELS } from './shared';

export function History({ e }: { e: Estimate }) {
  return (
    <Stack
      gap="xs"
      component="ol"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label="Lịch sử xử lý"
    >
      {e.events.map((ev) => (
        <Paper key={ev.id} withBorder p="sm" component="li">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600}>
              {ACTION_LABELS[ev.action] ?? ev.action}
              {ev.stepLabel ? ` — ${ev.stepLabel}` : ''}
            </Text>
            <Text size="sm">{formatDateTime(ev.at)}</Text>
          </Group>
          <Text size="sm">
            {ev.actorName} · vòng {ev.round}
          </Text>
          {ev.reason && <Text size="sm">Lý do / ghi chú: {ev.reason}</Text>}
        </Paper>
      ))}
    </Stack>
  );
}

export const CHANGE_LABELS: Record<string, string> = {
  added: 'Thêm',
  removed: 'Bỏ',
  changed: 'Thay đổi',
  unchanged: 'Giữ nguyên',
};

export function DiffView({ e }: { e: Estimate }) {
  const revs = e.revisions;
  const [from, setFrom] = useState<number | undefined>(revs[0]?.seq);
  const [to, setTo] = useState<number | undefined>(revs.at(-1)?.seq);
  const q = useQuery({
    queryKey: budgetKeys.diff(e.id, from, to),
    queryFn: () => fetchDiff(e.id, from, to),
    enabled: revs.length > 0,
  });
  if (revs.length === 0)
    return (
      <Empty title="Chưa có phiên bản nào" hint="Mỗi lần gửi, thẩm định, phê duyệt tạo một phiên bản." />
    );
  const opts = revs.map((r) => ({
    value: String(r.seq),
    label: `#${r.seq} · vòng ${r.round} · ${REVISION_LABELS[r.kind]} · ${formatMoney(r.total)}`,
  }));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="Từ phiên bản"
          value={String(from)}
          onChange={(ev) => setFrom(Number(ev.currentTarget.value))}
          data={opts}
        />
        <NativeSelect
          label="Đến phiên bản"
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
  const signed = (n: number) => (n > 0 ? `+${formatMoney(n)}` : formatMoney(n));
  return (
    <ScrollArea type="auto">
      <Table withTableBorder miw={640} aria-label="So sánh từng dòng">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nội dung</Table.Th>
            <Table.Th>Thay đổi</Table.Th>
            <Table.Th ta="right">Trước</Table.Th>
            <Table.Th ta="right">Sau</Table.Th>
            <Table.Th ta="right">Chênh lệch</Table.Th>
            <Table.Th>Lý do</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.lines.map((l) => (
            <Table.Tr key={l.lineId}>
              <Table.Td>{l.content}</Table.Td>
              <Table.Td>{CHANGE_LABELS[l.change]}</Table.Td>
              <Table.Td ta="right">{l.before ? formatMoney(l.before.amount) : '—'}</Table.Td>
              <Table.Td ta="right">{l.after ? formatMoney(l.after.amount) : '—'}</Table.Td>
              <Table.Td ta="right">{signed(l.delta)}</Table.Td>
              <Table.Td>{l.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>Tổng</Table.Th>
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
