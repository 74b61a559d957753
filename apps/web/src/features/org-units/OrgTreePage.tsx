import type { OrgUnitKind } from '@dx/domain';
import {
  Badge,
  Button,
  Drawer,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fetchSummary, orgKeys, searchUnits } from '../../api/org-units';
import { DateField } from '../../lib/DateField';
import { formatDate, todayIso } from '../../lib/dates';
import { PageHeader } from '../../lib/PageHeader';
import { useProvince, useProvinces } from '../../lib/province';
import { useSession } from '../../lib/session';
import { ErrorAlert, Loading } from '../../lib/ui';
import classes from './org.module.css';
import { ReorganisationModal } from './ReorganisationModal';
import { UnitDetailPanel } from './UnitDetailPanel';
import { UnitChildren } from './UnitTree';

const QUICK_DATES = ['2023-06-30', '2025-08-01'];
const KIND_ORDER: OrgUnitKind[] = [
  'district',
  'commune',
  'department',
  'press_agency',
  'mass_organisation',
  'school',
  'enterprise',
  'other',
];

/** The organisation of a province "as of" a date: counts by kind, accent-insensitive search, a lazy tree. */
export function OrgTreePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? todayIso();
  const selectedId = params.get('unit');
  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (value) n.set(key, value);
        else n.delete(key);
        return n;
      },
      { replace: key !== 'unit' },
    );
  const provinces = useProvinces(asOf);
  const ctx = useProvince();
  const list = provinces.data ?? [];
  const provinceId = list.some((p) => p.provinceId === ctx.provinceId)
    ? ctx.provinceId
    : (list[0]?.provinceId ?? null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [reorgOpen, setReorgOpen] = useState(false);
  const wide = useMediaQuery('(min-width: 62em)', true);

  const summary = useQuery({
    queryKey: orgKeys.summary(provinceId ?? '', asOf),
    queryFn: () => fetchSummary(provinceId!, asOf),
    enabled: !!provinceId,
  });
  const results = useQuery({
    queryKey: orgKeys.search(provinceId ?? '', asOf, q),
    queryFn: () => searchUnits(provinceId!, asOf, q),
    enabled: !!provinceId && q.length > 0,
  });
  useEffect(() => {
    if (provinceId && provinceId !== ctx.provinceId && list.length > 0) ctx.setProvinceId(provinceId);
  }, [provinceId, ctx, list.length]);

  const select = (unitId: string | null) => setParam('unit', unitId);
  const counts = summary.data?.counts ?? {};
  const detail = selectedId ? <UnitDetailPanel unitId={selectedId} onSelect={select} /> : null;

  return (
    <Stack gap="md">
      <PageHeader title={t('org.title')} intro={t('org.intro')}>
        {can('org_unit.reorganise') && (
          <Button onClick={() => setReorgOpen(true)} disabled={!provinceId}>
            {t('org.reorganise')}
          </Button>
        )}
      </PageHeader>

      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('common.province')}
            data={list.map((p) => ({ value: p.provinceId, label: p.name }))}
            value={provinceId}
            onChange={(v) => v && ctx.setProvinceId(v)}
            allowDeselect={false}
            w={{ base: '100%', xs: 240 }}
          />
          <DateField
            label={t('common.asOf')}
            value={asOf}
            onChange={(v) => setParam('asOf', v || null)}
            w={{ base: '100%', xs: 150 }}
          />
          <Group gap={6} role="group" aria-label={t('org.quickDates')}>
            {QUICK_DATES.map((d) => (
              <Button
                key={d}
                variant={asOf === d ? 'filled' : 'default'}
                size="sm"
                onClick={() => setParam('asOf', d)}
              >
                {formatDate(d)}
              </Button>
            ))}
            <Button
              variant={asOf === todayIso() ? 'filled' : 'default'}
              size="sm"
              onClick={() => setParam('asOf', null)}
            >
              {t('common.today')}
            </Button>
          </Group>
        </Group>
        <Group gap={6} mt="sm" aria-live="polite">
          {KIND_ORDER.filter((k) => counts[k]).map((k) => (
            <Badge key={k} size="lg" variant="light" tt="none">
              {counts[k]} {t(`kinds.${k}`)}
            </Badge>
          ))}
        </Group>
      </Paper>

      {provinces.error && <ErrorAlert error={provinces.error} />}
      {summary.error && <ErrorAlert error={summary.error} />}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="sm">
            <TextInput
              label={t('org.searchLabel')}
              placeholder={t('org.searchPlaceholder')}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              mb="sm"
            />
            {!provinceId ? (
              provinces.isLoading ? (
                <Loading />
              ) : null
            ) : q ? (
              <section aria-label={t('org.results', { count: results.data?.total ?? 0 })}>
                {results.isLoading ? (
                  <Loading />
                ) : results.error ? (
                  <ErrorAlert error={results.error} />
                ) : (results.data?.items.length ?? 0) === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('org.noResults', { q, date: formatDate(asOf) })}
                  </Text>
                ) : (
                  <>
                    <Text size="sm" c="dimmed" mb={4}>
                      {t('org.results', { count: results.data!.total })}
                    </Text>
                    <ul className={classes.resultList}>
                      {results.data!.items.map((u) => (
                        <li key={u.unitId}>
                          <UnstyledButton
                            className={classes.result}
                            data-selected={u.unitId === selectedId || undefined}
                            onClick={() => select(u.unitId)}
                          >
                            <Text size="sm" fw={600}>
                              {u.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t(`kinds.${u.kind}`)}
                              {u.parentName ? ` · ${u.parentName}` : ''}
                            </Text>
                          </UnstyledButton>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            ) : (
              <nav aria-label={t('org.tree')}>
                <UnitChildren
                  parentId={null}
                  provinceId={provinceId}
                  asOf={asOf}
                  selectedId={selectedId}
                  onSelect={select}
                />
              </nav>
            )}
          </Paper>
        </Grid.Col>
        {wide && (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Paper
              withBorder
              p="sm"
              component="section"
              aria-label={t('org.detail')}
              style={{ position: 'sticky', top: 72 }}
            >
              {detail ?? (
                <Text size="sm" c="dimmed">
                  {t('org.selectUnitHint')}
                </Text>
              )}
            </Paper>
          </Grid.Col>
        )}
      </Grid>
      {!wide && (
        <Drawer
          opened={!!selectedId}
          onClose={() => select(null)}
          position="bottom"
          size="85%"
          title={t('org.detail')}
        >
          {detail}
        </Drawer>
      )}
      {reorgOpen && provinceId && (
        <ReorganisationModal provinceId={provinceId} defaultDate={asOf} onClose={() => setReorgOpen(false)} />
      )}
    </Stack>
  );
}
