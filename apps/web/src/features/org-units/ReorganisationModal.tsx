import { ORG_UNIT_KINDS, type OrgUnitKind, type ReorganisationInput, reorganisationInput } from '@dx/domain';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgKeys, recordReorganisation } from '../../api/org-units';
import { userKeys } from '../../api/users';
import { ApiError } from '../../lib/api';
import { DateField } from '../../lib/DateField';
import { UnitPicker } from '../../lib/UnitPicker';
import { ErrorAlert } from '../../lib/ui';
import { AffectedGrants } from './AffectedGrants';

type ReorgType = ReorganisationInput['type'];
const TYPES: ReorgType[] = ['create', 'rename', 'move', 'end', 'merge', 'split'];

type NewUnitState = {
  name: string;
  code: string;
  kind: OrgUnitKind;
  adminType: string;
  parentUnitId: string | null;
};
const emptyUnit = (): NewUnitState => ({
  name: '',
  code: '',
  kind: 'commune',
  adminType: '',
  parentUnitId: null,
});
const toNewUnit = (u: NewUnitState) => ({
  name: u.name,
  code: u.code.trim() || null,
  kind: u.kind,
  adminType: u.adminType.trim() || null,
  parentUnitId: u.parentUnitId,
});

type Props = { provinceId: string; defaultDate: string; onClose: () => void };

