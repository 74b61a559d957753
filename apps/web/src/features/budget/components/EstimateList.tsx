import { ESTIMATE_KIND_LABELS, ESTIMATE_STATUSES, type EstimateKind } from '@dx/domain';
import { Anchor, Button, Card, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { budgetKeys, createEstimate, type EstimateSummary, listEstimates } from '../../../api/budget';
import { formatMoney } from '../../../lib/format';
import { useProvince } from '../../../lib/province';
import { UnitPicker } from '../../../lib/UnitPicker';
import { Empty, ErrorAlert, Loading } from '../../../lib/ui';
import { fill, useBudgetLabels } from '../../../locales/budget';
import { StatusBadge, useOwnUnit } from './shared';

export function EstimateList({ planId, canCreate }: { planId: string; canCreate: boolean }) {
  const L = useBudgetLabels();
  const { provinceId } = useProvince();
  const [status, setStatus] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filter = { status: status || undefined, unitId };
  const q = useQuery({
    queryKey: budgetKeys.list(planId, filter),
    queryFn: () => listEstimates(planId, filter),
  });
  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={L.status}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: L.all },
            ...ESTIMATE_STATUSES.map((s) => ({ value: s, label: L.statuses[s] ?? s })),
          ]}
        />
        <UnitPicker label={L.unit} provinceId={provinceId} value={unitId} onChange={(v) => setUnitId(v)} />
        {canCreate && <Button onClick={() => setCreating(true)}>{L.create}</Button>}
      </Group>
      {q.isLoading && <Loading />}
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.data && q.data.items.length === 0 && <Empty title={L.noEstimates} hint={L.noEstimatesHint} />}
      {q.data && q.data.items.length > 0 && (
        <Stack gap="xs">
          {q.data.items.map((e) => (
            <EstimateCard key={e.id} e={e} />
          ))}
        </Stack>
      )}
      {creating && <CreateDialog planId={planId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

export function EstimateCard({ e }: { e: EstimateSummary }) {
  const L = useBudgetLabels();
  return (
    <Card withBorder padding="sm" component="article" aria-label={`${e.title} — ${e.unitName}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Anchor component={Link} to={e.id} fw={600}>
            {e.title}
          </Anchor>
          <Text size="sm">
            {e.unitName} · {L.kinds[e.kind]} · {fill(L.round, { round: e.round })}
            {e.stepLabel ? ` · ${fill(L.atStep, { step: e.stepLabel })}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <Text fw={600}>{formatMoney(e.total)}</Text>
          <StatusBadge status={e.status} />
        </Group>
      </Group>
    </Card>
  );
}

export function CreateDialog({ planId, onClose }: { planId: string; onClose: () => void }) {
  const L = useBudgetLabels();
  const own = useOwnUnit();
  const { provinceId } = useProvince();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [unit, setUnit] = useState<{ unitId: string; name: string } | null>(own);
  const [title, setTitle] = useState(L.defaultName);
  const [kind, setKind] = useState<EstimateKind>('estimate');
  const [parentId, setParentId] = useState('');
  const approved = useQuery({
    queryKey: budgetKeys.list(planId, { status: 'approved', unitId: unit?.unitId ?? null }),
    queryFn: () => listEstimates(planId, { status: 'approved', unitId: unit?.unitId ?? null }),
    enabled: kind === 'supplementary' && !!unit,
  });
  const m = useMutation({
    mutationFn: () =>
      createEstimate(planId, {
        unitId: unit!.unitId,
        title,
        kind,
        parentId: kind === 'supplementary' ? parentId || null : null,
        lines: [],
      }),
    onSuccess: (e) => {
      qc.invalidateQueries({ queryKey: budgetKeys.all });
      nav(e.id);
    },
  });
  return (
    <Modal opened onClose={onClose} title={L.create} fullScreen={window.innerWidth < 600}>
      <Stack>
        <UnitPicker
          label={L.creatingUnit}
          provinceId={provinceId}
          value={unit?.unitId ?? null}
          initialLabel={unit?.name}
          onChange={(_v, u) => setUnit(u)}
        />
        <TextInput label={L.estimateName} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <NativeSelect
          label={L.kind}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as EstimateKind)}
          data={(Object.keys(ESTIMATE_KIND_LABELS) as EstimateKind[]).map((k) => ({
            value: k,
            label: L.kinds[k] ?? k,
          }))}
        />
        {kind === 'supplementary' && (
          <NativeSelect
            label={L.supplementFor}
            value={parentId}
            onChange={(e) => setParentId(e.currentTarget.value)}
            data={[
              { value: '', label: L.choose },
              ...(approved.data?.items ?? [])
                .filter((e) => e.kind === 'estimate')
                .map((e) => ({ value: e.id, label: `${e.title} (${formatMoney(e.total)})` })),
            ]}
          />
        )}
        <ErrorAlert error={m.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {L.cancel}
          </Button>
          <Button onClick={() => m.mutate()} loading={m.isPending} disabled={!unit || !title.trim()}>
            {L.createDraft}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
