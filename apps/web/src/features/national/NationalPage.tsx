import {
  Anchor,
  Badge,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { fetchNationalOverview, type NationalProvince, nationalKeys } from '../../api/national';
import { DateField } from '../../lib/DateField';
import { todayIso } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { STATUS_COLOURS } from '../../lib/TargetBits';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { useNationalLabels } from '../../locales/national';

type StatusFilter = 'all' | 'behind' | 'on_track' | 'no_plan';
const FIRST_YEAR = 2021;

/** Accent- and case-insensitive text for the name filter ("ha noi" finds "Hà Nội"). */
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

function matches(p: NationalProvince, status: StatusFilter): boolean {
  const s = p.summary;
  switch (status) {
    case 'all':
      return true;
    case 'behind':
      return s.behind + s.atRisk > 0;
    case 'on_track':
      return s.onTrack > 0 && s.onTrack === s.onTrack + s.atRisk + s.behind;
    case 'no_plan':
      return p.plans.length === 0;
  }
}

/**
 * Every province side by side (issue 13), for a system administrator or a Ministry reader: ranked by the share of
 * targets on track (the server's order), filtered by name and status; year and as-of day kept in the URL. A province
 * opens its own dashboard, read-only (?readonly=1), on the same day.
 */
export function NationalPage() {
  const L = useNationalLabels();
  const navigate = useNavigate();
  const { setProvinceId, provinces: current } = useProvince();
  // The dashboard works in a province in force today (lib/province.tsx): one that has since merged into another
  // (Hải Dương, 01/07/2025) is listed as it stood, but its dashboard is its successor's, so no link is offered.
  const openable = (p: NationalProvince) => current.some((c) => c.provinceId === p.provinceId);
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const asOf = params.get('asOf') || today;
  const year = Number(params.get('year')) || Number(asOf.slice(0, 4));
  const q = params.get('q') ?? '';
  const status = (params.get('status') as StatusFilter | null) ?? 'all';
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  const overview = useQuery({
    queryKey: nationalKeys.overview(year, asOf),
    queryFn: () => fetchNationalOverview(year, asOf),
  });
  const years = useMemo(() => {
    const last = Math.max(Number(today.slice(0, 4)) + 1, year);
    return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => String(last - i));
  }, [today, year]);
  const all = overview.data?.provinces ?? [];
  const shown = all.filter((p) => matches(p, status) && fold(p.name).includes(fold(q.trim())));

  const open = (p: NationalProvince) => {
    setProvinceId(p.provinceId);
    const query = new URLSearchParams({ readonly: '1' });
    if (p.plans[0]) query.set('plan', p.plans[0].id);
    if (asOf !== today) query.set('asOf', asOf);
    navigate(`/dashboard?${query}`);
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {L.title}
        </Title>
        <Text size="sm" c="dimmed">
          {L.intro}
        </Text>
      </div>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={L.year}
          value={String(year)}
          onChange={(e) => set('year', e.currentTarget.value)}
          data={years}
          w={120}
        />
        <DateField label={L.asOf} value={asOf} onChange={(d) => set('asOf', d)} maw={200} />
        <TextInput label={L.search} value={q} onChange={(e) => set('q', e.currentTarget.value)} maw={260} />
        <NativeSelect
          label={L.status}
          value={status}
          onChange={(e) => set('status', e.currentTarget.value === 'all' ? '' : e.currentTarget.value)}
          data={(Object.keys(L.statuses) as StatusFilter[]).map((k) => ({ value: k, label: L.statuses[k] }))}
          maw={300}
        />
      </Group>
      {overview.error && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isLoading ? (
        <Loading label={L.loading} />
      ) : overview.data ? (
        <Paper withBorder>
          <Text size="sm" c="dimmed" px="sm" pt="xs" aria-live="polite">
            {L.count(shown.length, all.length)}
          </Text>
          {shown.length === 0 ? (
            <Empty title={L.none} />
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{L.province}</Table.Th>
                    <Table.Th>{L.plans}</Table.Th>
                    <Table.Th>{L.onTrack}</Table.Th>
                    <Table.Th>
                      {L.atRisk} / {L.behind}
                    </Table.Th>
                    <Table.Th>{L.notDefined}</Table.Th>
                    <Table.Th>{L.reports}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((p) => {
                    const s = p.summary;
                    const judged = s.onTrack + s.atRisk + s.behind;
                    return (
                      <Table.Tr key={p.provinceId}>
                        <Table.Td>{all.indexOf(p) + 1}</Table.Td>
                        <Table.Td>
                          {openable(p) ? (
                            <Anchor
                              component="button"
                              type="button"
                              fw={500}
                              ta="left"
                              onClick={() => open(p)}
                              aria-label={L.open(p.name)}
                            >
                              {p.name}
                            </Anchor>
                          ) : (
                            <>
                              <Text fw={500}>{p.name}</Text>
                              <Text size="xs" c="dimmed">
                                {L.ended}
                              </Text>
                            </>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {p.plans.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              {L.noPlan}
                            </Text>
                          ) : (
                            p.plans.map((plan) => (
                              <Text key={plan.id} size="sm">
                                {plan.code ? `${plan.code} — ` : ''}
                                {plan.title}
                              </Text>
                            ))
                          )}
                        </Table.Td>
                        <Table.Td>
                          {s.onTrackPercent === null ? (
                            '—'
                          ) : (
                            <Badge
                              tt="none"
                              radius="sm"
                              styles={{
                                root: {
                                  background: STATUS_COLOURS[s.onTrack === judged ? 'on_track' : 'at_risk'],
                                  color: '#fff',
                                },
                              }}
                            >
                              {s.onTrack}/{judged} · {s.onTrackPercent}%
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {s.atRisk} / {s.behind}
                        </Table.Td>
                        <Table.Td>{s.notDefined}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {p.reports
                              ? L.reportsText(
                                  p.reports.onTime,
                                  p.reports.late,
                                  p.reports.missing,
                                  p.reports.required,
                                )
                              : L.noReports}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ) : null}
    </Stack>
  );
}
