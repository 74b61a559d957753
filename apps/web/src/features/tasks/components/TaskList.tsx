import { Button, Group, NativeSelect, Stack, Switch, Tabs, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { exportUrl, listTasks, overdueExportUrl, type TaskFilter, taskKeys } from '../../../api/tasks';
import { PageHeader } from '../../../lib/PageHeader';
import { useProvince } from '../../../lib/province';
import { useSession } from '../../../lib/session';
import { UnitPicker } from '../../../lib/UnitPicker';
import { UrgeButton } from '../../../lib/UrgeButton';
import { Empty, ErrorAlert, Loading } from '../../../lib/ui';
import { type TaskLabels, useTaskLabels } from '../../../locales/tasks';
import { ImportDialog } from './ImportDialog';
import { usePlans } from './shared';
import { CreateTaskDialog, usePlanLinks } from './TaskForms';
import { TaskTable } from './TaskTable';
import { Timeline } from './Timeline';

export function TaskList() {
  const L = useTaskLabels();
  const { can } = useSession();
  const { provinceId } = useProvince();
  const plans = usePlans(provinceId);
  const [planId, setPlanId] = useState<string | null>(null);
  const currentPlan = planId ?? plans.data?.items[0]?.id ?? null;
  const planYear = plans.data?.items.find((p) => p.id === currentPlan)?.year ?? new Date().getFullYear();
  const [filter, setFilter] = useState<TaskFilter>({
    mine: !can('task.write') && can('task.update_progress'),
  });
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  const links = usePlanLinks(currentPlan);
  const q = useQuery({
    queryKey: taskKeys.list(currentPlan ?? '', filter),
    queryFn: () => listTasks(currentPlan!, filter),
    enabled: !!currentPlan,
  });
  if (plans.isLoading) return <Loading />;
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => plans.refetch()} />;
  if (!plans.data?.items.length) return <Empty title={L.noPlan} />;
  const items = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={L.title} intro={L.intro}>
        <Group>
          {can('task.write') && currentPlan && <Button onClick={() => setAdding(true)}>{L.add}</Button>}
          {can('task.write') && (
            <Button variant="light" onClick={() => setImporting(true)}>
              {L.import}
            </Button>
          )}
          {currentPlan && items.some((t) => t.progress.overdue > 0) && (
            <UrgeButton planId={currentPlan} request={{ source: 'tasks' }} />
          )}
          {currentPlan && items.some((t) => t.progress.overdue > 0) && (
            <Button component="a" href={overdueExportUrl(currentPlan)} variant="default">
              {L.exportOverdue}
            </Button>
          )}
          {currentPlan && (
            <Button component="a" href={exportUrl(currentPlan)} variant="default">
              {L.export}
            </Button>
          )}
        </Group>
      </PageHeader>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={L.plan}
          value={currentPlan ?? ''}
          onChange={(e) => {
            setPlanId(e.currentTarget.value);
            setFilter({ ...filter, themeId: undefined });
          }}
          data={plans.data.items.map((p) => ({
            value: p.id,
            label: `${p.number ?? p.year} — ${p.title}`.slice(0, 90),
          }))}
        />
        <NativeSelect
          label={L.status}
          value={filter.status ?? ''}
          onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: L.allStatuses },
            ...Object.entries(L.statuses).map(([value, label]) => ({ value, label })),
          ]}
        />
        <NativeSelect
          label={L.dueIn}
          value={filter.dueFrom ? `${filter.dueFrom}/${filter.dueTo}` : ''}
          onChange={(e) => {
            const [dueFrom, dueTo] = e.currentTarget.value
              ? e.currentTarget.value.split('/')
              : [undefined, undefined];
            setFilter({ ...filter, dueFrom, dueTo });
          }}
          data={[{ value: '', label: L.anyTime }, ...quarterOptions(planYear, L)]}
        />
        <TextInput
          label={L.search}
          value={filter.q ?? ''}
          onChange={(e) => setFilter({ ...filter, q: e.currentTarget.value || undefined })}
        />
        <UnitPicker
          label={L.unitFilter}
          provinceId={provinceId}
          value={filter.unitId ?? null}
          onChange={(unitId) => setFilter({ ...filter, unitId: unitId ?? undefined })}
          w={260}
        />
        <NativeSelect
          label={L.themeFilter}
          value={filter.themeId ?? ''}
          onChange={(e) => setFilter({ ...filter, themeId: e.currentTarget.value || undefined })}
          data={[{ value: '', label: L.allThemes }, ...links.themes]}
          maw={320}
        />
        <Switch
          label={L.mine}
          checked={!!filter.mine}
          onChange={(e) => setFilter({ ...filter, mine: e.currentTarget.checked })}
        />
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isLoading ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty title={L.empty} hint={can('task.write') ? L.emptyHint : undefined} />
      ) : (
        <Tabs defaultValue="list">
          <Tabs.List>
            <Tabs.Tab value="list">{L.list}</Tabs.Tab>
            <Tabs.Tab value="timeline">{L.timeline}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="list" pt="sm">
            <TaskTable items={items} L={L} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="sm">
            <Timeline items={items} today={q.data?.today ?? ''} L={L} />
          </Tabs.Panel>
        </Tabs>
      )}
      {adding && currentPlan && (
        <CreateTaskDialog
          planId={currentPlan}
          planYear={planYear}
          provinceId={provinceId}
          onClose={() => setAdding(false)}
          L={L}
        />
      )}
      {currentPlan && (
        <ImportDialog opened={importing} onClose={() => setImporting(false)} planId={currentPlan} L={L} />
      )}
    </Stack>
  );
}

/** The quarters of the plan year as due-date ranges (dueFrom/dueTo). */
export function quarterOptions(year: number, L: TaskLabels) {
  const last = ['03-31', '06-30', '09-30', '12-31'];
  return [1, 2, 3, 4].map((q) => ({
    value: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01/${year}-${last[q - 1]}`,
    label: `${L.quarter} ${['I', 'II', 'III', 'IV'][q - 1]}/${year}`,
  }));
}
