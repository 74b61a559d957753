import type { ProvinceSettingsOut } from '@dx/contracts';
import {
  addDays,
  PROVINCE_SETTING_KEYS,
  type ProvinceSettingKey,
  type ProvinceSettings,
  provinceSettingsSchema,
} from '@dx/domain';
import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import {
  fetchProvinceSettings,
  provinceSettingsKeys,
  saveProvinceSettings,
} from '../../api/province-settings';
import { ApiError, type FieldIssue } from '../../lib/api';
import { DateField } from '../../lib/DateField';
import { formatDate, todayIso } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { useProvinceSettingsLabels } from '../../locales/province-settings';

/*
 * "Thiết lập tỉnh, thành phố" (issue 15): a province's own words over time. Every key is a list of dated periods
 * [validFrom, validTo) (packages/domain province-settings); the screen shows an end date inclusive ("đến hết ngày"),
 * as documents write it, and stores the day after. Saved whole with the revision read: a 409 keeps what was typed
 * and shows the current version beside it.
 */

type Period = { validFrom: string | null; validTo: string | null; value: unknown };
type Draft = Record<ProvinceSettingKey, Period[]>;
type L = ReturnType<typeof useProvinceSettingsLabels>;

const toDraft = (s: ProvinceSettings): Draft =>
  Object.fromEntries(PROVINCE_SETTING_KEYS.map((k) => [k, [...((s[k] ?? []) as Period[])]])) as Draft;

/** A fresh value of a key, for the first period of a key never set. */
function emptyValue(key: ProvinceSettingKey): unknown {
  switch (key) {
    case 'province_word':
      return 'tỉnh';
    case 'dx_office_agency':
      return { name: '', shortName: '' };
    case 'default_recipients':
      return [];
    case 'signature_block':
      return { title: '', name: '' };
    case 'funding_source_names':
      return { unit_regular: '', city_budget: '', other_lawful: '' };
    case 'report_defaults':
      return { place: '', issuer: 'committee' };
    default:
      return '';
  }
}

/** The body the API takes: keys with no period are left out. */
const toSettings = (d: Draft) =>
  Object.fromEntries(PROVINCE_SETTING_KEYS.filter((k) => d[k].length > 0).map((k) => [k, d[k]]));

export function ProvinceSettingsPage() {
  const l = useProvinceSettingsLabels();
  const { provinceId, provinces } = useProvince();
  if (!provinceId) return <Empty title={l.noProvince} />;
  // Another province chosen: a fresh form from its own settings.
  return (
    <ProvinceSettingsForm
      key={provinceId}
      provinceId={provinceId}
      provinceName={provinces.find((p) => p.provinceId === provinceId)?.name}
    />
  );
}

