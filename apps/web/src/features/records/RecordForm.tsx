import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { createRecord, fetchRecord, recordKeys, type StoredRecord, updateRecord } from '../../api/records';
import { targetKeys } from '../../api/targets';
import { ApiError } from '../../lib/api';
import { DateField } from '../../lib/DateField';
import { todayIso } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { readableAlert } from '../../lib/TargetBits';
import { UnitPicker } from '../../lib/UnitPicker';
import { ErrorAlert, Loading } from '../../lib/ui';
import { useVocabulary } from '../../lib/vocabulary';
import { useEvidenceLabels } from '../../locales/evidence';
import { InlineChannel } from './InlineChannel';
import { useLang, useLookups } from './lookups';
import { blankValues, type FieldSpec, inputOf, RECORD_SPECS, type RecordSpec, valuesOf } from './recordSpecs';

const draftKey = (type: string, unitId: string | null) => `dx.draft.${type}.${unitId ?? 'province'}`;
const lastChannelKey = 'dx.lastChannelId';

/** Field errors of a save, keyed by field ("themeIds.0" → "themeIds"; PUT bodies nest under "record"). */
function errorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const path = i.path[0] === 'record' ? i.path.slice(1) : i.path;
    const key = String(path[0] ?? '');
    if (key) out[key] ??= i.message;
  }
  return out;
}

/**
 * Add or edit one record of any kind, as a dialog (full screen on a phone). A new record's draft is kept in
 * localStorage as it is typed, so a dropped connection or a closed tab loses nothing.
 */
