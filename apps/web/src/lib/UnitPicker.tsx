import { type ComboboxItem, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from './api';
import type { UnitSummary } from './province';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  provinceId: string | null;
  /**
   * Search these provinces instead of `provinceId` (the user form: every province the administrator manages,
   * issue 15); with more than one, each unit is labelled with its province.
   */
  provinces?: { provinceId: string; name: string }[];
  asOf?: string;
  value: string | null;
  onChange: (unitId: string | null, unit: { unitId: string; name: string } | null) => void;
  /** Label of the current value when it is not in the search results (e.g. when editing). */
  initialLabel?: string | null;
};

/** A searchable select of org units (accent-insensitive search on the server: GET /api/org-units?q=). */
export function UnitPicker({ provinceId, provinces, asOf, value, onChange, initialLabel, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<ComboboxItem | null>(
    value && initialLabel ? { value, label: initialLabel } : null,
  );
  const [q] = useDebouncedValue(search.trim(), 250);
  const isPickedLabel = picked !== null && q === picked.label;
  const searched = provinces ? provinces.map((p) => p.provinceId) : provinceId ? [provinceId] : [];
  const { data, isFetching } = useQuery({
    queryKey: ['org-units', 'pick', searched, asOf, q],
    queryFn: async () => ({
      items: (
        await Promise.all(
          searched.map((id) =>
            get<{ items: UnitSummary[] }>('/org-units', {
              provinceId: id,
              asOf,
              q: q || undefined,
              limit: 30,
            }),
          ),
        )
      ).flatMap((r) => r.items),
    }),
    enabled: searched.length > 0 && q.length >= 2 && !isPickedLabel,
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const provinceName = (id: string) =>
      provinces && provinces.length > 1 ? provinces.find((p) => p.provinceId === id)?.name : undefined;
    const items: ComboboxItem[] = (q.length >= 2 && !isPickedLabel ? (data?.items ?? []) : []).map((u) => {
      const label = u.parentName && u.kind !== 'district' ? `${u.name} — ${u.parentName}` : u.name;
      const province = u.unitId === u.provinceId ? undefined : provinceName(u.provinceId);
      return { value: u.unitId, label: province ? `${label} (${province})` : label };
    });
    if (picked && picked.value === value && !items.some((i) => i.value === picked.value))
      items.unshift(picked);
    return items;
  }, [data, picked, value, q, isPickedLabel, provinces]);
  return (
    <Select
      {...rest}
      searchable
      clearable
      // The clear "×" is an icon button: it needs a name (axe button-name).
      clearButtonProps={{ 'aria-label': t('common.clearUnit') }}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      placeholder={rest.placeholder ?? t('common.unitSearchPlaceholder')}
      nothingFoundMessage={
        q.length < 2 ? t('common.typeToSearch') : isFetching ? t('common.loading') : t('common.noUnitFound')
      }
      onChange={(v, option) => {
        setPicked(option ?? null);
        onChange(v, v && option ? { unitId: v, name: option.label } : null);
      }}
    />
  );
}