/** Record a reorganisation (create, rename, move, end, merge, split) with its effective date and legal basis. */
export function ReorganisationModal({ provinceId, defaultDate, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [type, setType] = useState<ReorgType>('rename');
  const [effectiveDate, setEffectiveDate] = useState(defaultDate);
  const [legalBasis, setLegalBasis] = useState('');
  const [note, setNote] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [parentUnitId, setParentUnitId] = useState<string | null>(null);
  const [unit, setUnit] = useState<NewUnitState>(emptyUnit);
  const [sources, setSources] = useState<{ unitId: string | null; share: 'full' | 'partial' }[]>([
    { unitId: null, share: 'full' },
    { unitId: null, share: 'full' },
  ]);
  const [intoMode, setIntoMode] = useState<'existing' | 'new'>('existing');
  const [intoUnitId, setIntoUnitId] = useState<string | null>(null);
  const [intoNew, setIntoNew] = useState<NewUnitState>(emptyUnit);
  const [into, setInto] = useState<NewUnitState[]>([emptyUnit(), emptyUnit()]);
  const [sourceContinues, setSourceContinues] = useState(false);
  /** Where the ended unit's records go: 'share' (each new unit by its share) or the index of one new unit. */
  const [recordsTo, setRecordsTo] = useState<string>('share');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [moveGrants, setMoveGrants] = useState(false);
  /** The units this change ends (issue 15: the accounts granted on them are listed before it is sent). */
  const ending: string[] =
    type === 'end' && unitId
      ? [unitId]
      : type === 'merge'
        ? sources.flatMap((s) =>
            s.unitId && s.share === 'full' && !(intoMode === 'existing' && s.unitId === intoUnitId)
              ? [s.unitId]
              : [],
          )
        : type === 'split' && unitId && !sourceContinues
          ? [unitId]
          : [];
  const hasSuccessor = type === 'merge' || type === 'split';

  const body = (): unknown => {
    const common = {
      effectiveDate,
      legalBasis: legalBasis.trim() || undefined,
      note: note.trim() || undefined,
      ...(moveGrants && hasSuccessor && ending.length > 0 && { moveGrants: true }),
    };
    switch (type) {
      case 'create':
        return { type, ...common, unit: toNewUnit(unit) };
      case 'rename':
        return { type, ...common, unitId, name, code: code.trim() || undefined };
      case 'move':
        return { type, ...common, unitId, parentUnitId };
      case 'end':
        return { type, ...common, unitId };
      case 'merge':
        return {
          type,
          ...common,
          sources,
          ...(intoMode === 'existing'
            ? { intoUnitId: intoUnitId ?? undefined }
            : { intoNew: toNewUnit(intoNew) }),
        };
      case 'split':
        return {
          type,
          ...common,
          unitId,
          into: into.map(toNewUnit),
          sourceContinues,
          recordsTo: recordsTo === 'share' ? 'share' : Number(recordsTo),
        };
    }
  };

  const m = useMutation({
    mutationFn: (input: ReorganisationInput) => recordReorganisation(input),
    onSuccess: (result) => {
      void qc.invalidateQueries({ queryKey: orgKeys.all });
      void qc.invalidateQueries({ queryKey: userKeys.all });
      notifications.show({
        color: 'green',
        message:
          result.grantsMoved.length > 0
            ? `${t('reorg.done')}. ${t('reorg.grantsMovedDone', { count: result.grantsMoved.length })}`
            : t('reorg.done'),
        closeButtonProps: { 'aria-label': t('common.close') },
      });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Same schema as the server: show field errors before the round trip.
    const parsed = reorganisationInput.safeParse(body());
    if (!parsed.success) {
      const errs: Record<string, string> = {};
      for (const i of parsed.error.issues) {
        // zod's own messages are English ("Invalid input…"): an empty picker just needs a unit.
        errs[i.path.join('.')] ??= i.message.startsWith('Invalid') ? t('reorg.pickUnit') : i.message;
      }
      setClientErrors(errs);
      return;
    }
    setClientErrors({});
    m.mutate(parsed.data);
  };
  const serverErrors = m.error instanceof ApiError ? m.error.fieldErrors : {};
  const fe = { ...serverErrors, ...clientErrors };
  const err = (path: string) => fe[path];
  const picker = (
    label: string,
    value: string | null,
    onChange: (v: string | null) => void,
    path: string,
    required = true,
  ) => (
    <UnitPicker
      label={label}
      provinceId={provinceId}
      asOf={effectiveDate || undefined}
      value={value}
      onChange={(v) => onChange(v)}
      error={err(path)}
      required={required}
      comboboxProps={{ withinPortal: true }}
    />
  );
  const newUnitFields = (u: NewUnitState, set: (u: NewUnitState) => void, prefix: string, legend: string) => (
    <Fieldset legend={legend} key={prefix}>
      <Stack gap="xs">
        <TextInput
          label={t('reorg.name')}
          required
          value={u.name}
          onChange={(e) => set({ ...u, name: e.currentTarget.value })}
          error={err(`${prefix}.name`)}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('reorg.code')}
            value={u.code}
            onChange={(e) => set({ ...u, code: e.currentTarget.value })}
            error={err(`${prefix}.code`)}
            miw={140}
          />
          <Select
            label={t('reorg.kind')}
            data={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            value={u.kind}
            onChange={(v) => v && set({ ...u, kind: v as OrgUnitKind })}
            allowDeselect={false}
            miw={160}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <TextInput
          label={t('reorg.adminType')}
          value={u.adminType}
          onChange={(e) => set({ ...u, adminType: e.currentTarget.value })}
          error={err(`${prefix}.adminType`)}
        />
        <UnitPicker
          label={t('reorg.parent')}
          description={t('reorg.parentNone')}
          provinceId={provinceId}
          asOf={effectiveDate || undefined}
          value={u.parentUnitId}
          onChange={(v) => set({ ...u, parentUnitId: v })}
          error={err(`${prefix}.parentUnitId`)}
        />
      </Stack>
    </Fieldset>
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reorg.title')}
      size="lg"
      fullScreen={window.innerWidth < 576}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('reorg.type')}
            data={TYPES.map((x) => ({ value: x, label: t(`reorg.types.${x}`) }))}
            value={type}
            onChange={(v) => v && setType(v as ReorgType)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Group grow align="flex-start" wrap="wrap">
            <DateField
              label={t('reorg.effectiveDate')}
              required
              value={effectiveDate}
              onChange={setEffectiveDate}
              error={err('effectiveDate')}
              miw={150}
            />
            <TextInput
              label={t('reorg.legalBasis')}
              placeholder={t('reorg.legalBasisPlaceholder')}
              value={legalBasis}
              onChange={(e) => setLegalBasis(e.currentTarget.value)}
              error={err('legalBasis')}
              miw={220}
            />
          </Group>

          {type === 'create' && newUnitFields(unit, setUnit, 'unit', t('reorg.types.create'))}
          {(type === 'rename' || type === 'move' || type === 'end' || type === 'split') &&
            picker(t('reorg.unit'), unitId, setUnitId, 'unitId')}
          {type === 'rename' && (
            <>
              <TextInput
                label={t('reorg.newName')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={err('name')}
              />
              <TextInput
                label={t('reorg.newCode')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={err('code')}
              />
            </>
          )}
          {type === 'move' && picker(t('reorg.parent'), parentUnitId, setParentUnitId, 'parentUnitId', false)}
          {type === 'merge' && (
            <>
              <Fieldset legend={t('reorg.sources')}>
                <Stack gap="xs">
                  {err('sources') && (
                    <Text c="red.8" size="sm" role="alert">
                      {err('sources')}
                    </Text>
                  )}
                  {sources.map((s, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until a unit is picked
                    <Group key={i} align="flex-end" gap="xs" wrap="wrap">
                      <div style={{ flex: '1 1 220px' }}>
                        {picker(
                          `${t('reorg.unit')} ${i + 1}`,
                          s.unitId,
                          (v) => setSources(sources.map((x, j) => (j === i ? { ...x, unitId: v } : x))),
                          `sources.${i}.unitId`,
                        )}
                      </div>
                      <Select
                        label={t('reorg.share')}
                        w={130}
                        data={[
                          { value: 'full', label: t('org.full') },
                          { value: 'partial', label: t('org.partial') },
                        ]}
                        value={s.share}
                        allowDeselect={false}
                        onChange={(v) =>
                          v &&
                          setSources(
                            sources.map((x, j) => (j === i ? { ...x, share: v as 'full' | 'partial' } : x)),
                          )
                        }
                        comboboxProps={{ withinPortal: true }}
                      />
                      {sources.length > 2 && (
                        <Button
                          variant="subtle"
                          color="red.9"
                          c="red.9"
                          onClick={() => setSources(sources.filter((_, j) => j !== i))}
                        >
                          {t('reorg.remove')}
                        </Button>
                      )}
                    </Group>
                  ))}
                  <Button
                    variant="default"
                    onClick={() => setSources([...sources, { unitId: null, share: 'full' }])}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('reorg.addSource')}
                  </Button>
                </Stack>
              </Fieldset>
              <div>
                <Text size="sm" fw={500} id="reorg-into-mode">
                  {t('reorg.intoMode')}
                </Text>
                <SegmentedControl
                  aria-labelledby="reorg-into-mode"
                  value={intoMode}
                  onChange={(v) => setIntoMode(v as 'existing' | 'new')}
                  data={[
                    { value: 'existing', label: t('reorg.intoExisting') },
                    { value: 'new', label: t('reorg.intoNew') },
                  ]}
                />
              </div>
              {intoMode === 'existing'
                ? picker(t('reorg.intoUnit'), intoUnitId, setIntoUnitId, 'intoUnitId')
                : newUnitFields(intoNew, setIntoNew, 'intoNew', t('reorg.intoNew'))}
            </>
          )}
          {type === 'split' && (
            <>
              {err('into') && (
                <Text c="red.8" size="sm" role="alert">
                  {err('into')}
                </Text>
              )}
              {into.map((u, i) =>
                newUnitFields(
                  u,
                  (nu) => setInto(into.map((x, j) => (j === i ? nu : x))),
                  `into.${i}`,
                  `${t('reorg.newUnits')} ${i + 1}`,
                ),
              )}
              <Group>
                <Button variant="default" onClick={() => setInto([...into, emptyUnit()])}>
                  {t('reorg.addNewUnit')}
                </Button>
                {into.length > 1 && (
                  <Button variant="subtle" color="red.9" c="red.9" onClick={() => setInto(into.slice(0, -1))}>
                    {t('reorg.remove')}
                  </Button>
                )}
              </Group>
              <Checkbox
                label={t('reorg.sourceContinues')}
                checked={sourceContinues}
                onChange={(e) => setSourceContinues(e.currentTarget.checked)}
              />
              {!sourceContinues && into.length > 1 && (
                <Select
                  label={t('reorg.recordsTo')}
                  description={t('reorg.recordsToHint')}
                  value={recordsTo}
                  onChange={(v) => setRecordsTo(v ?? 'share')}
                  allowDeselect={false}
                  error={err('recordsTo')}
                  data={[
                    { value: 'share', label: t('reorg.recordsByShare') },
                    ...into.map((u, i) => ({
                      value: String(i),
                      label: u.name.trim() || `${t('reorg.newUnits')} ${i + 1}`,
                    })),
                  ]}
                />
              )}
            </>
          )}
          <Textarea
            label={t('reorg.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <AffectedGrants
            ending={ending}
            hasSuccessor={hasSuccessor}
            effectiveDate={effectiveDate}
            moveGrants={moveGrants}
            onMoveGrants={setMoveGrants}
          />
          {m.error && <ErrorAlert error={m.error} />}
          {Object.keys(clientErrors).length > 0 && (
            <Text c="red.8" size="sm" role="alert">
              {t('common.fixErrors')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {t('reorg.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
