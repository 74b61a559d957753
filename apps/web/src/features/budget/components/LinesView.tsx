import { NumberInput, ScrollArea, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import type { Estimate } from '../../../api/budget';
import { formatMoney } from '../../../lib/format';
import { useProvinceWords } from '../../../lib/province-words';
import { Empty } from '../../../lib/ui';
import { fill, useBudgetLabels } from '../../../locales/budget';
import { type AdjustState, useTasks } from './shared';

export function LinesView({ e, adjusting }: { e: Estimate; adjusting?: AdjustState }) {
  const L = useBudgetLabels();
  const tasks = useTasks(e.planId);
  // The province's own names of the funding sources (issue 15, province settings).
  const { fundingSources } = useProvinceWords();
  const taskTitle = new Map((tasks.data?.items ?? []).map((t) => [t.id, t.title]));
  if (e.lines.length === 0) return <Empty title={L.noLines} />;
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder miw={720} aria-label={L.linesTable}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{L.content}</Table.Th>
            <Table.Th>{L.source}</Table.Th>
            <Table.Th ta="right">{L.unitPrice}</Table.Th>
            <Table.Th ta="right">{L.quantityShort}</Table.Th>
            <Table.Th ta="right">{L.requested}</Table.Th>
            <Table.Th ta="right">{L.amount}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {e.lines.map((l, i) => (
            <Table.Tr key={l.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Text size="sm">{l.content}</Text>
                {l.taskId && (
                  <Text size="xs">{fill(L.taskOf, { task: taskTitle.get(l.taskId) ?? '…' })}</Text>
                )}
                {l.adjustReason && (
                  <Text size="xs" c="#a33a05">
                    {fill(L.adjustReason, { reason: l.adjustReason })}
                  </Text>
                )}
                {adjusting && (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
                    <NumberInput
                      label={fill(L.adjustedAmountOf, { n: i + 1 })}
                      value={adjusting.values[l.id]?.amount ?? l.amount}
                      onChange={(v) => adjusting.set(l.id, { amount: Number(v) || 0 })}
                      thousandSeparator="."
                      decimalSeparator=","
                      allowDecimal={false}
                      allowNegative={false}
                      suffix=" ₫"
                    />
                    <TextInput
                      label={fill(L.adjustReasonOf, { n: i + 1 })}
                      value={adjusting.values[l.id]?.reason ?? ''}
                      onChange={(ev) => adjusting.set(l.id, { reason: ev.currentTarget.value })}
                    />
                  </SimpleGrid>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{fundingSources[l.fundingSource]}</Text>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(l.unitCost)}</Table.Td>
              <Table.Td ta="right">{l.quantity}</Table.Td>
              <Table.Td ta="right">{formatMoney(l.requestedAmount)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatMoney(l.amount)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={5}>{L.totalRow}</Table.Th>
            <Table.Th ta="right">{formatMoney(e.requestedTotal)}</Table.Th>
            <Table.Th ta="right">{formatMoney(e.total)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollArea>
  );
}