function ProvinceSettingsForm({ provinceId, provinceName }: { provinceId: string; provinceName?: string }) {
  const l = useProvinceSettingsLabels();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: provinceSettingsKeys.of(provinceId),
    queryFn: () => fetchProvinceSettings(provinceId),
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [revision, setRevision] = useState(0);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  useEffect(() => {
    if (query.data && draft === null) {
      setDraft(toDraft(query.data.settings as ProvinceSettings));
      setRevision(query.data.revision);
    }
  }, [query.data, draft]);
  const save = useMutation({
    mutationFn: () =>
      saveProvinceSettings(provinceId, {
        revision,
        settings: toSettings(draft!) as ProvinceSettingsOut['settings'],
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(provinceSettingsKeys.of(provinceId), saved);
      setDraft(toDraft(saved.settings as ProvinceSettings));
      setRevision(saved.revision);
      setIssues([]);
      notifications.show({ color: 'green', message: l.saved });
    },
    onError: (error) => {
      if (error instanceof ApiError) setIssues(error.issues.map((i) => ({ ...i, path: i.path.slice(1) })));
    },
  });
  const dirty = useMemo(
    () =>
      !!draft &&
      !!query.data &&
      JSON.stringify(toSettings(draft)) !==
        JSON.stringify(toSettings(toDraft(query.data.settings as ProvinceSettings))),
    [draft, query.data],
  );
  const editable = can('province_settings.write');

  const submit = () => {
    if (!draft) return;
    const checked = provinceSettingsSchema.safeParse(toSettings(draft));
    if (!checked.success) {
      setIssues(
        checked.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
      );
      return;
    }
    setIssues([]);
    save.mutate();
  };
  const reload = async () => {
    save.reset();
    setIssues([]);
    const fresh = await query.refetch();
    if (fresh.data) {
      setDraft(toDraft(fresh.data.settings as ProvinceSettings));
      setRevision(fresh.data.revision);
    }
  };
  const conflict = save.error instanceof ApiError && save.error.code === 'RESOURCE.VERSION_CONFLICT';
  const current = conflict
    ? ((save.error as ApiError).details?.current as ProvinceSettingsOut | undefined)
    : undefined;

  return (
    <Stack gap="md" maw={900}>
      <div>
        <Title order={2}>
          {l.title} {provinceName ? `— ${provinceName}` : ''}
        </Title>
        <Text size="sm" c="dimmed">
          {l.intro}
        </Text>
        {!editable && (
          <Text size="sm" mt={4}>
            {l.readOnly}
          </Text>
        )}
      </div>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {conflict && (
        <Alert color="orange" title={l.conflictTitle} role="alert" styles={{ title: { color: '#8a3004' } }}>
          <Text size="sm">{l.conflictText}</Text>
          {current && <CurrentVersion l={l} settings={current.settings as ProvinceSettings} />}
          <Button mt="xs" size="xs" variant="default" onClick={() => void reload()}>
            {l.reload}
          </Button>
        </Alert>
      )}
      {save.error && !conflict && <ErrorAlert error={save.error} />}
      {issues.length > 0 && !save.error && (
        <Alert color="red" role="alert">
          {l.invalid}
        </Alert>
      )}
      {!draft ? (
        <Loading />
      ) : (
        <>
          {PROVINCE_SETTING_KEYS.map((key) => (
            <KeySection
              key={key}
              l={l}
              settingKey={key}
              periods={draft[key]}
              editable={editable}
              issues={issues.filter((i) => i.path[0] === key).map((i) => ({ ...i, path: i.path.slice(1) }))}
              onChange={(periods) => setDraft({ ...draft, [key]: periods })}
            />
          ))}
          {editable && (
            <Group
              gap="sm"
              style={{
                position: 'sticky',
                bottom: 0,
                background: 'var(--mantine-color-body)',
                padding: '8px 0',
                zIndex: 2,
              }}
            >
              <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
                {l.save}
              </Button>
              {dirty && (
                <>
                  <Button variant="default" onClick={() => void reload()}>
                    {l.reset}
                  </Button>
                  <Text size="sm" c="dimmed">
                    {l.dirty}
                  </Text>
                </>
              )}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

/** "Từ 01/03/2025 đến nay": a period as a sentence, the end inclusive. */
function periodText(l: L, p: Period): string {
  return l.period(
    p.validFrom ? formatDate(p.validFrom) : l.always,
    p.validTo ? formatDate(addDays(p.validTo, -1)) : l.still,
  );
}

/** The current version of a 409, key by key: what the other save left. */
function CurrentVersion({ l, settings }: { l: L; settings: ProvinceSettings }) {
  return (
    <Stack gap={2} mt="xs">
      <Text size="sm" fw={600}>
        {l.conflictNow}
      </Text>
      {PROVINCE_SETTING_KEYS.filter((k) => (settings[k] ?? []).length > 0).map((k) => (
        <Text size="sm" key={k}>
          {l.keys[k]}:{' '}
          {((settings[k] ?? []) as Period[])
            .map((p) => `${periodText(l, p)}: ${summary(p.value)}`)
            .join('; ')}
        </Text>
      ))}
    </Stack>
  );
}

/** A value in one line, for the conflict's current version. */
function summary(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join(' / ');
  if (v && typeof v === 'object')
    return Object.values(v as Record<string, unknown>)
      .filter((x) => typeof x === 'string' && x !== '')
      .join(', ');
  return '';
}

function KeySection({
  l,
  settingKey,
  periods,
  editable,
  issues,
  onChange,
}: {
  l: L;
  settingKey: ProvinceSettingKey;
  periods: Period[];
  editable: boolean;
  issues: FieldIssue[];
  onChange: (periods: Period[]) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [newFrom, setNewFrom] = useState(todayIso());
  const set = (i: number, p: Partial<Period>) =>
    onChange(periods.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const addPeriod = () => {
    // A new period from a date ends the period still running then (the day before is its last), and starts with its
    // value, so a change of name is one edit.
    const running = periods.findIndex(
      (p) => (!p.validFrom || p.validFrom < newFrom) && (!p.validTo || p.validTo > newFrom),
    );
    const from = periods.length === 0 ? null : newFrom;
    const base = running >= 0 ? periods[running]! : periods.at(-1);
    const next: Period = {
      validFrom: from,
      validTo: running >= 0 ? periods[running]!.validTo : null,
      value: structuredClone(base?.value ?? emptyValue(settingKey)),
    };
    const ended = periods.map((p, j) => (j === running ? { ...p, validTo: newFrom } : p));
    onChange([...ended, next].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? '')));
    setAdding(false);
  };
  const errorsOf = (i: number) => issues.filter((x) => x.path[0] === i).map((x) => x.message);
  return (
    <Paper withBorder p="sm" component="section" aria-label={l.keys[settingKey]}>
      <Stack gap="xs">
        <div>
          <Text fw={600}>{l.keys[settingKey]}</Text>
          <Text size="xs" c="dimmed">
            {l.hints[settingKey]}
          </Text>
        </div>
        {periods.length === 0 && (
          <Text size="sm" c="dimmed">
            {l.none}
          </Text>
        )}
        {periods.map((p, i) => (
          <Paper
            // biome-ignore lint/suspicious/noArrayIndexKey: a period has no id; its place is its identity while editing
            key={`${settingKey}-${i}-${p.validFrom ?? ''}`}
            withBorder
            p="xs"
            bg="var(--mantine-color-gray-0)"
          >
            <Stack gap={6}>
              {editable ? (
                <Group gap="xs" align="flex-end" wrap="wrap">
                  <DateField
                    label={l.from}
                    placeholder={l.always}
                    value={p.validFrom ?? ''}
                    onChange={(iso) => set(i, { validFrom: iso || null })}
                    w={150}
                  />
                  <DateField
                    label={l.endPeriod}
                    value={p.validTo ? addDays(p.validTo, -1) : ''}
                    onChange={(iso) => set(i, { validTo: iso ? addDays(iso, 1) : null })}
                    w={150}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => onChange(periods.filter((_, j) => j !== i))}
                  >
                    {l.remove}
                  </Button>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {periodText(l, p)}
                </Text>
              )}
              <ValueEditor
                l={l}
                settingKey={settingKey}
                value={p.value}
                disabled={!editable}
                onChange={(value) => set(i, { value })}
              />
              {errorsOf(i).map((m) => (
                <Text key={m} size="sm" c="red" role="alert">
                  {m}
                </Text>
              ))}
            </Stack>
          </Paper>
        ))}
        {editable &&
          (adding ? (
            <Group gap="xs" align="flex-end" wrap="wrap">
              {periods.length > 0 && (
                <DateField label={l.newFrom} value={newFrom} onChange={setNewFrom} w={170} />
              )}
              <Button size="xs" onClick={addPeriod} disabled={periods.length > 0 && !newFrom}>
                {l.addPeriod}
              </Button>
              <Button size="xs" variant="default" onClick={() => setAdding(false)}>
                ✕
              </Button>
            </Group>
          ) : (
            <div>
              <Button
                size="xs"
                variant="light"
                onClick={() => (periods.length === 0 ? addPeriod() : setAdding(true))}
              >
                {l.addPeriod}
              </Button>
            </div>
          ))}
      </Stack>
    </Paper>
  );
}

function ValueEditor({
  l,
  settingKey,
  value,
  disabled,
  onChange,
}: {
  l: L;
  settingKey: ProvinceSettingKey;
  value: unknown;
  disabled: boolean;
  onChange: (v: unknown) => void;
}): ReactNode {
  const obj = (value ?? {}) as Record<string, string>;
  const field = (k: string, label: string, multiline = false) =>
    multiline ? (
      <Textarea
        label={label}
        autosize
        minRows={2}
        disabled={disabled}
        value={obj[k] ?? ''}
        onChange={(e) => onChange({ ...obj, [k]: e.currentTarget.value })}
      />
    ) : (
      <TextInput
        label={label}
        disabled={disabled}
        value={obj[k] ?? ''}
        onChange={(e) => onChange({ ...obj, [k]: e.currentTarget.value })}
      />
    );
  switch (settingKey) {
    case 'province_word':
      return (
        <SegmentedControl
          disabled={disabled}
          value={String(value)}
          onChange={onChange}
          data={[
            { value: 'tỉnh', label: l.words.province },
            { value: 'thành phố', label: l.words.city },
          ]}
        />
      );
    case 'peoples_committee_name':
    case 'party_committee_name':
      return (
        <TextInput
          aria-label={l.keys[settingKey]}
          disabled={disabled}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'dx_office_agency':
      return (
        <Stack gap={4}>
          {field('name', l.agencyName)}
          {field('shortName', l.agencyShort)}
        </Stack>
      );
    case 'default_recipients':
      return (
        <Textarea
          aria-label={l.recipientsHint}
          description={l.recipientsHint}
          autosize
          minRows={3}
          disabled={disabled}
          value={((value as string[]) ?? []).join('\n')}
          onChange={(e) => onChange(e.currentTarget.value.split('\n'))}
          onBlur={(e) =>
            onChange(
              e.currentTarget.value
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
        />
      );
    case 'signature_block':
      return (
        <Stack gap={4}>
          {field('title', l.signatureTitle, true)}
          {field('name', l.signatureName)}
        </Stack>
      );
    case 'funding_source_names':
      return (
        <Stack gap={4}>
          {field('unit_regular', l.funding.unit_regular)}
          {field('city_budget', l.funding.city_budget)}
          {field('other_lawful', l.funding.other_lawful)}
        </Stack>
      );
    case 'report_defaults':
      return (
        <Stack gap={4}>
          {field('place', l.place)}
          <Select
            label={l.issuer}
            disabled={disabled}
            allowDeselect={false}
            value={obj.issuer ?? 'committee'}
            onChange={(issuer) => onChange({ ...obj, issuer: issuer ?? 'committee' })}
            data={[
              { value: 'committee', label: l.issuers.committee },
              { value: 'dx_office', label: l.issuers.dx_office },
            ]}
          />
        </Stack>
      );
  }
}
