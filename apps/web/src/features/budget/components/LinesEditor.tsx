import { FUNDING_SOURCES, type FundingSource } from '@dx/domain';
import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { budgetKeys, type Estimate, type LineDraft, saveLines } from '../../../api/budget';
import { ApiError } from '../../../lib/api';
import { formatMoney } from '../../../lib/format';
import { useProvinceWords } from '../../../lib/province-words';
import { fill, useBudgetLabels } from '../../../locales/budget';
import { ConflictAlert, useTasks } from './shared';

export const emptyLine = (): LineDraft => ({
  taskId: null,
  content: '',
  unitCost: 0,
  quantity: 1,
  fundingSource: 'unit_regular',
});
export const safeProduct = (l: LineDraft) => {
  const p = l.unitCost * l.quantity;
  return Number.isSafeInteger(p) ? p : null;
};

export function LinesEditor({ e }: { e: Estimate }) {
  const L = useBudgetLabels();
  const qc = useQueryClient();
  const tasks = useTasks(e.planId);
  const { fundingSources } = useProvinceWords();
  const [lines, setLines] = useState<LineDraft[]>(() =>
    e.lines.map((l) => ({
      id: l.id,
      taskId: l.taskId,
      content: l.content,
      unitCost: l.unitCost,
      quantity: l.quantity,
      fundingSource: l.fundingSource,
    })),
  );
  const set = (i: number, patch: Partial<LineDraft>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const total = lines.reduce((s, l) => s + (safeProduct(l) ?? 0), 0);
  const save = useMutation({
    mutationFn: () => saveLines(e.id, e.version, lines),
    onSuccess: (saved) => qc.setQueryData(budgetKeys.one(e.id), saved),
  });
  const issues = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const dirty =
    JSON.stringify(lines) !==
    JSON.stringify(
      e.lines.map((l) => ({
        id: l.id,
        taskId: l.taskId,
        content: l.content,
        unitCost: l.unitCost,
        quantity: l.quantity,
        fundingSource: l.fundingSource,
      })),
    );
  return (
    <Stack gap="sm">
      {lines.map((l, i) => (
        <Paper
          key={l.id ?? `new-${i}`}
          withBorder
          p="sm"
          component="fieldset"
          aria-label={fill(L.line, { n: i + 1 })}
        >
          <Group justify="space-between" mb={4}>
            <Text fw={600}>{fill(L.line, { n: i + 1 })}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
            >
              {fill(L.removeLine, { n: i + 1 })}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput
              label={L.lineContent}
              value={l.content}
              onChange={(ev) => set(i, { content: ev.currentTarget.value })}
              error={issues[`lines.${i}.content`]}
            />
            <NativeSelect
              label={L.lineTask}
              value={l.taskId ?? ''}
              onChange={(ev) => set(i, { taskId: ev.currentTarget.value || null })}
              data={[
                { value: '', label: L.noTask },
                ...(tasks.data?.items ?? []).map((t) => ({
                  value: t.id,
                  label: `${t.stt ? `${t.stt}. ` : ''}${t.title}`.slice(0, 120),
                })),
              ]}
              error={issues[`lines.${i}.taskId`]}
            />
            <NativeSelect
              label={L.fundingSource}
              value={l.fundingSource}
              onChange={(ev) => set(i, { fundingSource: ev.currentTarget.value as FundingSource })}
              data={FUNDING_SOURCES.map((s) => ({ value: s, label: fundingSources[s] }))}
            />
            <NumberInput
              label={L.unitCost}
              value={l.unitCost}
              onChange={(v) => set(i, { unitCost: Number(v) || 0 })}
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              allowNegative={false}
              error={issues[`lines.${i}.unitCost`]}
            />
            <NumberInput
              label={L.quantity}
              value={l.quantity}
              onChange={(v) => set(i, { quantity: Number(v) || 0 })}
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              allowNegative={false}
              min={1}
              error={issues[`lines.${i}.quantity`]}
            />
            <Stack gap={0} justify="flex-end">
              <Text size="sm">{L.amount}</Text>
              <Text fw={600}>{safeProduct(l) === null ? L.tooLarge : formatMoney(safeProduct(l)!)}</Text>
            </Stack>
          </SimpleGrid>
        </Paper>
      ))}
      <Group justify="space-between" wrap="wrap">
        <Button variant="default" onClick={() => setLines((ls) => [...ls, emptyLine()])}>
          {L.addLine}
        </Button>
        <Text fw={700}>{fill(L.grandTotal, { total: formatMoney(total) })}</Text>
      </Group>
      {save.error && (
        <ConflictAlert
          error={save.error}
          onReload={() => qc.invalidateQueries({ queryKey: budgetKeys.one(e.id) })}
        />
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
          {L.saveEstimate}
        </Button>
        {dirty && <Text size="sm">{L.unsaved}</Text>}
      </Group>
    </Stack>
  );
}
