import {
  ESTIMATE_KIND_LABELS,
  ESTIMATE_STATUS_LABELS,
  ESTIMATE_STATUSES,
  type EstimateKind,
  FUNDING_SOURCES,
  type FundingSource,
  ROLES,
  type Role,
} from '@dx/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import {
  actOn,
  adjust,
  attach,
  attachmentUrl,
  budgetKeys,
  createEstimate,
  type Diff,
  docxUrl,
  type Estimate,
  type EstimateSummary,
  fetchChain,
  fetchDiff,
  fetchEstimate,
  fetchPlanTasks,
  fetchTotals,
  fileToBase64,
  type LineDraft,
  listEstimates,
  saveChain,
  saveLines,
  type TotalRow,
  xlsxUrl,
} from '../../api/budget';
import { ApiError, get } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { formatMoney } from '../../lib/format';
import { useProvince } from '../../lib/province';
import { useProvinceWords } from '../../lib/province-words';
import { useSession } from '../../lib/session';
import { UnitPicker } from '../../lib/UnitPicker';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';

// Dark shades with white text: Mantine's light badges fail axe colour contrast (docs/design.md § Traps).
const STATUS_COLOR: Record<string, string> = {
  draft: 'gray.8',
  in_review: 'blue.9',
  returned: '#a33a05',
  approved: '#1b6b2f',
};
const ACTION_LABELS: Record<string, string> = {
  create: 'Lập dự toán',
  edit: 'Sửa dự toán',
  attach: 'Đính kèm tệp',
  submit: 'Gửi dự toán',
  forward: 'Tiếp nhận, chuyển bước sau',
  adjust: 'Điều chỉnh số tiền',
  return: 'Trả lại',
  approve: 'Phê duyệt',
};
const REVISION_LABELS: Record<string, string> = {
  submitted: 'Bản gửi',
  adjusted: 'Sau thẩm định',
  approved: 'Bản phê duyệt',
};

/** Budget estimates and their approval road (issue #6; plan 54 IV, V.1.d, V.2, V.3.a). */
export function BudgetPage() {
  return (
    <Routes>
      <Route index element={<BudgetHome />} />
      <Route path=":estimateId" element={<EstimateDetail />} />
    </Routes>
  );
}

function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray.8'} variant="filled" tt="none">
      {ESTIMATE_STATUS_LABELS[status as keyof typeof ESTIMATE_STATUS_LABELS] ?? status}
    </Badge>
  );
}

function usePlans(provinceId: string | null) {
  return useQuery({
    queryKey: ['plans', 'list', provinceId ?? ''],
    queryFn: () =>
      get<{ items: { id: string; number: string | null; year: number; title: string }[] }>('/plans', {
        provinceId,
      }),
    enabled: !!provinceId,
  });
}

/** The user's own unit (first unit-officer grant), the default for a new estimate. */
function useOwnUnit() {
  const { me } = useSession();
  const g = me?.user.grants.find((x) => x.role === 'unit_officer' && x.unitId);
  return g ? { unitId: g.unitId!, name: g.unitName ?? '' } : null;
}

