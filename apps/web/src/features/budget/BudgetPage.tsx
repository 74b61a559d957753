import { NativeSelect, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { Route, Routes } from 'react-router';
import { PageHeader } from '../../lib/PageHeader';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { useBudgetLabels } from '../../locales/budget';
import { ChainPanel } from './components/ChainPanel';
import { EstimateDetail } from './components/EstimateDetail';
import { EstimateList } from './components/EstimateList';
import { usePlans } from './components/shared';
import { TotalsPanel } from './components/TotalsPanel';

/** Budget estimates and their approval road (issue #6; plan 54 IV, V.1.d, V.2, V.3.a). */
export function BudgetPage() {
  return (
    <Routes>
      <Route index element={<BudgetHome />} />
      <Route path=":estimateId" element={<EstimateDetail />} />
    </Routes>
  );
}

function BudgetHome() {
  const L = useBudgetLabels();
  const { can } = useSession();
  const { provinceId } = useProvince();
  const plans = usePlans(provinceId);
  const [planId, setPlanId] = useState<string | null>(null);
  const current = planId ?? plans.data?.items[0]?.id ?? null;
  if (plans.isLoading) return <Loading />;
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => plans.refetch()} />;
  if (!plans.data?.items.length || !current) return <Empty title={L.noPlans} />;
  return (
    <Stack gap="md">
      <PageHeader title={L.title}>
        <NativeSelect
          label={L.plan}
          value={current}
          onChange={(e) => setPlanId(e.currentTarget.value)}
          data={plans.data.items.map((p) => ({ value: p.id, label: `${p.number ?? p.title} (${p.year})` }))}
        />
      </PageHeader>
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">{L.tabList}</Tabs.Tab>
          <Tabs.Tab value="totals">{L.tabTotals}</Tabs.Tab>
          <Tabs.Tab value="chain">{L.tabChain}</Tabs.Tab>
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
