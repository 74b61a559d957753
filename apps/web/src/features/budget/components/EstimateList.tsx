import {
  ESTIMATE_KIND_LABELS,
  ESTIMATE_STATUS_LABELS,
  ESTIMATE_STATUSES,
  type EstimateKind,
} from '@dx/domain';
import { Anchor, Button, Card, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { budgetKeys, createEstimate, type EstimateSummary, listEstimates } from '../../../api/budget';
import { formatMoney } from '../../../lib/format';
import { useProvince } from '../../../lib/province';
import { UnitPicker } from '../../../lib/UnitPicker';
import { Empty, ErrorAlert, Loading } from '../../../lib/ui';
import { StatusBadge, useOwnUnit } from './shared';

export function EstimateList({ planId, canCreate }: { planId: string; canCreate: boolean }) {
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
          label="Tình trạng"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: 'Tất cả' },
            ...ESTIMATE_STATUSES.map((s) => ({ value: s, label: ESTIMATE_STATUS_LABELS[s] })),
          ]}
        />
        <UnitPicker label="Đơn vị" provinceId={provinceId} value={unitId} onChange={(v) => setUnitId(v)} />
        {canCreate && <Button onClick={() => setCreating(true)}>Lập dự toán</Button>}
      </Group>
      {q.isLoading && <Loading />}
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.data && q.data.items.length === 0 && (
        <Empty title="Chưa có dự toán nào" hint="Đơn vị lập dự toán kinh phí cho các nhiệm vụ của mình." />
      )}
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
  return (
    <Card withBorder padding="sm" component="article" aria-label={`${e.title} — ${e.unitName}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Anchor component={Link} to={e.id} fw={600}>
            {e.title}
          </Anchor>
          <Text size="sm">
            {e.unitName} · {ESTIMATE_KIND_LABELS[e.kind]} · vòng {e.round}
            {e.stepLabel ? ` · đang ở bước: ${e.stepLabel}` : ''}
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
  const own = useOwnUnit();
  const { provinceId } = useProvince();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [unit, setUnit] = useState<{ unitId: string; name: string } | null>(own);
  const [title, setTitle] = useState('Dự toán kinh phí truyền thông chuyển đổi số');
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
    <Modal opened onClose={onClose} title="Lập dự toán" fullScreen={window.innerWidth < 600}>
      <Stack>
        <UnitPicker
          label="Đơn vị lập"
          provinceId={provinceId}
          value={unit?.unitId ?? null}
          initialLabel={unit?.name}
          onChange={(_v, u) => setUnit(u)}
        />
        <TextInput label="Tên dự toán" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <NativeSelect
          label="Loại"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as EstimateKind)}
          data={(Object.keys(ESTIMATE_KIND_LABELS) as EstimateKind[]).map((k) => ({
            value: k,
            label: ESTIMATE_KIND_LABELS[k],
          }))}
        />
        {kind === 'supplementary' && (
          <NativeSelect
            label="Bổ sung cho dự toán đã phê duyệt"
            value={parentId}
            onChange={(e) => setParentId(e.currentTarget.value)}
            data={[
              { value: '', label: '— chọn —' },
              ...(approved.data?.items ?? [])
                .filter((e) => e.kind === 'estimate')
                .map((e) => ({ value: e.id, label: `${e.title} (${formatMoney(e.total)})` })),
            ]}
          />
        )}
        <ErrorAlert error={m.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Huỷ
          </Button>
          <Button onClick={() => m.mutate()} loading={m.isPending} disabled={!unit || !title.trim()}>
            Tạo bản nháp
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
