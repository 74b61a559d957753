import {
  GOAL_UNITS,
  INDICATOR_RECORDS,
  INDICATOR_WINDOWS,
  type IndicatorRecord,
  indicatorRule,
} from '@dx/domain';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  CloseButton,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type IndicatorPreview,
  indicatorKeys,
  previewRule,
  saveDefinition,
  type TargetDefinition,
} from '../../api/indicators';
import { fetchPlan, planKeys, updatePlan } from '../../api/plans';
import { targetKeys } from '../../api/targets';
import { ApiError } from '../../lib/api';
import { DateField } from '../../lib/DateField';
import { formatDate } from '../../lib/dates';
import { useNumberFormat } from '../../lib/format';
import { readableAlert, STATUS_COLOURS, useAmountText } from '../../lib/TargetBits';
import { ErrorAlert } from '../../lib/ui';
import { fill } from '../../locales/fill';
import { useIndicatorLabels } from '../../locales/indicators';
import {
  type Choices,
  type Draft,
  draftOf,
  type Filter,
  fieldsOf,
  goalUnitOfItem,
  itemOptionsOf,
  linkedRecord,
  linksOf,
  newFilter,
  optionsOf,
  ruleOf,
  sourceOf,
  type ValueType,
  type Window,
  withRecord,
} from './rule-draft';

type L = ReturnType<typeof useIndicatorLabels>;
const VALUE_TYPES: ValueType[] = ['share', 'count', 'figure', 'ratio'];
const COMPARATORS = ['eq', 'gte', 'lte', 'between'] as const;
/** How long typing may pause before the preview is asked for again. */
const PREVIEW_DEBOUNCE_MS = 400;

function useLang(): 'vi' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? 'en' : 'vi';
}

/**
 * The rule editor of one plan target (issue 16): the parts on one side, a live preview on the other (stacked on a
 * phone). The preview is asked for when the rule holds together and typing has paused; saving writes the rule
 * (PUT …/definition) and, when the goal changed, the plan's target goal first (the goal lives on the plan).
 */
