import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Route, Routes, useParams, useSearchParams } from 'react-router';
import {
  fetchObstacle,
  listObstacles,
  type Obstacle,
  type ObstacleDetail,
  type ObstacleFilter,
  type ObstacleStatus,
  type ObstacleStep,
  obstacleKeys,
  raiseObstacle,
  takeStep,
} from '../../api/obstacles';
import { ApiError } from '../../lib/api';
import { DateField } from '../../lib/DateField';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { UnitPicker } from '../../lib/UnitPicker';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { type ObstacleLabels, useObstacleLabels } from '../../locales/obstacles';
import { fill } from '../../locales/reports';

// Dark shades with white text: Mantine's light badges fail axe colour contrast (docs/design.md § Traps).
const STATUS_COLOR: Record<string, string> = {
  raised: 'gray.8',
  forwarded: 'blue.9',
  directed: 'violet.9',
  resolved: '#1b6b2f',
  merged: 'gray.7',
  declined: '#a33a05',
  overdue: 'red.9',
};
const STATUSES: ObstacleStatus[] = ['raised', 'forwarded', 'directed', 'resolved', 'merged', 'declined'];

/**
 * The obstacles and proposals register (plan 54, closing paragraph): a unit raises, the DX office consolidates and
 * forwards, leadership directs, the unit given the direction answers, the raising unit reads the answer.
 */
export function ObstaclesPage() {
  return (
    <Routes>
      <Route index element={<ObstacleList />} />
      <Route path=":obstacleId" element={<ObstacleView />} />
    </Routes>
  );
}

function StatusBadge({ o, L }: { o: Pick<Obstacle, 'status' | 'isOverdue'>; L: ObstacleLabels }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLOR[o.status]} variant="filled" tt="none">
        {L.statuses[o.status]}
      </Badge>
      {o.isOverdue && (
        <Badge color={STATUS_COLOR.overdue} variant="filled" tt="none">
          {L.statuses.overdue}
        </Badge>
      )}
    </Group>
  );
}

function ownerText(o: Obstacle, L: ObstacleLabels): string {
  if (o.ownerRole === 'dx_office') return L.ownerDxOffice;
  if (o.ownerRole === 'leadership') return L.ownerLeadership;
  if (o.ownerRole === 'unit') return o.ownerUnitName ?? '';
  return '—';
}

