import { Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { budgetKeys, docxUrl, fetchTotals, type TotalRow, xlsxUrl } from '../../../api/budget';
import { formatMoney } from '../../../lib/format';
import { ErrorAlert, Loading } from '../../../lib/ui';

/** One block of totals; `none` names the row of lines with no task or theme (the server sends it unnamed). */
export function TotalsTable({ title, rows, none = '' }: { title: string; rows: TotalRow[]; none?: string }) {
  return (
    <Stack gap={4}>
      <Title order={4}>{title}</Title>
      <ScrollArea type="auto">
        <Table striped withTableBorder miw={520} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">Đề nghị</Table.Th>
              <Table.Th ta="right">Đã tổng hợp</Table.Th>
              <Table.Th ta="right">Đã phê duyệt</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key ?? 'none'}>
                <Table.Td>{r.label ?? none}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.requested)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.consolidated)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.approved)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}

export function TotalsPanel({ planId }: { planId: string }) {
  const q = useQuery({ queryKey: budgetKeys.totals(planId), queryFn: () => fetchTotals(planId) });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const t = q.data!;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="sm">
          <Text size="sm">Đề nghị</Text>
          <Text fw={700}>{formatMoney(t.requested)}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">Đã tổng hợp (qua Văn phòng CĐS)</Text>
          <Text fw={700}>{formatMoney(t.consolidated)}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">Đã phê duyệt</Text>
          <Text fw={700}>{formatMoney(t.approved)}</Text>
        </Paper>
      </SimpleGrid>
      <Group wrap="wrap">
        <Button component="a" href={xlsxUrl(planId)} variant="default">
          Tải bảng tổng hợp (.xlsx)
        </Button>
        <Button component="a" href={docxUrl(planId)} variant="default">
          Tải dự thảo Tờ trình (.docx)
        </Button>
      </Group>
      <TotalsTable title="Theo nguồn kinh phí" rows={t.bySource} />
      <TotalsTable title="Theo đơn vị" rows={t.byUnit} />
      <TotalsTable title="Theo nhiệm vụ" rows={t.byTask} none="Không gắn nhiệm vụ" />
      <TotalsTable
        title="Theo nội dung tuyên truyền"
        rows={t.byTheme}
        none="Không gắn nội dung tuyên truyền"
      />
    </Stack>
  );
}