function BudgetHome() {
  const { can } = useSession();
  const { provinceId } = useProvince();
  const plans = usePlans(provinceId);
  const [planId, setPlanId] = useState<string | null>(null);
  const current = planId ?? plans.data?.items[0]?.id ?? null;
  if (plans.isLoading) return <Loading />;
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => plans.refetch()} />;
  if (!plans.data?.items.length || !current) return <Empty title="Chưa có kế hoạch nào" />;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>Dự toán kinh phí</Title>
        <NativeSelect
          label="Kế hoạch"
          value={current}
          onChange={(e) => setPlanId(e.currentTarget.value)}
          data={plans.data.items.map((p) => ({ value: p.id, label: `${p.number ?? p.title} (${p.year})` }))}
        />
      </Group>
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">Danh sách</Tabs.Tab>
          <Tabs.Tab value="totals">Tổng hợp</Tabs.Tab>
          <Tabs.Tab value="chain">Quy trình phê duyệt</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <EstimateList planId={current} canCreate={can('budget.write')} />
        </Tabs.Panel>
        <Tabs.Panel value="totals" pt="md">
          <TotalsPanel planId={current} />
        </Tabs.Panel>
        <Tabs.Panel value="chain" pt="md">
          {provinceId && <ChainPanel provinceId={provinceId} canEdit={can('budget.configure')} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function EstimateList({ planId, canCreate }: { planId: string; canCreate: boolean }) {
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

function EstimateCard({ e }: { e: EstimateSummary }) {
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

function CreateDialog({ planId, onClose }: { planId: string; onClose: () => void }) {
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

function EstimateDetail() {
  const { estimateId = '' } = useParams();
  const q = useQuery({ queryKey: budgetKeys.one(estimateId), queryFn: () => fetchEstimate(estimateId) });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const e = q.data!;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="..">
        ← Danh sách dự toán
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Title order={2}>{e.title}</Title>
          <Text size="sm">
            {e.unitName} · {ESTIMATE_KIND_LABELS[e.kind]} · vòng {e.round}
            {e.stepLabel ? ` · đang ở bước: ${e.stepLabel}` : ''}
          </Text>
        </Stack>
        <StatusBadge status={e.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="sm">
          <Text size="sm">Tổng dự toán hiện tại</Text>
          <Text fw={700} data-testid="estimate-total">
            {formatMoney(e.total)}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">Đơn vị đề nghị</Text>
          <Text fw={700}>{formatMoney(e.requestedTotal)}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">Đã phê duyệt (kể cả bổ sung)</Text>
          <Text fw={700} data-testid="approved-total">
            {formatMoney(e.approvedTotal)}
          </Text>
        </Paper>
      </SimpleGrid>
      {e.status === 'returned' && e.returnReason && (
        <Alert color="orange" title="Hồ sơ bị trả lại" styles={{ title: { color: '#8a3004' } }}>
          {e.returnReason}
        </Alert>
      )}
      <Tabs defaultValue="lines" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="lines">Các dòng</Tabs.Tab>
          <Tabs.Tab value="history">Lịch sử</Tabs.Tab>
          <Tabs.Tab value="diff">So sánh các vòng</Tabs.Tab>
          <Tabs.Tab value="files">Tệp đính kèm ({e.attachments.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lines" pt="md">
          {e.canEdit ? <LinesEditor key={e.version} e={e} /> : <LinesView e={e} />}
          <ActionsPanel key={`actions-${e.version}`} e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <History e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="diff" pt="md">
          <DiffView e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="md">
          <Files e={e} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function useTasks(planId: string) {
  return useQuery({
    queryKey: ['budget', 'tasks', planId],
    queryFn: () => fetchPlanTasks(planId),
    staleTime: 60_000,
  });
}

function LinesView({ e, adjusting }: { e: Estimate; adjusting?: AdjustState }) {
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

const emptyLine = (): LineDraft => ({
  taskId: null,
  content: '',
  unitCost: 0,
  quantity: 1,
  fundingSource: 'unit_regular',
});
const safeProduct = (l: LineDraft) => {
  const p = l.unitCost * l.quantity;
  return Number.isSafeInteger(p) ? p : null;
};

/** 409: someone else saved first. What the user typed stays on screen; they choose to reload. */
function ConflictAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (!(error instanceof ApiError) || error.code !== 'RESOURCE.VERSION_CONFLICT')
    return <ErrorAlert error={error} />;
  return (
    <Alert
      color="orange"
      title="Người khác vừa cập nhật dự toán này"
      role="alert"
      styles={{ title: { color: '#8a3004' } }}
    >
      <Text size="sm">Nội dung bạn nhập vẫn còn trên màn hình. Tải bản mới nhất rồi làm lại nếu cần.</Text>
      <Button mt="xs" size="xs" variant="default" onClick={onReload}>
        Tải bản mới nhất
      </Button>
    </Alert>
  );
}

function LinesEditor({ e }: { e: Estimate }) {
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
        <Paper key={l.id ?? `new-${i}`} withBorder p="sm" component="fieldset" aria-label={`Dòng ${i + 1}`}>
          <Group justify="space-between" mb={4}>
            <Text fw={600}>Dòng {i + 1}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
            >
              Xoá dòng {i + 1}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput
              label="Nội dung chi"
              value={l.content}
              onChange={(ev) => set(i, { content: ev.currentTarget.value })}
              error={issues[`lines.${i}.content`]}
            />
            <NativeSelect
              label="Nhiệm vụ (không bắt buộc)"
              value={l.taskId ?? ''}
              onChange={(ev) => set(i, { taskId: ev.currentTarget.value || null })}
              data={[
                { value: '', label: '— không gắn nhiệm vụ —' },
                ...(tasks.data?.items ?? []).map((t) => ({
                  value: t.id,
                  label: `${t.stt ? `${t.stt}. ` : ''}${t.title}`.slice(0, 120),
                })),
              ]}
              error={issues[`lines.${i}.taskId`]}
            />
            <NativeSelect
              label="Nguồn kinh phí"
              value={l.fundingSource}
              onChange={(ev) => set(i, { fundingSource: ev.currentTarget.value as FundingSource })}
              data={FUNDING_SOURCES.map((s) => ({ value: s, label: fundingSources[s] }))}
            />
            <NumberInput
              label="Đơn giá (đồng)"
              value={l.unitCost}
              onChange={(v) => set(i, { unitCost: Number(v) || 0 })}
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              allowNegative={false}
              error={issues[`lines.${i}.unitCost`]}
            />
            <NumberInput
              label="Số lượng"
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
              <Text size="sm">Thành tiền</Text>
              <Text fw={600}>{safeProduct(l) === null ? 'Quá lớn' : formatMoney(safeProduct(l)!)}</Text>
            </Stack>
          </SimpleGrid>
        </Paper>
      ))}
      <Group justify="space-between" wrap="wrap">
        <Button variant="default" onClick={() => setLines((ls) => [...ls, emptyLine()])}>
          Thêm dòng
        </Button>
        <Text fw={700}>Tổng cộng: {formatMoney(total)}</Text>
      </Group>
      {save.error && (
        <ConflictAlert
          error={save.error}
          onReload={() => qc.invalidateQueries({ queryKey: budgetKeys.one(e.id) })}
        />
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
          Lưu dự toán
        </Button>
        {dirty && <Text size="sm">Có thay đổi chưa lưu — lưu trước khi gửi.</Text>}
      </Group>
    </Stack>
  );
}

type AdjustState = {
  values: Record<string, { amount?: number; reason?: string }>;
  set: (lineId: string, v: { amount?: number; reason?: string }) => void;
};

/** Shows exactly the moves the server will accept (availableActions from the domain, computed by the server). */
function ActionsPanel({ e }: { e: Estimate }) {
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
        {e.status === 'approved' ? 'Dự toán đã được phê duyệt.' : 'Bạn không có thao tác nào ở bước này.'}
      </Text>
    );
  const error = move.error ?? adj.error;
  return (
    <Stack gap="sm" mt="md">
      {adjusting && (
        <Stack gap="xs">
          <Title order={4}>Điều chỉnh từng dòng (kèm lý do)</Title>
          <LinesView
            e={e}
            adjusting={{
              values,
              set: (id, v) => setValues((all) => ({ ...all, [id]: { ...all[id], ...v } })),
            }}
          />
          <Group>
            <Button onClick={() => adj.mutate()} loading={adj.isPending}>
              Lưu điều chỉnh
            </Button>
            <Button variant="default" onClick={() => setAdjusting(false)}>
              Huỷ điều chỉnh
            </Button>
          </Group>
        </Stack>
      )}
      {returning && (
        <Textarea
          label="Lý do trả lại"
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
            Gửi dự toán
          </Button>
        )}
        {acts.includes('adjust') && !adjusting && (
          <Button variant="default" onClick={() => setAdjusting(true)}>
            Điều chỉnh số tiền
          </Button>
        )}
        {acts.includes('forward') && (
          <Button onClick={() => move.mutate('forward')} loading={move.isPending}>
            Chuyển bước sau
          </Button>
        )}
        {acts.includes('approve') && (
          <Button color="#1b6b2f" onClick={() => move.mutate('approve')} loading={move.isPending}>
            Phê duyệt
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
              Xác nhận trả lại
            </Button>
          ) : (
            <Button variant="default" onClick={() => setReturning(true)}>
              Trả lại
            </Button>
          ))}
      </Group>
    </Stack>
  );
}

function History({ e }: { e: Estimate }) {
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

const CHANGE_LABELS: Record<string, string> = {
  added: 'Thêm',
  removed: 'Bỏ',
  changed: 'Thay đổi',
  unchanged: 'Giữ nguyên',
};

function DiffView({ e }: { e: Estimate }) {
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

function DiffTable({ d }: { d: Diff }) {
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

function Files({ e }: { e: Estimate }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const up = useMutation({
    mutationFn: async () =>
      attach(e.id, {
        fileName: file!.name,
        contentType: file!.type || 'application/octet-stream',
        contentBase64: await fileToBase64(file!),
      }),
    onSuccess: () => {
      setFile(null);
      qc.invalidateQueries({ queryKey: budgetKeys.one(e.id) });
    },
  });
  return (
    <Stack gap="sm">
      {e.attachments.length === 0 && <Text size="sm">Chưa có tệp đính kèm.</Text>}
      {e.attachments.map((f) => (
        <Anchor key={f.id} href={attachmentUrl(f.id)}>
          {f.fileName} ({Math.ceil(f.size / 1024)} KB)
        </Anchor>
      ))}
      {e.canEdit && (
        <Group align="flex-end" wrap="wrap">
          <FileInput label="Tài liệu kèm theo (báo giá, căn cứ)" value={file} onChange={setFile} clearable />
          <Button onClick={() => up.mutate()} disabled={!file} loading={up.isPending}>
            Đính kèm
          </Button>
        </Group>
      )}
      <ErrorAlert error={up.error} />
    </Stack>
  );
}

/** One block of totals; `none` names the row of lines with no task or theme (the server sends it unnamed). */
function TotalsTable({ title, rows, none = '' }: { title: string; rows: TotalRow[]; none?: string }) {
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

function TotalsPanel({ planId }: { planId: string }) {
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

function ChainPanel({ provinceId, canEdit }: { provinceId: string; canEdit: boolean }) {
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
        Đơn vị lập →{' '}
        {shown
          .map((s) =>
            s.unitId && q.data!.unitNames[s.unitId] ? `${s.label} (${q.data!.unitNames[s.unitId]})` : s.label,
          )
          .join(' → ')}
        {q.data!.isDefault ? ' (mặc định theo Kế hoạch 54)' : ''}
      </Text>
      {canEdit &&
        shown.map((s, i) => (
          <Paper key={s.key} withBorder p="sm" component="fieldset" aria-label={`Bước ${i + 1}`}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <TextInput
                label={`Tên bước ${i + 1}`}
                value={s.label}
                onChange={(ev) => set(i, { label: ev.currentTarget.value })}
              />
              <NativeSelect
                label={`Vai trò thực hiện bước ${i + 1}`}
                value={s.role}
                onChange={(ev) => set(i, { role: ev.currentTarget.value as Role })}
                data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
              <UnitPicker
                label={`Đơn vị thực hiện bước ${i + 1} (để trống = mọi đơn vị)`}
                provinceId={provinceId}
                value={s.unitId}
                initialLabel={s.unitId ? q.data!.unitNames[s.unitId] : null}
                onChange={(v) => set(i, { unitId: v })}
              />
              <Switch
                label="Được điều chỉnh số tiền"
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
              Lưu quy trình
            </Button>
            <Button variant="default" onClick={() => setSteps(q.data!.defaultChain)}>
              Về mặc định
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
