import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { listPlans, planKeys } from '../api/plans';
import { useEvidenceLabels } from '../locales/evidence';
import { useProvince } from './province';

/** The plans of the province, newest first; the chosen one is kept in the URL (?plan=). */
export function usePlanChoice() {
  const { provinceId, isLoading: provincesLoading } = useProvince();
  const [params, setParams] = useSearchParams();
  const plans = useQuery({
    queryKey: planKeys.list(provinceId ?? ''),
    queryFn: () => listPlans(provinceId!),
    enabled: !!provinceId,
  });
  const items = plans.data?.items ?? [];
  const planId =
    params.get('plan') && items.some((p) => p.id === params.get('plan')) ? params.get('plan') : items[0]?.id;
  const setPlanId = (id: string) =>
    setParams(
      (p) => {
        p.set('plan', id);
        return p;
      },
      { replace: true },
    );
  // Still asking for the province or its plans: no plan chosen yet is not "no plan" (the dashboard's empty state).
  const isLoading = provincesLoading || plans.isLoading;
  return { plans, items, planId: planId ?? null, setPlanId, provinceId, isLoading };
}

export function PlanSelect({ choice }: { choice: ReturnType<typeof usePlanChoice> }) {
  const L = useEvidenceLabels();
  if (choice.items.length < 1) return null;
  return (
    <NativeSelect
      label={L.plan}
      value={choice.planId ?? ''}
      onChange={(e) => choice.setPlanId(e.currentTarget.value)}
      data={choice.items.map((p) => ({
        value: p.id,
        label: `${p.number ? `${p.number} — ` : ''}${p.title} (${p.year})`,
      }))}
      maw={560}
    />
  );
}
