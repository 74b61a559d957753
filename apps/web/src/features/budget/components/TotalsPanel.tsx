import { Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { budgetKeys, docxUrl, fetchTotals, type TotalRow, xlsxUrl } from '../../../api/budget';
import { formatMoney } from '../../../lib/format';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { useBudgetLabels } from '../../../locales/budget';

/** One block of totals; `none` names the row of lines with no task or theme (the server sends it unnamed). */
export function TotalsTable({ title, rows, none = '' }: { title: string; rows: TotalRow[]; none?: string }) {
  const L = useBudgetLabels();
  return (
    <Stack gap={4}>
      <Title order={4}>{title}</Title>
      <ScrollArea type="auto">
        <Table striped withTableBorder miw={520} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">{L.requested}</Table.Th>
              <Table.Th ta="right">{L.consolidated}</Table.Th>
              <Table.Th ta="right">{L.approved}</Table.Th>
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
  const L = useBudgetLabels();
  const q = useQuery({ queryKey: budgetKeys.totals(planId), queryFn: () => fetchTotals(planId) });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const t = q.data!;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="sm">
          <Text size="sm">{L.requested}</Text>
          <Text fw={700}>{formatMoney(t.requested)}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">{L.consolidatedByOffice}</Text>
          <Text fw={700}>{formatMoney(t.consolidated)}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">{L.approved}</Text>
          <Text fw={700}>{formatMoney(t.approved)}</Text>
        </Paper>
      </SimpleGrid>
      <Group wrap="wrap">
        <Button component="a" href={xlsxUrl(planId)} variant="default">
          {L.downloadXlsx}
        </Button>
        <Button component="a" href={docxUrl(planId)} variant="default">
          {L.downloadDocx}
        </Button>
      </Group>
      <TotalsTable title={L.bySource} rows={t.bySource} />
      <TotalsTable title={L.byUnit} rows={t.byUnit} />
      <TotalsTable title={L.byTask} rows={t.byTask} none={L.noTaskRow} />
      <TotalsTable title={L.byTheme} rows={t.byTheme} none={L.noThemeRow} />
    </Stack>
  );
}
