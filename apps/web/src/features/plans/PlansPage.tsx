import {
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import {
  createPlan,
  exportUrl,
  fetchCopyMapping,
  fetchPlan,
  listPlans,
  listReadablePlans,
  planKeys,
} from '../../api/plans';
import { formatDate } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { usePlanLabels } from '../../locales/plans';
import { PlanDocumentView } from './PlanDocumentView';
import { PlanHistory } from './PlanHistory';
import { PlanSections } from './PlanSections';

/** Plans of the province: the list, and one plan shown as the official document, edited, and its history. */
export function PlansPage() {
  return (
    <Routes>
      <Route index element={<PlanList />} />
      <Route path=":planId" element={<PlanDetail />} />
    </Routes>
  );
}

function PlanList() {
  const L = usePlanLabels();
  const { can } = useSession();
  const { provinceId } = useProvince();
  const [creating, setCreating] = useState(false);
  const q = useQuery({
    queryKey: planKeys.list(provinceId ?? ''),
    queryFn: () => listPlans(provinceId!),
    enabled: !!provinceId,
  });
  const items = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{L.title}</Title>
          <Text size="sm" c="dimmed">
            {L.intro}
          </Text>
        </div>
        {can('plan.write') && <Button onClick={() => setCreating(true)}>{L.newPlan}</Button>}
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Paper withBorder>
        {q.isLoading || !provinceId ? (
          <Loading />
        ) : items.length === 0 ? (
          <Empty title={L.empty} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{L.number}</Table.Th>
                  <Table.Th>{L.name}</Table.Th>
                  <Table.Th>{L.year}</Table.Th>
                  <Table.Th>{L.date}</Table.Th>
                  <Table.Th ta="right">{L.targets}</Table.Th>
                  <Table.Th ta="right">{L.themes}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.number ?? L.draft}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={p.id}>
                        {p.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.year}</Table.Td>
                    <Table.Td>{formatDate(p.date, '—')}</Table.Td>
                    <Table.Td ta="right">{p.targetCount}</Table.Td>
                    <Table.Td ta="right">{p.themeCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {creating && provinceId && (
        <CreatePlanModal provinceId={provinceId} plans={items} onClose={() => setCreating(false)} />
      )}
    </Stack>
  );
}

function CreatePlanModal({
  provinceId,
  plans,
  onClose,
}: {
  provinceId: string;
  plans: { id: string; number: string | null; title: string; year: number }[];
  onClose: () => void;
}) {
  const L = usePlanLabels();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const latest = plans[0];
  const [year, setYear] = useState<number>((latest?.year ?? new Date().getFullYear()) + 1);
  const [copyFrom, setCopyFrom] = useState<string>(latest?.id ?? '');
  // Plans of other provinces the user may read: a template copied here with its units re-mapped (issue 17).
  const readable = useQuery({ queryKey: [...planKeys.all, 'readable'], queryFn: listReadablePlans });
  const others = (readable.data?.items ?? []).filter((p) => p.provinceId !== provinceId);
  const fromOther = others.some((p) => p.id === copyFrom);
  const mapping = useQuery({
    queryKey: [...planKeys.all, 'copy-mapping', copyFrom, provinceId, year],
    queryFn: () => fetchCopyMapping({ copyFromPlanId: copyFrom, provinceId, year }),
    enabled: fromOther,
  });
  const [unitMap, setUnitMap] = useState<Record<string, string | null>>({});
  const [groupMap, setGroupMap] = useState<Record<string, string | null>>({});
  const unsure = (mapping.data?.units ?? []).filter((u) => !u.suggestion);
  const missing = (mapping.data?.groups ?? []).filter((g) => !g.exists);
  const create = useMutation({
    mutationFn: () =>
      createPlan({
        provinceId,
        year,
        ...(copyFrom && { copyFromPlanId: copyFrom }),
        ...(fromOther && { unitMap, groupMap }),
      }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: planKeys.all });
      onClose();
      navigate(p.id);
    },
  });
  const DROP = '__drop__';
  return (
    <Modal opened onClose={onClose} title={L.newPlan}>
      <Stack>
        <NumberInput label={L.year} value={year} onChange={(v) => setYear(Number(v))} min={2000} max={2100} />
        <NativeSelect
          label={L.copyFrom}
          value={copyFrom}
          onChange={(e) => {
            setCopyFrom(e.currentTarget.value);
            setUnitMap({});
            setGroupMap({});
          }}
          data={[
            { value: '', label: L.blank },
            ...plans.map((p) => ({ value: p.id, label: `${p.number ?? L.draft} — ${p.title}` })),
            ...(others.length
              ? [
                  {
                    group: L.otherProvinces,
                    items: others.map((p) => ({ value: p.id, label: `${p.number ?? L.draft} — ${p.title}` })),
                  },
                ]
              : []),
          ]}
        />
        {fromOther && mapping.data && (
          <Stack gap="xs">
            <Text size="sm">
              {L.mappingIntro
                .replace('{{mapped}}', String(mapping.data.units.length - unsure.length))
                .replace('{{total}}', String(mapping.data.units.length))}
            </Text>
            {unsure.map((u) => (
              <NativeSelect
                key={u.unitId}
                label={u.name}
                value={unitMap[u.unitId] === null ? DROP : (unitMap[u.unitId] ?? '')}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setUnitMap((m) => ({ ...m, [u.unitId]: v === DROP ? null : v }));
                }}
                data={[
                  { value: '', label: L.chooseUnit },
                  { value: DROP, label: L.dropRef },
                  ...u.candidates.map((c) => ({ value: c.unitId, label: c.name })),
                ]}
              />
            ))}
            {missing.map((g) => (
              <NativeSelect
                key={g.code}
                label={`${L.unitGroup}: ${g.code}`}
                value={groupMap[g.code] === null ? DROP : (groupMap[g.code] ?? '')}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setGroupMap((m) => ({ ...m, [g.code]: v === DROP ? null : v }));
                }}
                data={[
                  { value: '', label: L.chooseUnit },
                  { value: DROP, label: L.dropRef },
                  ...mapping.data.targetGroups.map((x) => ({ value: x.code, label: x.name })),
                ]}
              />
            ))}
          </Stack>
        )}
        {create.error && <ErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {L.cancel}
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {L.create}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PlanDetail() {
  const L = usePlanLabels();
  const { can } = useSession();
  const { planId = '' } = useParams();
  const q = useQuery({ queryKey: planKeys.detail(planId), queryFn: () => fetchPlan(planId) });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const plan = q.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component={Link} to=".." relative="path" size="sm">
            ← {L.back}
          </Anchor>
          <Title order={2}>{plan.document.number ?? L.draft}</Title>
          <Text size="sm" c="dimmed">
            {plan.document.title}
          </Text>
        </div>
        <Group>
          <Button component="a" href={exportUrl(plan.id, 'docx')} download variant="light">
            {L.downloadDocx}
          </Button>
          <Button component="a" href={exportUrl(plan.id, 'pdf')} download variant="light">
            {L.downloadPdf}
          </Button>
        </Group>
      </Group>
      <Tabs defaultValue="document" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="document">{L.document}</Tabs.Tab>
          {can('plan.write') && <Tabs.Tab value="edit">{L.editPlan}</Tabs.Tab>}
          <Tabs.Tab value="history">{L.history}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="document" pt="md">
          <PlanDocumentView document={plan.document} />
        </Tabs.Panel>
        {can('plan.write') && (
          <Tabs.Panel value="edit" pt="md">
            <PlanSections plan={plan} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history" pt="md">
          <PlanHistory planId={plan.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
