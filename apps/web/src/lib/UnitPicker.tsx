import { type ComboboxItem, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from './api';
import type { UnitSummary } from './province';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  provinceId: string | null;
  asOf?: string;
  value: string | null;
  onChange: (unitId: string | null, unit: { unitId: string; name: string } | null) => void;
  /** Label of the current value when it is not in the search results (e.g. when editing). */
  initialLabel?: string | null;
};

/** A searchable select of org units (accent-insensitive search on the server: GET /api/org-units?q=). */
export function UnitPicker({ provinceId, asOf, value, onChange, initialLabel, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<ComboboxItem | null>(
    value && initialLabel ? { value, label: initialLabel } : null,
  );
  const [q] = useDebouncedValue(search.trim(), 250);
  const isPickedLabel = picked !== null && q === picked.label;
  const { data, isFetching } = useQuery({
    queryKey: ['org-units', 'pick', provinceId, asOf, q],
    queryFn: () =>
      get<{ items: UnitSummary[] }>('/org-units', { provinceId, asOf, q: q || undefined, limit: 30 }),
    enabled: !!provinceId && q.length >= 2 && !isPickedLabel,
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const items: ComboboxItem[] = (q.length >= 2 && !isPickedLabel ? (data?.items ?? []) : []).map((u) => ({
      value: u.unitId,
      label: u.parentName && u.kind !== 'district' ? `${u.name} — ${u.parentName}` : u.name,
    }));
    if (picked && picked.value === value && !items.some((i) => i.value === picked.value))
      items.unshift(picked);
    return items;
  }, [data, picked, value, q, isPickedLabel]);
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
