import { DATA_ITEM_AGGREGATIONS, DATA_ITEM_FREQUENCIES, DATA_ITEM_UNITS, ORG_UNIT_KINDS } from '@dx/domain';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDataItem, type DataItem, dataKeys, listDataItems, updateDataItem } from '../../api/data-items';
import { ApiError } from '../../lib/api';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { useDataItemLabels } from '../../locales/data-items';

/**
 * The DX office defines the figures units report (issue 16 "Reported figures"): name, unit of measure, which units
 * report them (kinds or a group), how often, how periods add up, and whether a value may exceed the unit's total.
 */
export function DataItemsPage() {
  const L = useDataItemLabels();
  const { t, i18n } = useTranslation();
  const isEn = i18n.language?.startsWith('en');
  const { provinceId } = useProvince();
  const { can } = useSession();
  const [editing, setEditing] = useState<DataItem | 'new' | null>(null);
  const q = useQuery({
    queryKey: dataKeys.items(provinceId ?? ''),
    queryFn: () => listDataItems(provinceId!),
    enabled: !!provinceId,
  });
  const items = q.data ?? [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const nameOf = (i: DataItem) => (isEn ? i.nameEn || i.nameVi : i.nameVi);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{L.itemsTitle}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {L.itemsIntro}
          </Text>
        </div>
        {can('plan.write') && provinceId && <Button onClick={() => setEditing('new')}>{L.addItem}</Button>}
      </Group>
      {q.isLoading || !provinceId ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={L.noItems} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{L.nameVi}</Table.Th>
                  <Table.Th scope="col">{L.unitOfMeasure}</Table.Th>
                  <Table.Th scope="col">{L.frequency}</Table.Th>
                  <Table.Th scope="col">{L.aggregation}</Table.Th>
                  <Table.Th scope="col">{L.reportedBy}</Table.Th>
                  <Table.Th scope="col">{L.populationItem}</Table.Th>
                  {can('plan.write') && <Table.Th scope="col">{L.editItem}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Text fw={600}>{nameOf(i)}</Text>
                    </Table.Td>
                    <Table.Td>{L.units[i.unitOfMeasure]}</Table.Td>
                    <Table.Td>{L.frequencies[i.frequency]}</Table.Td>
                    <Table.Td>{L.aggregations[i.aggregation]}</Table.Td>
                    <Table.Td>
                      {i.reportingUnitKinds.length === 0 && !i.reportingGroupCode
                        ? L.everyUnit
                        : [...i.reportingUnitKinds.map((k) => t(`kinds.${k}`)), i.reportingGroupCode]
                            .filter(Boolean)
                            .join(', ')}
                    </Table.Td>
                    <Table.Td>
                      {i.populationItemId && byId.get(i.populationItemId)
                        ? nameOf(byId.get(i.populationItemId)!)
                        : '—'}
                    </Table.Td>
                    {can('plan.write') && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(i)}
                          aria-label={`${L.editItem}: ${nameOf(i)}`}
                        >
                          {L.editItem}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {editing && provinceId && (
        <ItemModal
          provinceId={provinceId}
          item={editing === 'new' ? null : editing}
          others={items.filter((i) => editing === 'new' || i.id !== editing.id)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function ItemModal({
  provinceId,
  item,
  others,
  onClose,
}: {
  provinceId: string;
  item: DataItem | null;
  others: DataItem[];
  onClose: () => void;
}) {
  const L = useDataItemLabels();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = useState({
    code: item?.code ?? '',
    nameVi: item?.nameVi ?? '',
    nameEn: item?.nameEn ?? '',
    unitOfMeasure: item?.unitOfMeasure ?? 'people',
    frequency: item?.frequency ?? 'quarter',
    aggregation: item?.aggregation ?? 'sum',
    reportingUnitKinds: item?.reportingUnitKinds ?? [],
    reportingGroupCode: item?.reportingGroupCode ?? '',
    mayExceedPopulation: item?.mayExceedPopulation ?? true,
    populationItemId: item?.populationItemId ?? '',
  });
  const set = (patch: Partial<typeof f>) => setF((old) => ({ ...old, ...patch }));
  const m = useMutation({
    mutationFn: () => {
      const { code, ...rest } = f;
      const body = {
        ...rest,
        reportingGroupCode: f.reportingGroupCode.trim() || null,
        populationItemId: f.populationItemId || null,
      };
      return item
        ? updateDataItem(item.id, { ...body, version: item.version })
        : createDataItem({ ...body, code, provinceId });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dataKeys.items(provinceId) });
      onClose();
    },
  });
  const fe = m.error instanceof ApiError ? m.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={item ? L.editItem : L.addItem}
      size="lg"
      closeButtonProps={{ 'aria-label': L.cancel }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={L.nameVi}
            required
            value={f.nameVi}
            onChange={(e) => set({ nameVi: e.currentTarget.value })}
            error={fe.nameVi}
          />
          <TextInput
            label={L.nameEn}
            value={f.nameEn}
            onChange={(e) => set({ nameEn: e.currentTarget.value })}
            error={fe.nameEn}
          />
          <TextInput
            label={L.code}
            required
            disabled={!!item}
            value={f.code}
            onChange={(e) => set({ code: e.currentTarget.value })}
            error={fe.code}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={L.unitOfMeasure}
              value={f.unitOfMeasure}
              onChange={(e) => set({ unitOfMeasure: e.currentTarget.value as typeof f.unitOfMeasure })}
              data={DATA_ITEM_UNITS.map((u) => ({ value: u, label: L.units[u] ?? u }))}
            />
            <NativeSelect
              label={L.frequency}
              value={f.frequency}
              onChange={(e) => set({ frequency: e.currentTarget.value as typeof f.frequency })}
              data={DATA_ITEM_FREQUENCIES.map((u) => ({ value: u, label: L.frequencies[u] ?? u }))}
            />
            <NativeSelect
              label={L.aggregation}
              value={f.aggregation}
              onChange={(e) => set({ aggregation: e.currentTarget.value as typeof f.aggregation })}
              data={DATA_ITEM_AGGREGATIONS.map((u) => ({ value: u, label: L.aggregations[u] ?? u }))}
            />
          </Group>
          <Checkbox.Group
            label={L.reportingKinds}
            description={L.reportingKindsHint}
            value={f.reportingUnitKinds}
            onChange={(v) => set({ reportingUnitKinds: v })}
            error={fe.reportingUnitKinds}
          >
            <Group gap="sm" mt={4}>
              {ORG_UNIT_KINDS.filter((k) => k !== 'province').map((k) => (
                <Checkbox key={k} value={k} label={t(`kinds.${k}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput
            label={L.reportingGroup}
            value={f.reportingGroupCode}
            onChange={(e) => set({ reportingGroupCode: e.currentTarget.value })}
            error={fe.reportingGroupCode}
          />
          <NativeSelect
            label={L.populationItem}
            value={f.populationItemId}
            onChange={(e) => set({ populationItemId: e.currentTarget.value })}
            data={[
              { value: '', label: L.noPopulation },
              ...others.map((o) => ({ value: o.id, label: o.nameVi })),
            ]}
            error={fe.populationItemId}
          />
          <Checkbox
            label={L.mayExceed}
            checked={f.mayExceedPopulation}
            onChange={(e) => set({ mayExceedPopulation: e.currentTarget.checked })}
          />
          {m.error && Object.keys(fe).length === 0 && <ErrorAlert error={m.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {L.cancel}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {L.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
