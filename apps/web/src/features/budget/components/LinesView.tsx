import { NumberInput, ScrollArea, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import type { Estimate } from '../../../api/budget';
import { formatMoney } from '../../../lib/format';
import { useProvinceWords } from '../../../lib/province-words';
import { Empty } from '../../../lib/ui';
import { type AdjustState, useTasks } from './shared';

export function LinesView({ e, adjusting }: { e: Estimate; adjusting?: AdjustState }) {
  const tasks = useTasks(e.planId);
  // The province's own names of the funding sources (issue 15, province settings).
  const { fundingSources } = useProvinceWords();
  const taskTitle = new Map((tasks.data?.items ?? []).map((t) => [t.id, t.title]));
  if (e.lines.length === 0) return <Empty title="Dự toán chưa có dòng nào" />;
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder miw={720} aria-label="Các dòng dự toán">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Nội dung</Table.Th>
            <Table.Th>Nguồn</Table.Th>
            <Table.Th ta="right">Đơn giá</Table.Th>
            <Table.Th ta="right">SL</Table.Th>
            <Table.Th ta="right">Đề nghị</Table.Th>
            <Table.Th ta="right">Thành tiền</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {e.lines.map((l, i) => (
            <Table.Tr key={l.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Text size="sm">{l.content}</Text>
                {l.taskId && <Text size="xs">Nhiệm vụ: {taskTitle.get(l.taskId) ?? '…'}</Text>}
                {l.adjustReason && (
                  <Text size="xs" c="#a33a05">
                    Lý do điều chỉnh: {l.adjustReason}
                  </Text>
                )}
                {adjusting && (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
                    <NumberInput
                      label={`Số tiền thẩm định dòng ${i + 1}`}
                      value={adjusting.values[l.id]?.amount ?? l.amount}
                      onChange={(v) => adjusting.set(l.id, { amount: Number(v) || 0 })}
                      thousandSeparator="."
                      decimalSeparator=","
                      allowDecimal={false}
                      allowNegative={false}
                      suffix=" ₫"
                    />
                    <TextInput
                      label={`Lý do điều chỉnh dòng ${i + 1}`}
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
            <Table.Th colSpan={5}>Tổng cộng</Table.Th>
            <Table.Th ta="right">{formatMoney(e.requestedTotal)}</Table.Th>
            <Table.Th ta="right">{formatMoney(e.total)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollArea>
  );
}
