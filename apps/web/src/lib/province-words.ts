import { type FundingSource, fundingSourceNames, type ProvinceSettings, settingOn } from '@dx/domain';
import { useQuery } from '@tanstack/react-query';
import { fetchProvinceSettings, provinceSettingsKeys } from '../api/province-settings';
import { todayIso } from './dates';
import { useProvince } from './province';

/**
 * The words of the province the user works in, as in force on `date` (issue 15, province settings): screens take
 * their labels from here rather than from any one province. Falls back to neutral words while loading or unset.
 */
export function useProvinceWords(date: string = todayIso()): {
  fundingSources: Record<FundingSource, string>;
} {
  const { provinceId } = useProvince();
  const q = useQuery({
    queryKey: provinceSettingsKeys.of(provinceId ?? ''),
    queryFn: () => fetchProvinceSettings(provinceId!),
    enabled: !!provinceId,
    staleTime: 10 * 60_000,
  });
  const settings = (q.data?.settings ?? {}) as ProvinceSettings;
  return { fundingSources: fundingSourceNames(settingOn(settings, 'funding_source_names', date)) };
}