export function RecordForm({
  type,
  editing,
  unitId,
  unitName,
  onClose,
  onSaved,
}: {
  type: RecordSpec['type'];
  editing: StoredRecord | null;
  unitId: string | null;
  unitName: string | null;
  onClose: () => void;
  /** Called with each record saved (the list shows it first). */
  onSaved?: (r: StoredRecord) => void;
}) {
  const spec = RECORD_SPECS[type];
  const L = useEvidenceLabels();
  const lang = useLang();
  const phone = useMediaQuery('(max-width: 48em)');
  const full = useQuery({
    queryKey: ['records', 'one', type, editing?.id ?? ''],
    queryFn: () => fetchRecord(type, editing!.id),
    enabled: !!editing,
    staleTime: 0,
  });
  const title = editing
    ? `${L.edit}: ${String((editing as Record<string, unknown>)[spec.titleField] ?? '')}`
    : L.add[type];
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': L.close }}
      title={title}
      size="lg"
      fullScreen={phone}
    >
      {editing && full.isLoading ? (
        <Loading />
      ) : editing && full.error ? (
        <ErrorAlert error={full.error} onRetry={() => void full.refetch()} />
      ) : (
        <FormBody
          key={full.data?.version ?? 'new'}
          spec={spec}
          stored={editing ? (full.data ?? editing) : null}
          unitId={unitId}
          unitName={unitName}
          lang={lang}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function FormBody({
  spec,
  stored,
  unitId,
  unitName,
  lang,
  onClose,
  onSaved,
}: {
  spec: RecordSpec;
  stored: StoredRecord | null;
  unitId: string | null;
  unitName: string | null;
  lang: 0 | 1;
  onClose: () => void;
  onSaved?: (r: StoredRecord) => void;
}) {
  const L = useEvidenceLabels();
  const qc = useQueryClient();
  const { provinceId } = useProvince();
  const lookups = useLookups(unitId);
  const vocabulary = useVocabulary();
  const optionsOf = (f: FieldSpec) =>
    f.vocabulary ? vocabulary.options(f.vocabulary, f.options) : (f.options ?? []);
  const key = draftKey(spec.type, unitId);
  const [initial] = useState(() => {
    if (stored) return { values: valuesOf(spec, stored), restored: false };
    const blank = blankValues(spec, unitId);
    if (spec.type === 'publication') blank.channelId = localStorage.getItem(lastChannelKey);
    const draft = localStorage.getItem(key);
    if (draft) {
      try {
        const parsed = JSON.parse(draft) as Record<string, unknown>;
        const typed = spec.fields.some((f) => {
          const x = parsed[f.key];
          return (
            !f.sticky &&
            !f.initial &&
            f.type !== 'unit' &&
            (Array.isArray(x) ? x.length > 0 : x !== '' && x !== null && x !== undefined && x !== false)
          );
        });
        if (typed) return { values: { ...blank, ...parsed }, restored: true };
      } catch {
        // A broken draft is dropped.
      }
    }
    return { values: blank, restored: false };
  });
  const [restored, setRestored] = useState(initial.restored);
  const [values, setValues] = useState<Record<string, unknown>>(initial.values);
  const firstInput = useRef<HTMLInputElement>(null);
  // The draft of a new record follows every keystroke.
  useEffect(() => {
    if (!stored) localStorage.setItem(key, JSON.stringify(values));
  }, [values, stored, key]);
  const channelIds = lookups.channels.map((c) => c.value).join(',');
  // A channel just created inline is kept while the list of channels catches up.
  const created = useRef<string | null>(null);
  // A single channel is chosen for the user.
  useEffect(() => {
    if (spec.type !== 'publication' || stored) return;
    const ids = channelIds ? channelIds.split(',') : [];
    const current = values.channelId as string | null;
    if (current && current === created.current) return;
    if (ids.length && !(current && ids.includes(current))) {
      const next = ids.length === 1 ? ids[0]! : null;
      if (next !== current) setValues((v) => ({ ...v, channelId: next }));
    }
  }, [channelIds, spec.type, stored, values.channelId]);

  // "Thuộc chuyên mục CĐS" follows the chosen channel's section until the officer ticks it themselves (issue 19:
  // left unticked it was reported as a shortfall of Plan 54 I.2.b).
  const dxTouched = useRef(!!stored);
  const dxOf = (id: unknown) => lookups.channels.find((c) => c.value === id)?.hasDxSection;
  const channelDx = dxOf(values.channelId);
  useEffect(() => {
    if (spec.type !== 'publication' || dxTouched.current || channelDx === undefined) return;
    setValues((v) => (v.isDx === channelDx ? v : { ...v, isDx: channelDx }));
  }, [spec.type, channelDx]);
  // A new record's date falls inside the plan's period: today, or the period's last day for a past plan
  // (issue 19: a 2023 plan's publications defaulted to today and counted nowhere).
  const periodFrom = lookups.period?.from;
  const periodTo = lookups.period?.to;
  useEffect(() => {
    if (stored || !periodFrom || !periodTo) return;
    const today = todayIso();
    // The middle of the three ISO dates is today clamped to the period.
    const inside = [periodFrom, today, periodTo].sort()[1]!;
    if (inside === today) return;
    setValues((v) => {
      const next = { ...v };
      for (const f of spec.fields)
        if (f.type === 'date' && f.initial && v[f.key] === today) next[f.key] = inside;
      return next;
    });
  }, [stored, periodFrom, periodTo, spec.fields]);
  const [newChannel, setNewChannel] = useState(false);
  const noChannel = lookups.channelsLoaded && lookups.channels.length === 0 && !values.channelId;

  const [another, setAnother] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      stored
        ? updateRecord(spec.type, stored.id, stored.version, inputOf(spec, values))
        : createRecord(spec.type, inputOf(spec, values)),
    onSuccess: (saved) => {
      onSaved?.(saved);
      void qc.invalidateQueries({ queryKey: recordKeys.all });
      void qc.invalidateQueries({ queryKey: targetKeys.all });
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': L.close }, message: L.saved });
      if (spec.type === 'publication' && values.channelId)
        localStorage.setItem(lastChannelKey, String(values.channelId));
      if (stored) {
        onClose();
        return;
      }
      localStorage.removeItem(key);
      if (another) {
        const blank = blankValues(spec, unitId);
        for (const f of spec.fields) if (f.sticky) blank[f.key] = values[f.key];
        setValues(blank);
        save.reset();
        firstInput.current?.focus();
      } else onClose();
    },
  });
  const fe = errorsOf(save.error);
  const conflict = save.error instanceof ApiError && save.error.code === 'RESOURCE.VERSION_CONFLICT';
  const set = (k: string, x: unknown) => setValues((v) => ({ ...v, [k]: x }));
  const submit = (e: FormEvent, more: boolean) => {
    e.preventDefault();
    setAnother(more);
    save.mutate();
  };
  const discard = () => {
    localStorage.removeItem(key);
    setValues(blankValues(spec, unitId));
    setRestored(false);
  };

  const field = (f: FieldSpec, i: number) => {
    const label = f.label[lang];
    const common = {
      label,
      required: f.required,
      error: fe[f.key],
      description: f.hint?.[lang],
    };
    const v = values[f.key];
    switch (f.type) {
      case 'text':
      case 'url':
        return (
          <TextInput
            key={f.key}
            {...common}
            ref={i === 1 || (i === 0 && f.type === 'text') ? firstInput : undefined}
            type={f.type === 'url' ? 'url' : 'text'}
            inputMode={f.type === 'url' ? 'url' : undefined}
            value={String(v ?? '')}
            onChange={(e) => set(f.key, e.currentTarget.value)}
            size="md"
          />
        );
      case 'textarea':
        return (
          <Textarea
            key={f.key}
            {...common}
            autosize
            minRows={2}
            value={String(v ?? '')}
            onChange={(e) => set(f.key, e.currentTarget.value)}
          />
        );
      case 'date':
        return (
          <DateField
            key={f.key}
            {...common}
            size="md"
            value={String(v ?? '')}
            onChange={(x) => set(f.key, x)}
          />
        );
      case 'number':
        return (
          <NumberInput
            key={f.key}
            {...common}
            size="md"
            min={0}
            allowDecimal={false}
            thousandSeparator={lang === 0 ? '.' : ','}
            decimalSeparator={lang === 0 ? ',' : '.'}
            value={v === '' || v === null ? '' : Number(v)}
            onChange={(x) => set(f.key, x === '' ? '' : Number(x))}
          />
        );
      case 'select':
        return (
          <Select
            key={f.key}
            {...common}
            size="md"
            data={optionsOf(f).map((o) => ({ value: o.value, label: o.label[lang] }))}
            value={(v as string | null) ?? null}
            onChange={(x) => set(f.key, x)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'checkbox':
        return (
          <Checkbox
            key={f.key}
            label={label}
            error={fe[f.key]}
            size="md"
            checked={!!v}
            onChange={(e) => {
              if (f.key === 'isDx') dxTouched.current = true;
              set(f.key, e.currentTarget.checked);
            }}
          />
        );
      case 'unit':
        return (
          <UnitPicker
            key={f.key}
            {...common}
            size="md"
            provinceId={provinceId}
            value={(v as string | null) ?? null}
            initialLabel={v && v === unitId ? unitName : v ? String(v) : null}
            onChange={(x) => set(f.key, x)}
          />
        );
      case 'channel':
        // No channel yet: declare one here (issue 19); otherwise a link opens the same small form.
        if (!stored && (noChannel || newChannel))
          return (
            <InlineChannel
              key={f.key}
              unitId={unitId}
              unitName={unitName}
              lang={lang}
              intro={noChannel}
              onCancel={noChannel ? null : () => setNewChannel(false)}
              onCreated={(c) => {
                created.current = c.id;
                setNewChannel(false);
                setValues((x) => ({
                  ...x,
                  channelId: c.id,
                  isDx: dxTouched.current ? x.isDx : c.hasDxSection === true,
                }));
              }}
            />
          );
        return (
          <Stack key={f.key} gap={4}>
            <Select
              {...common}
              size="md"
              searchable
              data={lookups.channels.map(({ value, label }) => ({ value, label }))}
              value={(v as string | null) ?? null}
              onChange={(x) => set(f.key, x)}
              nothingFoundMessage={L.noChannelFound}
            />
            {!stored && (
              <Button
                type="button"
                variant="subtle"
                size="compact-sm"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setNewChannel(true)}
              >
                {L.newChannel}
              </Button>
            )}
          </Stack>
        );
      default: {
        const data =
          f.type === 'themes'
            ? lookups.themes
            : f.type === 'models'
              ? lookups.models
              : f.type === 'people'
                ? lookups.people
                : optionsOf(f).map((o) => ({ value: o.value, label: o.label[lang] }));
        return (
          <MultiSelect
            key={f.key}
            clearButtonProps={{ 'aria-label': L.clear }}
            {...common}
            size="md"
            searchable
            clearable
            data={data}
            value={(v as string[]) ?? []}
            onChange={(x) => set(f.key, x)}
            nothingFoundMessage={L.nothingMatches}
            hidePickedOptions
          />
        );
      }
    }
  };

  return (
    <form onSubmit={(e) => submit(e, false)} noValidate>
      <Stack gap="sm">
        {restored && (
          <Alert {...readableAlert} color="blue" role="status">
            <Group justify="space-between" gap="xs">
              <span>{L.draftRestored}</span>
              <Button size="xs" variant="default" onClick={discard}>
                {L.discardDraft}
              </Button>
            </Group>
          </Alert>
        )}
        {spec.fields.map(field)}
        {save.error &&
          (conflict ? (
            <Alert {...readableAlert} color="red" role="alert">
              {L.conflict}
            </Alert>
          ) : Object.keys(fe).length ? (
            <Alert {...readableAlert} color="red" role="alert">
              {L.fixFields}
            </Alert>
          ) : (
            <ErrorAlert error={save.error} />
          ))}
        <Group gap="sm" mt="xs">
          <Button type="submit" size="md" loading={save.isPending && !another}>
            {L.save}
          </Button>
          {!stored && (
            <Button
              type="button"
              variant="default"
              size="md"
              loading={save.isPending && another}
              onClick={(e) => submit(e, true)}
            >
              {L.saveAndNew}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
