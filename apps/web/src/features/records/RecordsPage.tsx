import type { RecordFileOut, RecordOutOf, RecordsQuery } from '@dx/contracts';
import { RECORD_ORDER } from '@dx/contracts/paths';
import { type RecordType, recordListFiltersOf } from '@dx/domain';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, Navigate, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { fetchUnit } from '../../api/org-units';
import {
  deleteRecord,
  fetchRecord,
  fileToBase64,
  RECORD_PATHS,
  recordKeys,
  reviewUnitPlan,
  type StoredRecord,
  typeOfPath,
} from '../../api/records';
import { targetKeys } from '../../api/targets';
import { del, get, post } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { UnitPicker } from '../../lib/UnitPicker';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { useMyUnits } from '../../lib/useMyUnits';
import { useVocabulary } from '../../lib/vocabulary';
import { fill, useEvidenceLabels, useNumberFormat } from '../../locales/evidence';
import { useLang, useLookups } from './lookups';
import { RecordForm } from './RecordForm';
import {
  CHANNEL_LABELS,
  EVENT_KIND_LABELS,
  EVENT_LEVEL_LABELS,
  FORMAT_LABELS,
  MODEL_KIND_LABELS,
  PLAN_KIND_LABELS,
  RECORD_SPECS,
  ROLE_LABELS,
  TAG_LABELS,
} from './recordSpecs';

/**
 * Records a unit enters (publications, channels, plan, people, trainings, models, events) and, under the "import" tab,
 * the Excel import screen, which the app composes in (app/routes.tsx) so that no feature imports another.
 */
export function RecordsPage({ importScreen }: { importScreen?: ReactNode }) {
  return (
    <Routes>
      <Route index element={<Navigate to="publications" replace />} />
      <Route path="import" element={<RecordsFrame current="import" importScreen={importScreen} />} />
      <Route path=":kind" element={<RecordsFrame />} />
    </Routes>
  );
}

