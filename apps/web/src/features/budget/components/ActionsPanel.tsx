import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { actOn, adjust, budgetKeys, type Estimate } from '../../../api/budget';
import { useBudgetLabels } from '../../../locales/budget';
import { LinesView } from './LinesView';
import { type AdjustState, ConflictAlert } from './shared';

/** Shows exactly the moves the server will accept (availableActions from the domain, computed by the server). */
export function ActionsPanel({ e }: { e: Estimate }) {
  const L = useBudgetLabels();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [returning, setReturning] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [values, setValues] = useState<AdjustState['values']>({});
  const done = (saved: Estimate) => {
    qc.setQueryData(budgetKeys.one(e.id), saved);
    qc.invalidateQueries({ queryKey: ['budget', 'list'] });
  };
  const move = useMutation({
    mutationFn: (type: 'submit' | 'forward' | 'approve' | 'return') => actOn(e.id, e.version, type, reason),
    onSuccess: done,
  });
  const adj = useMutation({
    mutationFn: () =>
      adjust(
        e.id,
        e.version,
        Object.entries(values)
          .filter(([, v]) => v.amount !== undefined || v.reason)
          .map(([lineId, v]) => ({
            lineId,
            amount: v.amount ?? e.lines.find((l) => l.id === lineId)!.amount,
            reason: v.reason ?? '',
          })),
      ),
    onSuccess: done,
  });
  const acts = e.availableActions;
  if (acts.length === 0)
    return (
      <Text size="sm" mt="md">
        {e.status === 'approved' ? L.approvedNote : L.noActions}
      </Text>
    );
  const error = move.error ?? adj.error;
  return (
    <Stack gap="sm" mt="md">
      {adjusting && (
        <Stack gap="xs">
          <Title order={4}>{L.adjustTitle}</Title>
          <LinesView
            e={e}
            adjusting={{
              values,
              set: (id, v) => setValues((all) => ({ ...all, [id]: { ...all[id], ...v } })),
            }}
          />
          <Group>
            <Button onClick={() => adj.mutate()} loading={adj.isPending}>
              {L.saveAdjustment}
            </Button>
            <Button variant="default" onClick={() => setAdjusting(false)}>
              {L.cancelAdjustment}
            </Button>
          </Group>
        </Stack>
      )}
      {returning && (
        <Textarea
          label={L.returnReason}
          value={reason}
          onChange={(ev) => setReason(ev.currentTarget.value)}
          autosize
          minRows={2}
        />
      )}
      {error && (
        <ConflictAlert
          error={error}
          onReload={() => qc.invalidateQueries({ queryKey: budgetKeys.one(e.id) })}
        />
      )}
      <Group wrap="wrap">
        {acts.includes('submit') && (
          <Button onClick={() => move.mutate('submit')} loading={move.isPending}>
            {L.submit}
          </Button>
        )}
        {acts.includes('adjust') && !adjusting && (
          <Button variant="default" onClick={() => setAdjusting(true)}>
            {L.adjust}
          </Button>
        )}
        {acts.includes('forward') && (
          <Button onClick={() => move.mutate('forward')} loading={move.isPending}>
            {L.forward}
          </Button>
        )}
        {acts.includes('approve') && (
          <Button color="#1b6b2f" onClick={() => move.mutate('approve')} loading={move.isPending}>
            {L.approve}
          </Button>
        )}
        {acts.includes('return') &&
          (returning ? (
            <Button
              color="red.9"
              onClick={() => move.mutate('return')}
              loading={move.isPending}
              disabled={reason.trim().length < 5}
            >
              {L.confirmReturn}
            </Button>
          ) : (
            <Button variant="default" onClick={() => setReturning(true)}>
              {L.return}
            </Button>
          ))}
      </Group>
    </Stack>
  );
}
