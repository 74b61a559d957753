import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChildren, orgKeys, type UnitSummary } from '../../api/org-units';
import { ErrorAlert, Loading } from '../../lib/ui';
import classes from './org.module.css';

type TreeProps = {
  provinceId: string;
  asOf: string;
  selectedId: string | null;
  onSelect: (unitId: string) => void;
};

/** Children of a unit (or the province's direct children), loaded when first shown. */
export function UnitChildren({ parentId, ...props }: TreeProps & { parentId: string | null }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: orgKeys.children(props.provinceId, props.asOf, parentId),
    queryFn: () => fetchChildren(props.provinceId, props.asOf, parentId),
  });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data?.items ?? [];
  if (items.length === 0 && parentId === null) {
    return (
      <Text size="sm" c="dimmed" py="sm">
        {t('org.emptyTree')}
      </Text>
    );
  }
  return (
    <ul className={classes.tree}>
      {items.map((u) => (
        <UnitNode key={u.unitId} unit={u} {...props} />
      ))}
    </ul>
  );
}

function UnitNode({ unit, ...props }: TreeProps & { unit: UnitSummary }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const hasChildren = unit.childCount > 0;
  const selected = props.selectedId === unit.unitId;
  return (
    <li>
      <Group gap={4} wrap="nowrap" align="center">
        {hasChildren ? (
          <UnstyledButton
            className={classes.toggle}
            aria-expanded={open}
            aria-label={t(open ? 'org.collapse' : 'org.expand', { name: unit.name })}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? '−' : '+'}
          </UnstyledButton>
        ) : (
          <span className={classes.spacer} aria-hidden />
        )}
        <UnstyledButton
          className={classes.unit}
          data-selected={selected || undefined}
          aria-current={selected ? 'true' : undefined}
          onClick={() => props.onSelect(unit.unitId)}
        >
          <Text span size="sm" fw={selected ? 700 : 500}>
            {unit.name}
          </Text>
          {hasChildren && (
            <Badge
              component="span"
              size="sm"
              variant="light"
              color="gray"
              ml={6}
              aria-label={t('org.children', { count: unit.childCount })}
            >
              {unit.childCount}
            </Badge>
          )}
        </UnstyledButton>
      </Group>
      {open && <UnitChildren parentId={unit.unitId} {...props} />}
    </li>
  );
}
