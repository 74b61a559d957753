import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePlanLabels } from '../../locales/plans';

/** Swaps an item with its neighbour; out of range leaves the list as it is. */
export function move<T>(xs: readonly T[], i: number, d: -1 | 1): T[] {
  const j = i + d;
  if (j < 0 || j >= xs.length) return [...xs];
  const out = [...xs];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/**
 * One editable list of a plan (legal bases, paragraphs, lettered items, parts of V, themes, parts of the plan):
 * each row with its name, up / down / remove buttons large enough for a thumb and its own fields, then an add
 * button. `normalize` runs after every change, so a list numbered by position (a), b), c)… or 1., 2.…) never
 * skips. Rows are controlled; their position is their identity here.
 */
export function ListEditor<T>({
  items,
  onChange,
  name,
  render,
  make,
  addLabel,
  max,
  frame = 'plain',
  head,
  actions,
  normalize = (xs) => xs,
  emptyText,
}: {
  items: readonly T[];
  onChange: (xs: T[]) => void;
  /** The accessible name of row i ("Căn cứ 2", "Mục b)"): the legend and the buttons' labels. */
  name: (i: number) => string;
  /** The row's fields; `put` replaces the row. */
  render: (item: T, i: number, put: (next: T) => void) => ReactNode;
  /** A new row for the add button; no add button without it. */
  make?: () => T;
  addLabel?: string;
  max: number;
  /** 'fieldset': a framed row with a legend (rows with several fields); 'plain': a name line above the fields. */
  frame?: 'fieldset' | 'plain';
  /** What stands at the start of a plain row instead of its name (a letter badge). */
  head?: (i: number) => ReactNode;
  /** More buttons beside up / down / remove (e.g. nest a theme under the one above). */
  actions?: (item: T, i: number) => ReactNode;
  normalize?: (xs: T[]) => T[];
  emptyText?: string;
}) {
  const change = (xs: T[]) => onChange(normalize(xs));
  return (
    <Stack gap={frame === 'fieldset' ? 'sm' : 'xs'}>
      {items.length === 0 && emptyText && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {items.map((item, i) => {
        const n = name(i);
        const buttons = {
          name: n,
          first: i === 0,
          last: i === items.length - 1,
          onMove: (d: -1 | 1) => change(move(items, i, d)),
          onRemove: () => change(items.filter((_, j) => j !== i)),
          children: actions?.(item, i),
        };
        const fields = render(item, i, (next) => change(items.map((x, j) => (j === i ? next : x))));
        return frame === 'fieldset' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are controlled; position is their identity here
          <Fieldset key={i} legend={n} p="sm" style={{ minWidth: 0 }}>
            <Stack gap="xs">
              <Group justify="flex-end">
                <RowButtons {...buttons} />
              </Group>
              {fields}
            </Stack>
          </Fieldset>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are controlled; position is their identity here
          <Stack key={i} gap={4}>
            <Group justify="space-between" wrap="nowrap">
              {head ? (
                head(i)
              ) : (
                <Text size="sm" fw={500}>
                  {n}
                </Text>
              )}
              <RowButtons {...buttons} />
            </Group>
            {fields}
          </Stack>
        );
      })}
      {make && (
        // "default", not "light": the light button's hover colours fall below 4.5:1 (axe), and a mouse left over
        // it after a row is added keeps it hovered.
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          disabled={items.length >= max}
          onClick={() => change([...items, make()])}
        >
          {addLabel}
        </Button>
      )}
    </Stack>
  );
}

/** Up / down / remove buttons of one row (and the row's own, first), large enough for a thumb. */
function RowButtons({
  name,
  first,
  last,
  onMove,
  onRemove,
  children,
}: {
  name: string;
  first: boolean;
  last: boolean;
  onMove: (d: -1 | 1) => void;
  onRemove: () => void;
  children?: ReactNode;
}) {
  const L = usePlanLabels();
  return (
    <Group gap={4} wrap="nowrap">
      {children}
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`${L.moveUp}: ${name}`}
        disabled={first}
        onClick={() => onMove(-1)}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`${L.moveDown}: ${name}`}
        disabled={last}
        onClick={() => onMove(1)}
      >
        ↓
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red.9"
        size="lg"
        aria-label={`${L.remove}: ${name}`}
        onClick={onRemove}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}