export function RuleEditor({
  planId,
  definition,
  choices,
  onSaved,
}: {
  planId: string;
  definition: TargetDefinition;
  choices: Choices;
  onSaved?: (d: TargetDefinition) => void;
}) {
  const L = useIndicatorLabels();
  const lang = useLang();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(definition));
  const [version, setVersion] = useState(definition.version);
  const [savedGoal, setSavedGoal] = useState(definition.goal);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const rule = useMemo(() => ruleOf(draft), [draft]);
  const checked = indicatorRule.safeParse(rule);
  const problems = checked.success ? [] : [...new Set(checked.error.issues.map((i) => i.message))];
  const [asked] = useDebouncedValue(checked.success ? JSON.stringify(rule) : null, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: ['indicator-preview', planId, definition.planTargetId, asked],
    queryFn: () => previewRule(planId, { rule: JSON.parse(asked!), planTargetId: definition.planTargetId }),
    enabled: !!asked,
    placeholderData: keepPreviousData,
    retry: false,
  });

  const save = useMutation({
    mutationFn: async () => {
      const goalChanged = JSON.stringify(rule.goal) !== JSON.stringify(savedGoal);
      if (goalChanged) {
        const plan = await fetchPlan(planId);
        await updatePlan(planId, {
          version: plan.version,
          targets: plan.document.targets.map((t) =>
            t.id === definition.planTargetId ? { ...t, goal: rule.goal as typeof t.goal } : t,
          ),
        });
      }
      const { goal: _goal, ...parts } = rule;
      return saveDefinition(planId, definition.planTargetId, { version, rule: parts });
    },
    onSuccess: (d) => {
      setVersion(d.version);
      setSavedGoal(d.goal);
      notifications.show({ color: 'green', message: L.saved, closeButtonProps: { 'aria-label': L.close } });
      void qc.invalidateQueries({ queryKey: targetKeys.all });
      void qc.invalidateQueries({ queryKey: planKeys.detail(planId) });
      qc.setQueryData(indicatorKeys.definition(planId, definition.planTargetId), d);
      onSaved?.(d);
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  // Large goals (people, đồng) read with the language's separators: 1.500.000 / 1,500,000.
  const separators =
    lang === 'vi'
      ? { thousandSeparator: '.', decimalSeparator: ',' }
      : { thousandSeparator: ',', decimalSeparator: '.' };
  const target = linkedRecord(draft);
  /** A warning's code (at its path in the rule) named by its label: codes never appear on screen. */
  const worded = (message: string, path: (string | number)[]) => {
    const [part, list, i, , j] = path;
    const record = part === 'population' ? draft.record : target;
    const filters = part === 'population' ? draft.filters : draft.linkFilters;
    if (list !== 'filters' || !record || typeof i !== 'number' || typeof j !== 'number') return message;
    const f = filters[i];
    const code = f && 'in' in f ? f.in[j] : undefined;
    const source = f && sourceOf(record, f.field);
    if (!code || !source) return message;
    const label = optionsOf(source, choices, lang, [code]).find((o) => o.value === code)?.label ?? code;
    return message.replaceAll(`"${code}"`, `"${label}"`);
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
      <Stack gap="md">
        {!definition.rule && (
          <Alert {...readableAlert} color="blue">
            {L.noRule}
          </Alert>
        )}
        <Section title={L.population} hint={L.populationHint}>
          <NativeSelect
            label={L.record}
            value={draft.record}
            onChange={(e) => setDraft((d) => withRecord(d, e.currentTarget.value as IndicatorRecord))}
            data={INDICATOR_RECORDS.map((r) => ({ value: r, label: L.records[r] }))}
          />
          <Filters
            L={L}
            legend={L.filters}
            record={draft.record}
            filters={draft.filters}
            onChange={(filters) => set({ filters })}
            choices={choices}
            lang={lang}
          />
        </Section>

        <Section title={L.condition}>
          <SegmentedControl
            fullWidth
            orientation="vertical"
            aria-label={L.condition}
            value={draft.condition}
            onChange={(v) => set({ condition: v as Draft['condition'] })}
            data={[
              {
                value: 'linked',
                label: L.conditionTypes.linked,
                disabled: linksOf(draft.record).length === 0,
              },
              { value: 'none', label: L.conditionTypes.none },
            ]}
          />
          {draft.condition === 'linked' && (
            <>
              <NativeSelect
                label={L.link}
                value={draft.link}
                onChange={(e) => set({ link: e.currentTarget.value, linkFilters: [], every: null })}
                data={linksOf(draft.record).map((k) => ({
                  value: k,
                  label: L.links[k as keyof L['links']] ?? k,
                }))}
              />
              {target && (
                <Filters
                  L={L}
                  legend={L.linkFilters}
                  record={target}
                  filters={draft.linkFilters}
                  onChange={(linkFilters) => set({ linkFilters })}
                  choices={choices}
                  lang={lang}
                />
              )}
              <Group grow align="flex-start" wrap="wrap">
                <NumberInput
                  label={L.atLeast}
                  min={1}
                  max={10_000}
                  allowDecimal={false}
                  value={draft.atLeast}
                  onChange={(v) => set({ atLeast: typeof v === 'number' ? v : 1 })}
                  miw={140}
                />
                <NativeSelect
                  label={L.every}
                  value={draft.every ?? ''}
                  onChange={(e) => set({ every: (e.currentTarget.value || null) as Window | null })}
                  data={[
                    { value: '', label: L.windows.none },
                    ...INDICATOR_WINDOWS.map((w) => ({ value: w, label: L.windows[w] })),
                  ]}
                  miw={180}
                />
              </Group>
              <Filters
                L={L}
                legend={L.subjectFilters}
                record={draft.record}
                filters={draft.subject}
                onChange={(subject) => set({ subject })}
                choices={choices}
                lang={lang}
              />
              {draft.record === 'unit' && (
                <Checkbox
                  label={L.includePredecessors}
                  description={L.includePredecessorsHint}
                  checked={draft.includePredecessors}
                  onChange={(e) => set({ includePredecessors: e.currentTarget.checked })}
                />
              )}
            </>
          )}
        </Section>

        <Section title={L.value}>
          <NativeSelect
            label={L.value}
            value={draft.value}
            onChange={(e) => {
              const value = e.currentTarget.value as ValueType;
              setDraft((d) => ({
                ...d,
                value,
                // A share is a percentage; a count is not (packages/domain indicators/parts.ts checkGoal).
                goal: {
                  ...d.goal,
                  unit: value === 'share' ? 'percent' : value === 'count' ? 'count' : d.goal.unit,
                },
                condition: value === 'figure' || value === 'ratio' ? 'none' : d.condition,
              }));
            }}
            data={VALUE_TYPES.map((v) => ({ value: v, label: L.valueTypes[v] }))}
          />
          {choices.items.length === 0 && (draft.value === 'figure' || draft.value === 'ratio') && (
            <Text size="sm" c="dimmed">
              {L.noItems}
            </Text>
          )}
          {draft.value === 'figure' && (
            <NativeSelect
              label={L.item}
              value={draft.item}
              onChange={(e) => {
                const item = e.currentTarget.value;
                const unit = choices.items.find((i) => i.code === item)?.unitOfMeasure;
                // The goal's unit follows the figure's (people, đồng, %) until the user changes it.
                set({ item, goal: unit ? { ...draft.goal, unit: goalUnitOfItem(unit) } : draft.goal });
              }}
              data={itemOptionsOf(choices, lang, draft.item, L.pickItem)}
            />
          )}
          {draft.value === 'ratio' && (
            <>
              <NativeSelect
                label={L.numerator}
                value={draft.numerator}
                onChange={(e) => set({ numerator: e.currentTarget.value })}
                data={itemOptionsOf(choices, lang, draft.numerator, L.pickItem)}
              />
              <NativeSelect
                label={L.denominator}
                value={draft.denominator}
                onChange={(e) => set({ denominator: e.currentTarget.value })}
                data={itemOptionsOf(choices, lang, draft.denominator, L.pickItem)}
              />
              <NumberInput
                label={L.scale}
                min={0}
                value={draft.scale}
                onChange={(v) => set({ scale: typeof v === 'number' ? v : 100 })}
              />
            </>
          )}
        </Section>

        <Section title={L.periodSection} hint={L.periodHint}>
          <SegmentedControl
            fullWidth
            aria-label={L.periodSection}
            value={draft.period}
            onChange={(v) => {
              const period = v as Draft['period'];
              // A range starts as the period the preview computed on (the plan's year), then is edited.
              const shown = preview.data?.period;
              set(
                period === 'range' && !draft.from && shown
                  ? { period, from: shown.from, to: shown.to }
                  : { period },
              );
            }}
            data={[
              { value: 'plan_year', label: L.periodTypes.plan_year },
              { value: 'range', label: L.periodTypes.range },
            ]}
          />
          {draft.period === 'range' && (
            <Group grow align="flex-start" wrap="wrap">
              <DateField
                label={L.periodFrom}
                value={draft.from}
                onChange={(from) => set({ from })}
                miw={150}
              />
              <DateField label={L.periodTo} value={draft.to} onChange={(to) => set({ to })} miw={150} />
            </Group>
          )}
          <DateField
            label={L.asOf}
            description={L.asOfHint}
            value={draft.asOf}
            onChange={(asOf) => set({ asOf })}
          />
        </Section>

        <Section title={L.goal} hint={L.goalFromPlan}>
          <Group grow align="flex-start" wrap="wrap">
            <NativeSelect
              label={L.comparator}
              value={draft.goal.comparator}
              onChange={(e) =>
                set({
                  goal: { ...draft.goal, comparator: e.currentTarget.value as Draft['goal']['comparator'] },
                })
              }
              data={COMPARATORS.map((c) => ({ value: c, label: L.comparators[c] }))}
              miw={150}
            />
            <NumberInput
              label={draft.goal.comparator === 'between' ? L.goalMin : L.goalValue}
              {...separators}
              min={0}
              value={draft.goal.value}
              onChange={(v) => set({ goal: { ...draft.goal, value: typeof v === 'number' ? v : 0 } })}
              miw={120}
            />
            {draft.goal.comparator === 'between' && (
              <NumberInput
                label={L.goalMax}
                {...separators}
                min={0}
                value={draft.goal.max ?? ''}
                onChange={(v) => set({ goal: { ...draft.goal, max: typeof v === 'number' ? v : undefined } })}
                miw={120}
              />
            )}
            <NativeSelect
              label={L.unit}
              value={draft.goal.unit}
              onChange={(e) =>
                set({ goal: { ...draft.goal, unit: e.currentTarget.value as Draft['goal']['unit'] } })
              }
              // The plan stores the goal (packages/domain plan.ts GOAL_UNITS): %, count, people or đồng.
              data={GOAL_UNITS.map((u) => ({ value: u, label: L.units[u] }))}
              miw={150}
            />
          </Group>
        </Section>

        {save.error && !conflict && <ErrorAlert error={save.error} />}
        {conflict && (
          <Alert {...readableAlert} color="orange" role="alert">
            {L.conflict}
          </Alert>
        )}
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!checked.success}>
            {L.save}
          </Button>
        </Group>
      </Stack>

      <Box style={{ position: 'sticky', top: 72 }}>
        <Preview
          L={L}
          lang={lang}
          problems={problems}
          query={preview}
          stale={asked !== (checked.success ? JSON.stringify(rule) : null)}
          worded={worded}
          unit={draft.goal.unit}
        />
      </Box>
    </SimpleGrid>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={3} fz="md">
            {title}
          </Title>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** Filters on a record's fields: codes picked from the province's lists (never typed), flags yes/no. */
function Filters({
  L,
  legend,
  record,
  filters,
  onChange,
  choices,
  lang,
}: {
  L: L;
  legend: string;
  record: IndicatorRecord;
  filters: Filter[];
  onChange: (f: Filter[]) => void;
  choices: Choices;
  lang: 'vi' | 'en';
}) {
  const fields = fieldsOf(record);
  const free = fields.filter((f) => !filters.some((x) => x.field === f));
  const fieldLabel = (f: string) => L.fields[f as keyof L['fields']] ?? f;
  const put = (i: number, f: Filter) => onChange(filters.map((x, j) => (j === i ? f : x)));
  return (
    <Stack gap="xs">
      {filters.length > 0 && (
        <Text size="sm" fw={500}>
          {legend}
        </Text>
      )}
      {filters.map((f, i) => {
        const source = sourceOf(record, f.field);
        return (
          <Paper key={f.field} withBorder p="xs" bg="var(--mantine-color-gray-0)">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600}>
                {fieldLabel(f.field)}
              </Text>
              <CloseButton
                aria-label={`${L.removeFilter}: ${fieldLabel(f.field)}`}
                onClick={() => onChange(filters.filter((_, j) => j !== i))}
              />
            </Group>
            {'is' in f ? (
              <SegmentedControl
                aria-label={fieldLabel(f.field)}
                value={f.is ? 'yes' : 'no'}
                onChange={(v) => put(i, { field: f.field, is: v === 'yes' })}
                data={[
                  { value: 'yes', label: L.flagYes },
                  { value: 'no', label: L.flagNo },
                ]}
              />
            ) : (
              <Checkbox.Group
                aria-label={fieldLabel(f.field)}
                description={L.pickValues}
                value={f.in}
                onChange={(v) => put(i, { field: f.field, in: v })}
              >
                <Stack gap={6} mt={6} mah={260} style={{ overflowY: 'auto' }}>
                  {(source ? optionsOf(source, choices, lang, f.in) : []).map((o) => (
                    <Checkbox key={o.value} value={o.value} label={o.label} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          </Paper>
        );
      })}
      {free.length > 0 && (
        <NativeSelect
          aria-label={`${L.addFilter} — ${legend}`}
          value=""
          onChange={(e) => {
            const field = e.currentTarget.value;
            if (field) onChange([...filters, newFilter(record, field)]);
          }}
          data={[
            { value: '', label: `+ ${L.addFilter}` },
            ...free.map((f) => ({ value: f, label: fieldLabel(f) })),
          ]}
        />
      )}
    </Stack>
  );
}

function Preview({
  L,
  lang,
  problems,
  query,
  stale,
  worded,
  unit,
}: {
  L: L;
  lang: 'vi' | 'en';
  unit: Draft['goal']['unit'];
  problems: string[];
  query: { data?: IndicatorPreview; error: unknown; isFetching: boolean };
  stale: boolean;
  worded: (message: string, path: (string | number)[]) => string;
}) {
  const p = query.data;
  const format = useNumberFormat();
  const n = (x: number, digits = 0) => format(x, digits);
  const amount = useAmountText();
  const valueText = (v: number | null) => (v === null ? L.notApplicable : amount(v, unit, 1));
  return (
    <Paper withBorder p="md" component="section" aria-label={L.preview} aria-busy={query.isFetching || stale}>
      <Stack gap="sm">
        <div>
          <Title order={3} fz="md">
            {L.preview}
          </Title>
          <Text size="sm" c="dimmed">
            {L.previewHint}
          </Text>
        </div>
        {problems.length > 0 && (
          <Alert {...readableAlert} color="yellow" title={L.incomplete}>
            <List size="sm">
              {problems.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {query.error ? <ErrorAlert error={query.error} /> : null}
        {(query.isFetching || stale) && problems.length === 0 && (
          <Text size="sm" role="status">
            {L.previewing}
          </Text>
        )}
        {p && (
          <>
            <Group gap="lg" align="baseline" wrap="wrap">
              <div>
                <Text size="sm">{L.previewValue}</Text>
                <Text fz={32} fw={700} lh={1} data-testid="preview-value">
                  {valueText(p.value)}
                </Text>
              </div>
              <div>
                <Text size="sm">{L.previewPopulation}</Text>
                <Text fz="xl" fw={600} data-testid="preview-population">
                  {n(p.population)}
                </Text>
              </div>
            </Group>
            <Text size="sm">{fill(L.previewAchieved, { achieved: n(p.achieved), due: n(p.due) })}</Text>
            <Text size="sm" c="dimmed">
              {fill(L.previewPeriod, {
                from: formatDate(p.period.from),
                to: formatDate(p.period.to),
                asOf: formatDate(p.asOf),
              })}
            </Text>
            {p.warnings.map((w) => (
              <Alert key={`${w.code}:${w.path.join('.')}`} {...readableAlert} color="orange" role="alert">
                {worded(lang === 'en' ? w.messageEn : w.message, w.path)}
              </Alert>
            ))}
            <div>
              <Text size="sm" fw={600}>
                {L.formula}
              </Text>
              <Text size="sm" data-testid="preview-formula">
                {p.formula[lang]}
              </Text>
            </div>
            <div>
              <Text size="sm" fw={600}>
                {L.sample}
              </Text>
              {p.sample.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {L.noSample}
                </Text>
              ) : (
                <Stack gap={4} mt={4}>
                  {p.sample.map((s) => (
                    <Group key={s.subjectId} gap="xs" wrap="nowrap" justify="space-between">
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {s.label}
                        {s.unitName ? (
                          <Text span size="sm" c="dimmed">
                            {' '}
                            — {s.unitName}
                          </Text>
                        ) : null}
                      </Text>
                      <Badge
                        tt="none"
                        radius="sm"
                        // The status colours of lib/TargetBits.tsx (≥ 4.5:1 with white text); the word says it too.
                        styles={{
                          root: {
                            background:
                              STATUS_COLOURS[s.achieved ? 'achieved' : s.due ? 'behind' : 'not_applicable'],
                            color: '#fff',
                            flexShrink: 0,
                          },
                        }}
                      >
                        {s.achieved ? L.counts : s.due ? L.notCounts : L.notDue}
                      </Badge>
                    </Group>
                  ))}
                </Stack>
              )}
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}