function ObstacleList() {
  const L = useObstacleLabels();
  const { can } = useSession();
  const { provinceId } = useProvince();
  const [filter, setFilter] = useState<ObstacleFilter>({});
  // A report page links here as ?raise=1&unitId=…&reportId=… to raise an obstacle from a unit's period report.
  const [search] = useSearchParams();
  const fromReport =
    search.get('raise') === '1' ? { unitId: search.get('unitId'), reportId: search.get('reportId') } : null;
  const [raising, setRaising] = useState(fromReport !== null && can('report.write'));
  const q = useQuery({
    queryKey: obstacleKeys.list(provinceId ?? '', filter),
    queryFn: () => listObstacles(provinceId!, filter),
    enabled: !!provinceId,
  });
  const items = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="center">
          <Title order={2}>{L.title}</Title>
          {q.data && q.data.overdueCount > 0 && (
            <Badge
              color="red.9"
              variant="filled"
              tt="none"
              aria-label={fill(L.overdueCount, { n: q.data.overdueCount })}
            >
              {fill(L.overdueCount, { n: q.data.overdueCount })}
            </Badge>
          )}
        </Group>
        {can('report.write') && <Button onClick={() => setRaising(true)}>{L.raise}</Button>}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={L.status}
          value={filter.status ?? ''}
          onChange={(e) =>
            setFilter({
              ...filter,
              status: (e.currentTarget.value || undefined) as ObstacleStatus | undefined,
            })
          }
          data={[{ value: '', label: L.all }, ...STATUSES.map((s) => ({ value: s, label: L.statuses[s]! }))]}
        />
        <NativeSelect
          label={L.kind}
          value={filter.kind ?? ''}
          onChange={(e) => setFilter({ ...filter, kind: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: L.all },
            { value: 'obstacle', label: L.kinds.obstacle! },
            { value: 'proposal', label: L.kinds.proposal! },
          ]}
        />
        <TextInput
          label={L.search}
          placeholder={L.searchPlaceholder}
          value={filter.q ?? ''}
          onChange={(e) => setFilter({ ...filter, q: e.currentTarget.value || undefined })}
        />
        <Switch
          label={L.onlyOverdue}
          checked={!!filter.overdue}
          onChange={(e) => setFilter({ ...filter, overdue: e.currentTarget.checked || undefined })}
        />
      </Group>
      {q.isLoading && <Loading />}
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.data && items.length === 0 && (
        <Empty title={L.empty} hint={can('report.write') ? L.emptyHint : undefined} />
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.content}</Table.Th>
                <Table.Th>{L.raisedBy}</Table.Th>
                <Table.Th>{L.status}</Table.Th>
                <Table.Th>{L.waitingOn}</Table.Th>
                <Table.Th>{L.due}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={o.id}>
                      {o.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {L.kinds[o.kind]}
                    </Text>
                  </Table.Td>
                  <Table.Td>{o.unitName}</Table.Td>
                  <Table.Td>
                    <StatusBadge o={o} L={L} />
                  </Table.Td>
                  <Table.Td>{ownerText(o, L)}</Table.Td>
                  <Table.Td>{formatDate(o.dueDate, '—')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {raising && (
        <RaiseDialog
          onClose={() => setRaising(false)}
          unitId={fromReport?.unitId ?? null}
          reportId={fromReport?.reportId ?? null}
        />
      )}
    </Stack>
  );
}

/** A unit officer raises an obstacle or a proposal for their unit (or a unit below it). */
function RaiseDialog({
  onClose,
  unitId: presetUnit,
  reportId,
}: {
  onClose: () => void;
  unitId: string | null;
  reportId: string | null;
}) {
  const L = useObstacleLabels();
  const { me } = useSession();
  const { provinceId } = useProvince();
  const qc = useQueryClient();
  const ownUnit = me?.user.grants.find((g) => g.role === 'unit_officer' && g.unitId)?.unitId ?? null;
  const ownName = me?.user.grants.find((g) => g.unitId === ownUnit)?.unitName ?? null;
  const [unitId, setUnitId] = useState<string | null>(presetUnit ?? ownUnit);
  const [kind, setKind] = useState<'obstacle' | 'proposal'>('obstacle');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const m = useMutation({
    mutationFn: () => raiseObstacle({ unitId: unitId ?? '', kind, title, description, reportId }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: obstacleKeys.all });
      onClose();
    },
  });
  const errors = m.error instanceof ApiError ? m.error.fieldErrors : {};
  return (
    <Modal opened onClose={onClose} title={L.raise} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate();
        }}
      >
        <Stack gap="sm">
          <UnitPicker
            label={L.raisedBy}
            provinceId={provinceId}
            value={unitId}
            initialLabel={presetUnit && presetUnit !== ownUnit ? null : ownName}
            onChange={(id) => setUnitId(id)}
            error={errors.unitId}
            required
          />
          <SegmentedControl
            aria-label={L.kind}
            value={kind}
            onChange={(v) => setKind(v as 'obstacle' | 'proposal')}
            data={[
              { value: 'obstacle', label: L.kinds.obstacle! },
              { value: 'proposal', label: L.kinds.proposal! },
            ]}
          />
          <TextInput
            label={L.titleField}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
          />
          <Textarea
            label={L.content}
            description={L.contentHint}
            autosize
            minRows={4}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            required
          />
          {m.error && !Object.keys(errors).length && <ErrorAlert error={m.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {L.cancel}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {L.send}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ObstacleView() {
  const { obstacleId } = useParams();
  const L = useObstacleLabels();
  const q = useQuery({ queryKey: obstacleKeys.one(obstacleId!), queryFn: () => fetchObstacle(obstacleId!) });
  const [step, setStep] = useState<ObstacleStep | null>(null);
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const o = q.data!;
  const outcome = o.mergedInto ?? o;
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="..">
        ← {L.title}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {L.kinds[o.kind]} · {o.unitName} · {formatDateTime(o.createdAt)}
          </Text>
          <Title order={2}>{o.title}</Title>
        </div>
        <StatusBadge o={o} L={L} />
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{o.description}</Text>
      <Group gap="lg">
        <Text size="sm">
          <b>{L.waitingOn}:</b> {ownerText(o, L)}
        </Text>
        <Text size="sm">
          <b>{L.due}:</b> {formatDate(o.dueDate, '—')}
        </Text>
      </Group>
      {o.mergedInto && (
        <Alert color="blue" title={L.mergedInto}>
          <Anchor component={Link} to={`../${o.mergedInto.id}`}>
            {o.mergedInto.title}
          </Anchor>{' '}
          — {L.statuses[o.mergedInto.status]}
        </Alert>
      )}
      {o.declineReason && (
        <Alert color="orange" title={L.declined}>
          {o.declineReason}
        </Alert>
      )}
      {(outcome.direction || outcome.answer) && (
        <Paper withBorder p="md" aria-label={L.directionAndAnswer}>
          <Stack gap="xs">
            {outcome.direction && (
              <div>
                <Text fw={600}>
                  {fill(L.directionBy, {
                    name: outcome.directedByName ?? '',
                    date: formatDate(outcome.directedAt?.slice(0, 10)),
                  })}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{outcome.direction}</Text>
                <Text size="sm" c="dimmed">
                  {fill(L.assigned, {
                    unit: outcome.ownerUnitName ?? '',
                    date: formatDate(outcome.dueDate, '—'),
                  })}
                </Text>
              </div>
            )}
            {outcome.answer && (
              <div>
                <Text fw={600}>{fill(L.answerBy, { name: outcome.answeredByName ?? '' })}</Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{outcome.answer}</Text>
              </div>
            )}
          </Stack>
        </Paper>
      )}
      {o.merged.length > 0 && (
        <Paper withBorder p="md">
          <Text fw={600}>{L.mergedHere}</Text>
          {o.merged.map((m) => (
            <Text key={m.id} size="sm">
              <Anchor component={Link} to={`../${m.id}`}>
                {m.title}
              </Anchor>{' '}
              — {m.unitName}
            </Text>
          ))}
        </Paper>
      )}
      {o.actions.length > 0 && (
        <Group gap="sm">
          {o.actions.map((a) => (
            <Button
              key={a}
              variant={a === 'decline' || a === 'merge' ? 'default' : 'filled'}
              onClick={() => setStep(a)}
            >
              {L.steps[a]}
            </Button>
          ))}
        </Group>
      )}
      <Title order={3}>{L.history}</Title>
      <Timeline bulletSize={14} lineWidth={2}>
        {o.steps.map((s) => (
          <Timeline.Item key={s.id} title={L.actions[s.action] ?? s.action}>
            <Text size="xs" c="dimmed">
              {s.actorName} · {formatDateTime(s.at)}
            </Text>
            {s.note && <Text size="sm">{s.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {step && <StepDialog o={o} step={step} onClose={() => setStep(null)} />}
    </Stack>
  );
}

/** One step the server said the user may take (o.actions); a 409 shows the record as it is now. */
function StepDialog({ o, step, onClose }: { o: ObstacleDetail; step: ObstacleStep; onClose: () => void }) {
  const qc = useQueryClient();
  const L = useObstacleLabels();
  const { provinceId } = useProvince();
  const [text, setText] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [unitId, setUnitId] = useState<string | null>(o.unitId);
  const [intoId, setIntoId] = useState('');
  const [attachIds, setAttachIds] = useState<string[]>([]);
  // Other items still with the DX office: candidates to attach (forward) or to merge into.
  const others = useQuery({
    queryKey: obstacleKeys.list(provinceId ?? '', { status: step === 'merge' ? undefined : 'raised' }),
    queryFn: () => listObstacles(provinceId!, step === 'merge' ? {} : { status: 'raised' }),
    enabled: !!provinceId && (step === 'forward' || step === 'merge'),
  });
  const candidates = (others.data?.items ?? []).filter(
    (x) => x.id !== o.id && (step === 'merge' ? x.status === 'raised' || x.status === 'forwarded' : true),
  );
  const body = (): Record<string, unknown> => {
    switch (step) {
      case 'forward':
        return { version: o.version, note: text, dueDate: dueDate || null, attachIds };
      case 'merge':
        return { version: o.version, intoId };
      case 'decline':
        return { version: o.version, reason: text };
      case 'direct':
        return { version: o.version, direction: text, ownerUnitId: unitId ?? '', dueDate };
      case 'answer':
        return { version: o.version, answer: text };
    }
  };
  const m = useMutation({
    mutationFn: () => takeStep(o.id, step, body()),
    onSuccess: (saved) => {
      qc.setQueryData(obstacleKeys.one(o.id), saved);
      qc.invalidateQueries({ queryKey: obstacleKeys.all });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'RESOURCE.VERSION_CONFLICT')
        qc.invalidateQueries({ queryKey: obstacleKeys.one(o.id) });
    },
  });
  const errors = m.error instanceof ApiError ? m.error.fieldErrors : {};
  const textLabel = L.stepText[step];
  const textKey = { forward: 'note', decline: 'reason', direct: 'direction', answer: 'answer', merge: '' }[
    step
  ];
  return (
    <Modal opened onClose={onClose} title={L.steps[step]} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate();
        }}
      >
        <Stack gap="sm">
          {step !== 'merge' && (
            <Textarea
              label={textLabel}
              autosize
              minRows={3}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors[textKey]}
              required={step !== 'forward'}
            />
          )}
          {step === 'direct' && (
            <UnitPicker
              label={L.assignee}
              provinceId={provinceId}
              value={unitId}
              initialLabel={o.unitName}
              onChange={(id) => setUnitId(id)}
              error={errors.ownerUnitId}
              required
            />
          )}
          {(step === 'direct' || step === 'forward') && (
            <DateField
              label={step === 'direct' ? L.handleBy : L.leadershipDue}
              value={dueDate}
              onChange={setDueDate}
              error={errors.dueDate}
              required={step === 'direct'}
            />
          )}
          {step === 'forward' && candidates.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {L.attachSimilar}
              </Text>
              {candidates.map((c) => (
                <Switch
                  key={c.id}
                  label={`${c.title} — ${c.unitName}`}
                  checked={attachIds.includes(c.id)}
                  onChange={(e) =>
                    setAttachIds(
                      e.currentTarget.checked ? [...attachIds, c.id] : attachIds.filter((x) => x !== c.id),
                    )
                  }
                />
              ))}
            </Stack>
          )}
          {step === 'merge' && (
            <NativeSelect
              label={L.mergeInto}
              value={intoId}
              onChange={(e) => setIntoId(e.currentTarget.value)}
              error={errors.intoId}
              data={[
                { value: '', label: L.choose },
                ...candidates.map((c) => ({ value: c.id, label: `${c.title} — ${c.unitName}` })),
              ]}
              required
            />
          )}
          {m.error && <ErrorAlert error={m.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {L.cancel}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {L.steps[step]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
