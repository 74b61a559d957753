import { GOAL_COMPARATORS, GOAL_UNITS, type PlanDocument, RECORD_KINDS } from '@dx/domain';
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { planKeys, type StoredPlan, updatePlan } from '../../api/plans';
import { ApiError } from '../../lib/api';
import { ErrorAlert } from '../../lib/ui';
import { usePlanLabels } from '../../locales/plans';
import { ThemesEditor } from './ThemesEditor';

type Targets = PlanDocument['targets'];
type Themes = PlanDocument['themes'];

/**
 * Edits the targets (goal in structured form, subject) and the theme taxonomy of a plan, with the server's
 * error shown beside each field (e.g. "a theme letter out of sequence" on that letter). A 409 reloads the plan.
 */
export function PlanEditor({ plan }: { plan: StoredPlan }) {
  const L = usePlanLabels();
  const qc = useQueryClient();
  const [targets, setTargets] = useState<Targets>(plan.document.targets);
  const [themes, setThemes] = useState<Themes>(plan.document.themes);
  useEffect(() => {
    setTargets(plan.document.targets);
    setThemes(plan.document.themes);
  }, [plan]);
  const save = useMutation({
    mutationFn: () => updatePlan(plan.id, { version: plan.version, targets, themes }),
    onSuccess: (saved) => {
      qc.setQueryData(planKeys.detail(plan.id), saved);
      void qc.invalidateQueries({ queryKey: planKeys.revisions(plan.id) });
      void qc.invalidateQueries({ queryKey: planKeys.all });
      notifications.show({ color: 'green', message: L.saved, closeButtonProps: { 'aria-label': L.close } });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'RESOURCE.VERSION_CONFLICT') {
        notifications.show({
          color: 'orange',
          message: L.conflict,
          closeButtonProps: { 'aria-label': L.close },
        });
        void qc.invalidateQueries({ queryKey: planKeys.detail(plan.id) });
      }
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  /** The error of a field or of the object it sits in (a missing goal is reported on "goal"). */
  const err = (...path: (string | number)[]) => {
    for (let n = path.length; n > 0; n--) {
      const e = errors[path.slice(0, n).join('.')];
      if (e) return e;
    }
    return undefined;
  };
  const setTarget = (i: number, patch: Partial<Targets[number]>) =>
    setTargets((ts) => ts.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const num = (s: string) =>
    s.trim() === '' ? (undefined as unknown as number) : Number(s.replace(',', '.'));

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Title order={3} size="h4" mb="xs">
          {L.targets}
        </Title>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{L.letter}</Table.Th>
                <Table.Th>{L.text}</Table.Th>
                <Table.Th w={300}>{L.goal}</Table.Th>
                <Table.Th w={220}>{L.subject}</Table.Th>
                <Table.Th w={60} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {targets.map((t, i) => (
                <Table.Tr key={t.id ?? `new-${i}`}>
                  <Table.Td>
                    <TextInput
                      aria-label={`${L.letter} ${i + 1}`}
                      value={t.letter}
                      onChange={(e) => setTarget(i, { letter: e.currentTarget.value })}
                      error={err('targets', i, 'letter')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Textarea
                      aria-label={`${L.text} ${t.letter})`}
                      autosize
                      minRows={2}
                      value={t.text}
                      onChange={(e) => setTarget(i, { text: e.currentTarget.value })}
                      error={err('targets', i, 'text')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" align="flex-start">
                      <NativeSelect
                        aria-label={`${L.comparator} ${t.letter})`}
                        data={[...GOAL_COMPARATORS]}
                        value={t.goal?.comparator ?? ''}
                        onChange={(e) =>
                          setTarget(i, { goal: { ...t.goal, comparator: e.currentTarget.value as 'eq' } })
                        }
                      />
                      <TextInput
                        aria-label={`${L.value} ${t.letter})`}
                        w={70}
                        value={t.goal?.value ?? ''}
                        onChange={(e) =>
                          setTarget(i, { goal: { ...t.goal, value: num(e.currentTarget.value) } })
                        }
                        error={err('targets', i, 'goal', 'value')}
                      />
                      {t.goal?.comparator === 'between' && (
                        <TextInput
                          aria-label={`${L.max} ${t.letter})`}
                          w={60}
                          value={t.goal?.max ?? ''}
                          onChange={(e) =>
                            setTarget(i, { goal: { ...t.goal, max: num(e.currentTarget.value) } })
                          }
                          error={err('targets', i, 'goal', 'max')}
                        />
                      )}
                      <NativeSelect
                        aria-label={`${L.unit} ${t.letter})`}
                        data={GOAL_UNITS.map((u) => ({ value: u, label: L[u] }))}
                        value={t.goal?.unit ?? ''}
                        onChange={(e) =>
                          setTarget(i, { goal: { ...t.goal, unit: e.currentTarget.value as 'percent' } })
                        }
                      />
                    </Group>
                    {err('targets', i, 'goal') && !err('targets', i, 'goal', 'value') && (
                      <Text size="xs" c="red.8" role="alert">
                        {err('targets', i, 'goal')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t.subject?.type === 'record' ? (
                      <NativeSelect
                        aria-label={`${L.record} ${t.letter})`}
                        label={L.record}
                        data={[...RECORD_KINDS]}
                        value={t.subject.recordKind}
                        onChange={(e) =>
                          setTarget(i, {
                            subject: { type: 'record', recordKind: e.currentTarget.value as 'channel' },
                          })
                        }
                        error={err('targets', i, 'subject')}
                      />
                    ) : (
                      <TextInput
                        aria-label={`${L.unitGroup} ${t.letter})`}
                        label={L.unitGroup}
                        value={t.subject?.unitGroupCode ?? ''}
                        onChange={(e) =>
                          setTarget(i, {
                            subject: { type: 'unit_group', unitGroupCode: e.currentTarget.value },
                          })
                        }
                        error={err('targets', i, 'subject')}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => setTargets((ts) => ts.filter((_, j) => j !== i))}
                    >
                      {L.remove}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Button
          variant="light"
          mt="xs"
          onClick={() =>
            setTargets((ts) => [
              ...ts,
              {
                letter: '',
                text: '',
                goal: { comparator: 'eq', value: 100, unit: 'percent' },
                subject: { type: 'record', recordKind: 'event' },
              },
            ])
          }
        >
          {L.addTarget}
        </Button>
      </Paper>

      <ThemesEditor themes={themes} onChange={setThemes} err={err} />
      {save.error && <ErrorAlert error={save.error} />}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {L.save}
        </Button>
      </Group>
    </Stack>
  );
}
