import { shortThemeTitle } from '@dx/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPlan, listPlans, planKeys } from '../../api/plans';
import { listRecords, recordKeys } from '../../api/records';
import { useProvince } from '../../lib/province';

/** The province's newest plan (its theme taxonomy feeds the theme pickers). */
export function useNewestPlan() {
  const { provinceId } = useProvince();
  const plans = useQuery({
    queryKey: planKeys.list(provinceId ?? ''),
    queryFn: () => listPlans(provinceId!),
    enabled: !!provinceId,
  });
  const planId = plans.data?.items[0]?.id ?? null;
  return useQuery({
    queryKey: planKeys.detail(planId ?? ''),
    queryFn: () => fetchPlan(planId!),
    enabled: !!planId,
    staleTime: 5 * 60_000,
  });
}

/** Choices for the reference fields of the record forms (channels, themes, models, people). */
export function useLookups(unitId: string | null) {
  const { provinceId } = useProvince();
  const pid = provinceId ?? '';
  const plan = useNewestPlan();
  const channels = useQuery({
    queryKey: recordKeys.list('channel', pid, unitId),
    queryFn: () => listRecords('channel', pid, unitId, 500),
    enabled: !!provinceId,
  });
  const models = useQuery({
    queryKey: recordKeys.list('dx_model', pid, null),
    queryFn: () => listRecords('dx_model', pid, null, 500),
    enabled: !!provinceId,
  });
  const people = useQuery({
    queryKey: recordKeys.list('person', pid, unitId),
    queryFn: () => listRecords('person', pid, unitId, 500),
    enabled: !!provinceId,
  });
  return useMemo(
    () => ({
      channels: (channels.data?.items ?? []).map((c) => ({
        value: c.id,
        label: String(c.name),
        hasDxSection: c.hasDxSection === true,
      })),
      // Short names: a theme's title is a whole paragraph of the plan (issue 19).
      themes: (plan.data?.themeIndex ?? []).map((t) => ({
        value: t.id,
        label: `${t.code} ${shortThemeTitle(t.title)}`,
      })),
      /** The newest plan's period (its first and last day), for dates that should fall inside it. */
      period: plan.data
        ? {
            from: `${plan.data.document.year}-01-01`,
            to: `${plan.data.document.yearTo ?? plan.data.document.year}-12-31`,
          }
        : null,
      channelsLoaded: channels.isSuccess,
      models: (models.data?.items ?? []).map((m) => ({ value: m.id, label: String(m.name) })),
      people: (people.data?.items ?? []).map((p) => ({ value: p.id, label: String(p.fullName) })),
    }),
    [channels.data, channels.isSuccess, plan.data, models.data, people.data],
  );
}

export function useLang(): 0 | 1 {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? 1 : 0;
}
