import { ROLES, type Role } from '@dx/domain';
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetKeys, type Estimate, fetchChain, saveChain } from '../../../api/budget';
import { UnitPicker } from '../../../lib/UnitPicker';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { fill, useBudgetLabels } from '../../../locales/budget';
import { ConflictAlert } from './shared';

export function ChainPanel({ provinceId, canEdit }: { provinceId: string; canEdit: boolean }) {
  const L = useBudgetLabels();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: budgetKeys.chain(provinceId), queryFn: () => fetchChain(provinceId) });
  const [steps, setSteps] = useState<Estimate['chain'] | null>(null);
  const save = useMutation({
    mutationFn: () => saveChain(provinceId, q.data!.version, steps!),
    onSuccess: (c) => {
      qc.setQueryData(budgetKeys.chain(provinceId), c);
      qc.invalidateQueries({ queryKey: ['budget', 'one'] });
      setSteps(null);
    },
  });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const shown = steps ?? q.data!.chain;
  const set = (i: number, patch: Partial<Estimate['chain'][number]>) =>
    setSteps(shown.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap="sm">
      <Text size="sm">
        {L.chainStart} →{' '}
        {shown
          .map((s) =>
            s.unitId && q.data!.unitNames[s.unitId] ? `${s.label} (${q.data!.unitNames[s.unitId]})` : s.label,
          )
          .join(' → ')}
        {q.data!.isDefault ? L.chainDefault : ''}
      </Text>
      {canEdit &&
        shown.map((s, i) => (
          <Paper key={s.key} withBorder p="sm" component="fieldset" aria-label={fill(L.step, { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <TextInput
                label={fill(L.stepName, { n: i + 1 })}
                value={s.label}
                onChange={(ev) => set(i, { label: ev.currentTarget.value })}
              />
              <NativeSelect
                label={fill(L.stepRole, { n: i + 1 })}
                value={s.role}
                onChange={(ev) => set(i, { role: ev.currentTarget.value as Role })}
                data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
              <UnitPicker
                label={fill(L.stepUnit, { n: i + 1 })}
                provinceId={provinceId}
                value={s.unitId}
                initialLabel={s.unitId ? q.data!.unitNames[s.unitId] : null}
                onChange={(v) => set(i, { unitId: v })}
              />
              <Switch
                label={L.stepCanAdjust}
                checked={s.canAdjust}
                onChange={(ev) => set(i, { canAdjust: ev.currentTarget.checked })}
                mt="lg"
              />
            </SimpleGrid>
          </Paper>
        ))}
      {canEdit && (
        <>
          <ConflictAlert error={save.error} onReload={() => q.refetch()} />
          <Group>
            <Button onClick={() => save.mutate()} disabled={!steps} loading={save.isPending}>
              {L.saveChain}
            </Button>
            <Button variant="default" onClick={() => setSteps(q.data!.defaultChain)}>
              {L.resetChain}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