function RecordsFrame({ current, importScreen }: { current?: 'import'; importScreen?: ReactNode }) {
  const L = useEvidenceLabels();
  const params = useParams();
  const navigate = useNavigate();
  const type = current ? null : typeOfPath(params.kind ?? '');
  if (!current && !type) return <Navigate to="/records/publications" replace />;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{L.recordsTitle}</Title>
        <Text size="sm" c="dimmed">
          {L.recordsIntro}
        </Text>
      </div>
      <Tabs
        value={current ?? RECORD_PATHS[type!]}
        onChange={(v) => v && navigate(`/records/${v}`)}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {RECORD_ORDER.map((k) => (
            <Tabs.Tab key={k} value={RECORD_PATHS[k]}>
              {L.kinds[k]}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="import">{L.importExcel}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {current === 'import' ? importScreen : <RecordList key={type!} type={type!} />}
    </Stack>
  );
}

function RecordList({ type }: { type: RecordType }) {
  const L = useEvidenceLabels();
  const lang = useLang();
  const vocabulary = useVocabulary();
  const n = useNumberFormat();
  const qc = useQueryClient();
  const { can } = useSession();
  const { provinceId } = useProvince();
  const my = useMyUnits();
  const [params, setParams] = useSearchParams();
  const spec = RECORD_SPECS[type];
  // A unit officer sees its own unit's records; the DX office the province's, optionally one unit's.
  const filterUnit = my.provinceWide ? params.get('unitId') : my.unitId;
  // The name of a unit given by URL (links from the dashboard), for the filter's label.
  const filterName = useQuery({
    queryKey: ['org-units', 'one', filterUnit ?? ''],
    queryFn: () => fetchUnit(filterUnit!),
    enabled: my.provinceWide && !!filterUnit,
    select: (u) => (u.versions.find((v) => v.validTo === null) ?? u.versions.at(-1))?.name ?? null,
  });
  const [editing, setEditing] = useState<StoredRecord | 'new' | null>(params.get('new') ? 'new' : null);
  const [reviewing, setReviewing] = useState<RecordOutOf<'unit_plan'> | null>(null);
  const [filing, setFiling] = useState<StoredRecord | null>(null);
  // A unit's list takes in the units below it (a district officer sees its communes' records) unless unticked;
  // the DX office filtering on one unit opts in.
  const below = params.get('below') ? params.get('below') === '1' : !my.provinceWide;
  // Theme and channel filters, only where the kind has them (the server refuses the others).
  const filters = recordListFiltersOf(type);
  const themeId = filters.includes('themeId') ? params.get('themeId') : null;
  const channelId = filters.includes('channelId') ? params.get('channelId') : null;
  // Channels open on the DX channels (those with a DX section, plan 54 I.2.b); "all" shows every channel.
  const dxChoice = filters.includes('dx') ? (params.get('dx') ?? 'true') : null;
  const dx = dxChoice === 'true' || dxChoice === 'false' ? dxChoice : undefined;
  const setParam = (name: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(name, value);
        else p.delete(name);
        return p;
      },
      { replace: true },
    );
  const q = useQuery({
    queryKey: [
      ...recordKeys.list(type, provinceId ?? '', filterUnit),
      below ? 'below' : 'own',
      themeId ?? '',
      channelId ?? '',
      dx ?? '',
    ],
    queryFn: () =>
      get<{ items: StoredRecord[]; total: number }>(`/${RECORD_PATHS[type]}`, {
        provinceId: provinceId!,
        unitId: filterUnit ?? undefined,
        includeBelow: filterUnit && below ? 'true' : undefined,
        themeId: themeId ?? undefined,
        channelId: channelId ?? undefined,
        dx,
        limit: 200,
      } satisfies RecordsQuery),
    enabled: !!provinceId,
  });
  const lookups = useLookups(my.provinceWide ? null : my.unitId);
  const channelName = (id: unknown) => lookups.channels.find((c) => c.value === id)?.label ?? '';
  const remove = useMutation({
    mutationFn: (r: StoredRecord) => deleteRecord(type, r.id, r.version),
    onSuccess: (_, r) => {
      setSaved((s) => s.filter((x) => x.id !== r.id));
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': L.close }, message: L.deleted });
      void qc.invalidateQueries({ queryKey: recordKeys.all });
      void qc.invalidateQueries({ queryKey: targetKeys.all });
    },
    onError: (e) =>
      notifications.show({ color: 'red', closeButtonProps: { 'aria-label': L.close }, message: e.message }),
  });
  // What this screen just created is listed first, whatever the list's order (issue 19: a 2023 publication
  // saved today sank among the year's items), marked "Vừa lưu" until the page is left.
  const [saved, setSaved] = useState<StoredRecord[]>([]);
  const fetched = q.data?.items ?? [];
  const savedIds = new Set(saved.map((r) => r.id));
  const items = [
    ...saved.map((r) => fetched.find((x) => x.id === r.id) ?? r),
    ...fetched.filter((x) => !savedIds.has(x.id)),
  ];
  const mayWrite = can('record.write') || can('record.write_any');
  const nameOf = (r: StoredRecord) => String((r as Record<string, unknown>)[spec.titleField] ?? '');
  const closeForm = () => {
    setEditing(null);
    if (params.get('new'))
      setParams(
        (p) => {
          p.delete('new');
          return p;
        },
        { replace: true },
      );
  };

  const ownerOf = (r: StoredRecord) =>
    r.type === 'channel'
      ? r.ownerUnitId
      : r.type === 'training' || r.type === 'event'
        ? r.organiserUnitId
        : r.unitId;
  const tagWords = vocabulary.words('training_tag', TAG_LABELS);
  const meta = (r: StoredRecord): string[] => {
    const w = (m: Record<string, [string, string]>, k: unknown) =>
      k ? (m[String(k)]?.[lang] ?? String(k)) : '';
    switch (r.type) {
      case 'publication':
        return [
          formatDate(r.publishedOn as string),
          channelName(r.channelId),
          w(FORMAT_LABELS, r.format),
          r.isDx ? L.dxShort : '',
          r.reach !== null && r.reach !== undefined ? fill(L.reachCount, { n: n(Number(r.reach), 0) }) : '',
        ];
      case 'channel':
        return [
          w(vocabulary.words('channel_kind', CHANNEL_LABELS), r.kind),
          r.hasDxSection ? L.hasDxSection : L.noDxSection,
          r.dxSectionSince ? fill(L.sinceDate, { date: formatDate(r.dxSectionSince as string) }) : '',
        ];
      case 'unit_plan':
        return [String(r.year), w(PLAN_KIND_LABELS, r.kind), formatDate(r.documentDate as string)];
      case 'person':
        return [
          w(vocabulary.words('person_role', ROLE_LABELS), r.role),
          String(r.email ?? ''),
          String(r.phone ?? ''),
          r.leftOn ? fill(L.leftOn, { date: formatDate(r.leftOn as string) }) : '',
        ];
      case 'training':
        return [
          formatDate(r.heldOn as string),
          ((r.tags as string[]) ?? []).map((t) => w(tagWords, t)).join(', '),
        ];
      case 'dx_model':
        return [
          w(vocabulary.words('model_kind', MODEL_KIND_LABELS), r.kind),
          String(r.recognisedBy ?? ''),
          formatDate(r.recognisedOn as string),
        ];
      case 'event':
        return [
          formatDate(r.heldOn as string),
          w(vocabulary.words('event_kind', EVENT_KIND_LABELS), r.kind),
          w(vocabulary.words('event_level', EVENT_LEVEL_LABELS), r.level),
          r.participants ? fill(L.participantsCount, { n: n(Number(r.participants), 0) }) : '',
        ];
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        {my.provinceWide ? (
          <UnitPicker
            key={filterName.data ?? 'none'}
            initialLabel={filterName.data ?? null}
            label={L.unitFilter}
            placeholder={L.unitFilterPlaceholder}
            provinceId={provinceId}
            value={filterUnit}
            onChange={(id) => setParam('unitId', id)}
            w={{ base: '100%', sm: 360 }}
          />
        ) : (
          <Text fw={600}>{my.unitName}</Text>
        )}
        {filterUnit && (
          <Checkbox
            label={L.withBelow}
            checked={below}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setParams(
                (p) => {
                  p.set('below', on ? '1' : '0');
                  return p;
                },
                { replace: true },
              );
            }}
          />
        )}
        {dxChoice && (
          <NativeSelect
            label={L.dxFilter}
            value={dxChoice}
            onChange={(e) => setParam('dx', e.currentTarget.value === 'true' ? null : e.currentTarget.value)}
            data={[
              { value: 'true', label: L.dxFilterDx },
              { value: 'all', label: L.dxFilterAll },
              { value: 'false', label: L.dxFilterNone },
            ]}
            w={{ base: '100%', sm: 280 }}
          />
        )}
        {filters
          .filter((name) => name !== 'dx')
          .map((name) => {
            const [label, placeholder, data, value] =
              name === 'themeId'
                ? [L.themeFilter, L.themeFilterPlaceholder, lookups.themes, themeId]
                : [L.channelFilter, L.channelFilterPlaceholder, lookups.channels, channelId];
            return (
              <Select
                key={name}
                label={label}
                placeholder={placeholder}
                data={data}
                value={value}
                onChange={(v) => setParam(name, v)}
                clearable
                searchable
                w={{ base: '100%', sm: 280 }}
              />
            );
          })}
        {mayWrite && (
          <Group gap="xs">
            <Button
              variant="default"
              component={Link}
              to={`/records/import?type=${RECORD_PATHS[type]}`}
              size="md"
            >
              {L.importExcel}
            </Button>
            <Button size="md" onClick={() => setEditing('new')}>
              {L.add[type]}
            </Button>
          </Group>
        )}
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.isLoading || !provinceId ? (
        <Loading />
      ) : items.length === 0 ? (
        <Paper withBorder>
          <Empty title={L.emptyTitle} hint={L.empty[type]} />
        </Paper>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {fill(L.total, { count: n(q.data?.total ?? 0, 0) })}
          </Text>
          <Stack
            gap="xs"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={L.kinds[type]}
          >
            {items.map((r) => (
              <Paper key={r.id} withBorder p="sm" component="li">
                <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                  <div style={{ minWidth: 0, flex: '1 1 260px' }}>
                    {savedIds.has(r.id) && (
                      <Badge tt="none" variant="filled" color="blue.9" mb={4}>
                        {L.justSaved}
                      </Badge>
                    )}
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {r.type === 'publication' && r.url ? (
                        <Anchor href={String(r.url)} target="_blank" rel="noreferrer">
                          {nameOf(r)}
                        </Anchor>
                      ) : (
                        nameOf(r)
                      )}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {[
                        ...meta(r),
                        // Records of a unit below the one listed say whose they are.
                        filterUnit && r.unitName && ownerOf(r) !== filterUnit ? String(r.unitName) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                    {r.type === 'unit_plan' && (
                      <Group gap="xs" mt={4}>
                        <Badge
                          tt="none"
                          variant="filled"
                          color={
                            r.status === 'accepted' ? 'green.9' : r.status === 'returned' ? 'red.9' : 'gray.8'
                          }
                        >
                          {L.planStatus[String(r.status)] ?? String(r.status)}
                        </Badge>
                        {r.reviewNote ? (
                          <Text size="sm">
                            {L.reviewNote}: {String(r.reviewNote)}
                          </Text>
                        ) : null}
                      </Group>
                    )}
                  </div>
                  <Group gap={6}>
                    {r.type === 'unit_plan' && r.status === 'submitted' && can('unit_plan.review') && (
                      <Button size="sm" variant="light" onClick={() => setReviewing(r)}>
                        {L.accept} / {L.returnIt}
                      </Button>
                    )}
                    <Button
                      size="sm"
                      variant="default"
                      onClick={() => setFiling(r)}
                      aria-label={`${L.files} ${nameOf(r)}`}
                    >
                      {L.files}
                    </Button>
                    {mayWrite && (
                      <>
                        <Button
                          size="sm"
                          variant="default"
                          onClick={() => setEditing(r)}
                          aria-label={`${L.edit} ${nameOf(r)}`}
                        >
                          {L.edit}
                        </Button>
                        <Button
                          size="sm"
                          variant="default"
                          c="red.9"
                          aria-label={`${L.delete} ${nameOf(r)}`}
                          loading={remove.isPending && remove.variables?.id === r.id}
                          onClick={() => {
                            if (window.confirm(fill(L.deleteConfirm, { name: nameOf(r) }))) remove.mutate(r);
                          }}
                        >
                          {L.delete}
                        </Button>
                      </>
                    )}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        </>
      )}
      {editing && (
        <RecordForm
          type={type}
          editing={editing === 'new' ? null : editing}
          unitId={my.provinceWide ? filterUnit : my.unitId}
          unitName={my.provinceWide ? null : my.unitName}
          onClose={closeForm}
          onSaved={(r) => {
            if (editing === 'new') setSaved((s) => [r, ...s.filter((x) => x.id !== r.id)]);
          }}
        />
      )}
      {reviewing && <ReviewModal plan={reviewing} onClose={() => setReviewing(null)} />}
      {filing && (
        <FilesModal
          type={type}
          record={filing}
          title={nameOf(filing)}
          mayWrite={mayWrite}
          onClose={() => setFiling(null)}
        />
      )}
    </Stack>
  );
}

type RecordFile = RecordFileOut;

/** Files attached to a record: download, attach (PDF, Word, Excel, images ≤ 4 MB), remove. */
function FilesModal({
  type,
  record,
  title,
  mayWrite,
  onClose,
}: {
  type: RecordType;
  record: StoredRecord;
  title: string;
  mayWrite: boolean;
  onClose: () => void;
}) {
  const L = useEvidenceLabels();
  const n = useNumberFormat();
  const [file, setFile] = useState<File | null>(null);
  const one = useQuery({
    queryKey: ['records', type, 'one', record.id],
    queryFn: () => fetchRecord(type, record.id),
  });
  const files = (one.data?.files ?? []) as RecordFile[];
  const attach = useMutation({
    mutationFn: async (f: File) =>
      post<RecordFile>(`/${RECORD_PATHS[type]}/${record.id}/files`, {
        fileName: f.name,
        contentBase64: await fileToBase64(f),
      }),
    onSuccess: () => {
      setFile(null);
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': L.close },
        message: L.attached,
      });
      void one.refetch();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => del<void>(`/record-files/${id}`),
    onSuccess: () => void one.refetch(),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': L.close }}
      title={`${L.files}: ${title}`}
    >
      <Stack gap="sm">
        {one.error && <ErrorAlert error={one.error} />}
        {record.type === 'unit_plan' && record.fileRef ? <Text size="sm">{record.fileRef}</Text> : null}
        {files.length === 0 && !one.isLoading ? (
          <Text size="sm" c="dimmed">
            {L.emptyTitle}
          </Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {files.map((f) => (
              <Group key={f.id} component="li" justify="space-between" gap="xs" wrap="nowrap">
                <Anchor href={f.url} download={f.fileName} style={{ overflowWrap: 'anywhere' }}>
                  {f.fileName}
                </Anchor>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    {n(Math.max(1, Math.round(f.size / 1024)), 0)} KB
                  </Text>
                  {mayWrite && (
                    <Button
                      size="xs"
                      variant="default"
                      c="red.9"
                      aria-label={`${L.removeFile} ${f.fileName}`}
                      loading={remove.isPending && remove.variables === f.id}
                      onClick={() => remove.mutate(f.id)}
                    >
                      {L.removeFile}
                    </Button>
                  )}
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {mayWrite && (
          <Group align="flex-end" gap="xs">
            <FileInput
              label={L.attachFile}
              placeholder={L.filePlaceholder}
              value={file}
              onChange={setFile}
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.doc,.xls,.jpg,.jpeg,.png,.txt"
              style={{ flex: 1 }}
            />
            <Button disabled={!file} loading={attach.isPending} onClick={() => file && attach.mutate(file)}>
              {L.save}
            </Button>
          </Group>
        )}
        {attach.error && <ErrorAlert error={attach.error} />}
        {remove.error && <ErrorAlert error={remove.error} />}
      </Stack>
    </Modal>
  );
}

function ReviewModal({ plan, onClose }: { plan: RecordOutOf<'unit_plan'>; onClose: () => void }) {
  const L = useEvidenceLabels();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: (decision: 'accept' | 'return') =>
      reviewUnitPlan(plan.id, plan.version, decision, note.trim() || null),
    onSuccess: () => {
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': L.close },
        message: L.reviewed,
      });
      void qc.invalidateQueries({ queryKey: recordKeys.all });
      void qc.invalidateQueries({ queryKey: targetKeys.all });
      onClose();
    },
  });
  const fe =
    review.error && 'fieldErrors' in review.error
      ? (review.error as { fieldErrors: Record<string, string> }).fieldErrors
      : {};
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': L.close }}
      title={`${L.kinds.unit_plan}: ${plan.documentNumber}`}
    >
      <Stack gap="sm">
        <Textarea
          label={L.returnNote}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fe.note}
          autosize
          minRows={2}
        />
        {review.error && !fe.note && <ErrorAlert error={review.error} />}
        <Group>
          <Button
            onClick={() => review.mutate('accept')}
            loading={review.isPending && review.variables === 'accept'}
          >
            {L.accept}
          </Button>
          <Button
            color="red.9"
            variant="outline"
            onClick={() => review.mutate('return')}
            loading={review.isPending && review.variables === 'return'}
          >
            {L.returnIt}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
