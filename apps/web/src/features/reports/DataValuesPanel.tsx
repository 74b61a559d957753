import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dataKeys,
  fetchUnitDataValues,
  saveUnitDataValues,
  submitUnitDataValues,
  type UnitDataValues,
} from '../../api/data-items';
import { ApiError } from '../../lib/api';
import { ErrorAlert, Loading } from '../../lib/ui';
import { fill, useDataItemLabels } from '../../locales/data-items';
import { ReportStatusBadge } from './bits';

type Entry = { value: number | ''; note: string };

/**
 * A unit's reported figures for the period, in its report form (issue 16): one field per item asked of it, stacked
 * for a phone. Saved with "Lưu số liệu"; sent with the report (or alone with "Gửi số liệu" after a value was returned).
 * An impossible value (a share above 100%, more people than the unit's population) comes back on its own field.
 */
export function DataValuesPanel({ periodId, unitId }: { periodId: string; unitId: string }) {
  const L = useDataItemLabels();
  const { i18n } = useTranslation();
  const isEn = i18n.language?.startsWith('en');
  const qc = useQueryClient();
  const key = dataKeys.unit(periodId, unitId);
  const q = useQuery({ queryKey: key, queryFn: () => fetchUnitDataValues(periodId, unitId) });
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  // When the shown answer is the one our own save returned (a later refetch hides the confirmation).
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const data = q.data;
  // A new answer from the server (saved, sent with the report, returned, accepted) replaces what is shown.
  useEffect(() => {
    if (!data) return;
    setEntries(
      Object.fromEntries(
        data.rows.map((r) => [r.item.id, { value: r.value?.value ?? '', note: r.value?.note ?? '' }]),
      ),
    );
  }, [data]);
  const done = (d: UnitDataValues) => {
    qc.setQueryData(key, d);
    setSavedAt(qc.getQueryState(key)?.dataUpdatedAt ?? null);
    setDirty(false);
  };
  const save = useMutation({
    mutationFn: () =>
      saveUnitDataValues(periodId, unitId, {
        values: data!.rows
          .filter((r) => r.value === null || r.value.status === 'draft' || r.value.status === 'returned')
          .filter((r) => (entries[r.item.id]?.value ?? '') !== '' || r.value !== null)
          .map((r) => {
            const e = entries[r.item.id] ?? { value: '', note: '' };
            return {
              itemId: r.item.id,
              value: e.value === '' ? null : Number(e.value),
              note: e.note,
              ...(r.value ? { version: r.value.version } : {}),
            };
          }),
      }),
    onSuccess: done,
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'RESOURCE.VERSION_CONFLICT') void q.refetch();
    },
  });
  const send = useMutation({ mutationFn: () => submitUnitDataValues(periodId, unitId), onSuccess: done });
  if (q.isLoading) return <Loading />;
  if (q.error || !data) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (data.rows.length === 0) return null;
  const error = save.error ?? send.error;
  const issues = error instanceof ApiError ? error.issues : [];
  const fieldError = (i: number, field: string) =>
    issues.find((x) => x.path[0] === 'values' && x.path[1] === i && x.path[2] === field)?.message;
  // The index each row has in the body sent (rows not editable are not sent).
  const sentRows = data.rows.filter(
    (r) => r.value === null || r.value.status === 'draft' || r.value.status === 'returned',
  );
  const edit = (itemId: string, patch: Partial<Entry>) => {
    setSavedAt(null);
    setDirty(true);
    setEntries((old) => ({ ...old, [itemId]: { ...(old[itemId] ?? { value: '', note: '' }), ...patch } }));
  };
  const sentIndex = (itemId: string) =>
    sentRows
      .filter((r) => (entries[r.item.id]?.value ?? '') !== '' || r.value !== null)
      .findIndex((r) => r.item.id === itemId);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {L.figuresTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {L.figuresIntro}
        </Text>
        {data.rows.map((r) => {
          const editable =
            data.canEdit && (r.value === null || r.value.status === 'draft' || r.value.status === 'returned');
          const e = entries[r.item.id] ?? { value: '', note: '' };
          const name = isEn ? r.item.nameEn || r.item.nameVi : r.item.nameVi;
          const idx = sentIndex(r.item.id);
          return (
            <Stack key={r.item.id} gap={4}>
              <NumberInput
                label={`${name} (${L.units[r.item.unitOfMeasure] ?? r.item.unitOfMeasure})`}
                value={e.value}
                onChange={(v) => edit(r.item.id, { value: v === '' ? '' : Number(v) })}
                readOnly={!editable}
                min={0}
                max={r.item.unitOfMeasure === 'percent' ? 100 : undefined}
                clampBehavior="none"
                thousandSeparator="."
                decimalSeparator=","
                inputMode="decimal"
                error={idx >= 0 ? fieldError(idx, 'value') : undefined}
              />
              <Group gap="xs">
                {r.value ? (
                  <ReportStatusBadge status={r.value.status} />
                ) : (
                  <Badge color="gray.8" variant="filled" tt="none">
                    {L.notEntered}
                  </Badge>
                )}
                {r.value?.status === 'returned' && r.value.reviewNote && (
                  <Text size="sm" c="red.9">
                    {fill(L.returnedWith, { comment: r.value.reviewNote })}
                  </Text>
                )}
              </Group>
              {editable && (
                <TextInput
                  label={L.note}
                  value={e.note}
                  onChange={(ev) => edit(r.item.id, { note: ev.currentTarget.value })}
                  size="sm"
                />
              )}
            </Stack>
          );
        })}
        {error instanceof ApiError && error.code === 'RESOURCE.VERSION_CONFLICT' ? (
          <Alert color="orange" role="alert">
            {L.conflict}
          </Alert>
        ) : (
          error && issues.length === 0 && <ErrorAlert error={error} />
        )}
        {dirty && (
          <Text size="sm" c="red.9">
            {L.unsaved}
          </Text>
        )}
        {savedAt !== null && savedAt === q.dataUpdatedAt && !error && (
          <Text size="sm" role="status">
            {L.figuresSaved}
          </Text>
        )}
        {(data.canEdit || data.canSubmit) && (
          <Group>
            {data.canEdit && (
              <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
                {L.saveFigures}
              </Button>
            )}
            {data.canSubmit && (
              <Button variant="outline" onClick={() => send.mutate()} loading={send.isPending}>
                {L.sendFigures}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
