import {
  type DocumentReference,
  formatCitation,
  letterAt,
  PLAN_DOCUMENT_KINDS,
  PLAN_KIND_NAMES,
  type PlanDocument,
  type PlanUnitRef,
  planNumber,
  VIETNAMESE_LETTERS,
} from '@dx/domain';
import {
  Accordion,
  ActionIcon,
  Badge,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { listUnitGroups, type ProvinceUnitGroup, type StoredPlan } from '../../api/plans';
import { DateField } from '../../lib/DateField';
import { UnitPicker } from '../../lib/UnitPicker';
import { type PlanLabels, usePlanLabels } from '../../locales/plans';
import { ListEditor } from './ListEditor';
import { PlanEditor } from './PlanEditor';
import { PlanParts } from './PlanParts';
import { type FieldError, PlanSection } from './PlanSection';
import { ReportingScheduleEditor } from './ReportingScheduleEditor';

type Responsibility = PlanDocument['responsibilities'][number];
type Item = Responsibility['items'][number];

/** Items are lettered by position in the Vietnamese sequence (a b c d đ e g h…), so the letters never skip. */
const reletter = <T extends { letter: string }>(xs: T[]): T[] =>
  xs.map((x, i) => ({ ...x, letter: letterAt(i) }));
const MAX_LETTERED = Math.min(30, VIETNAMESE_LETTERS.length);
const orNull = (s: string) => (s.trim() === '' ? null : s);
const lines = (xs: string[]) => xs.filter((x) => x.trim() !== '');

/**
 * Every part of a plan, each in its own section with its own "Lưu": header, headings, Căn cứ, preamble,
 * Mục tiêu tổng quát, targets and themes, Nhiệm vụ cụ thể, Kinh phí thực hiện, Tổ chức thực hiện, closing,
 * Nơi nhận and Người ký.
 */
export function PlanSections({ plan }: { plan: StoredPlan }) {
  const L = usePlanLabels();
  const groupsQ = useQuery({
    queryKey: ['unit-groups', 'list', plan.provinceId],
    queryFn: () => listUnitGroups(plan.provinceId),
  });
  const groups = groupsQ.data?.items ?? [];
  return (
    // Error texts a shade darker than the theme's, so they pass the contrast check on white.
    <Stack gap="sm" style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties}>
      <Text size="sm" c="dimmed">
        {L.editIntro}
      </Text>
      {/* No opening animation: a long part would otherwise slide for a while on a slow phone. */}
      <Accordion multiple variant="separated" chevronPosition="left" transitionDuration={0}>
        <PlanSection
          plan={plan}
          id="header"
          title={L.secHeader}
          keys={
            [
              'kind',
              'parentIssuerName',
              'issuerName',
              'number',
              'place',
              'date',
              'year',
              'yearTo',
              'title',
            ] as const
          }
          check={checkHeader}
        >
          {({ value, set, err }) => <HeaderFields L={L} value={value} set={set} err={err} />}
        </PlanSection>

        <PlanSection plan={plan} id="headings" title={L.secHeadings} keys={['parts', 'headings'] as const}>
          {({ value, set, err }) => <PlanParts L={L} doc={plan.document} value={value} set={set} err={err} />}
        </PlanSection>

        <PlanSection plan={plan} id="legalBases" title={L.secLegalBases} keys={['legalBases'] as const}>
          {({ value, set, err }) => (
            <LegalBases
              L={L}
              items={value.legalBases}
              onChange={(legalBases) => set({ legalBases })}
              err={err}
            />
          )}
        </PlanSection>

        <PlanSection
          plan={plan}
          id="preamble"
          title={L.secPreamble}
          keys={['preambleLead', 'preambleClosing'] as const}
        >
          {({ value, set, err }) => (
            <>
              <TextInput
                label={L.preambleLead}
                value={value.preambleLead}
                onChange={(e) => set({ preambleLead: e.currentTarget.value })}
                error={err('preambleLead')}
              />
              <Textarea
                label={L.preambleClosing}
                autosize
                minRows={2}
                value={value.preambleClosing}
                onChange={(e) => set({ preambleClosing: e.currentTarget.value })}
                error={err('preambleClosing')}
              />
            </>
          )}
        </PlanSection>

        <PlanSection plan={plan} id="aims" title={L.secAims} keys={['purposes', 'requirements'] as const}>
          {({ value, set, err }) => (
            <>
              <Text size="sm" fw={600}>
                {L.purposes}
              </Text>
              <ParagraphList
                L={L}
                label={`${L.purposes}, ${L.point.toLowerCase()}`}
                addLabel={L.addPoint}
                items={value.purposes}
                onChange={(purposes) => set({ purposes })}
                err={(i) => err('purposes', i)}
              />
              <Text size="sm" fw={600}>
                {L.requirements}
              </Text>
              <ParagraphList
                L={L}
                label={`${L.requirements}, ${L.point.toLowerCase()}`}
                addLabel={L.addPoint}
                items={value.requirements}
                onChange={(requirements) => set({ requirements })}
                err={(i) => err('requirements', i)}
              />
            </>
          )}
        </PlanSection>

        <PlanSection
          plan={plan}
          id="generalObjectives"
          title={L.secGeneralObjectives}
          keys={['generalObjectives'] as const}
        >
          {({ value, set, err }) => (
            <LetteredList
              label={L.objective}
              addLabel={L.addObjective}
              items={value.generalObjectives}
              onChange={(generalObjectives) => set({ generalObjectives })}
              err={(i, f) => err('generalObjectives', i, f)}
              make={() => ({ letter: '', text: '' })}
            />
          )}
        </PlanSection>

        <Accordion.Item value="targetsThemes">
          <Accordion.Control>
            <Text fw={600}>{L.secTargetsThemes}</Text>
          </Accordion.Control>
          <Accordion.Panel>
            <PlanEditor plan={plan} />
          </Accordion.Panel>
        </Accordion.Item>

        <PlanSection plan={plan} id="tasks" title={L.secTasks} keys={['tasks'] as const}>
          {({ value, set, err }) => (
            <ParagraphList
              L={L}
              label={L.paragraph}
              items={value.tasks}
              onChange={(tasks) => set({ tasks })}
              err={(i) => err('tasks', i)}
            />
          )}
        </PlanSection>

        <PlanSection plan={plan} id="funding" title={L.secFunding} keys={['funding'] as const}>
          {({ value, set, err }) => (
            <ParagraphList
              L={L}
              label={L.paragraph}
              items={value.funding}
              onChange={(funding) => set({ funding })}
              err={(i) => err('funding', i)}
            />
          )}
        </PlanSection>

        <PlanSection
          plan={plan}
          id="responsibilities"
          title={L.secResponsibilities}
          keys={['responsibilities'] as const}
        >
          {({ value, set, err }) => (
            <Responsibilities
              L={L}
              provinceId={plan.provinceId}
              groups={groups}
              items={value.responsibilities}
              onChange={(responsibilities) => set({ responsibilities })}
              err={err}
            />
          )}
        </PlanSection>

        <PlanSection
          plan={plan}
          id="reportingSchedule"
          title={L.secSchedule}
          keys={['reportingSchedule'] as const}
        >
          {({ value, set, err }) => (
            <ReportingScheduleEditor
              L={L}
              items={value.reportingSchedule}
              onChange={(reportingSchedule) => set({ reportingSchedule })}
              err={(i, field) => err('reportingSchedule', i, field)}
            />
          )}
        </PlanSection>

        <PlanSection plan={plan} id="closing" title={L.secClosing} keys={['closing'] as const}>
          {({ value, set, err }) => (
            <Textarea
              label={L.closing}
              autosize
              minRows={2}
              value={value.closing}
              onChange={(e) => set({ closing: e.currentTarget.value })}
              error={err('closing')}
            />
          )}
        </PlanSection>

        <PlanSection
          plan={plan}
          id="recipients"
          title={L.secRecipients}
          keys={['recipients'] as const}
          clean={(v) => ({ recipients: lines(v.recipients) })}
        >
          {({ value, set, err }) => {
            const bad = value.recipients.findIndex((_, i) => err('recipients', i));
            return (
              <Textarea
                label={L.recipientsLines}
                autosize
                minRows={4}
                value={value.recipients.join('\n')}
                onChange={(e) => set({ recipients: e.currentTarget.value.split('\n') })}
                error={err('recipients') ?? (bad >= 0 ? `${bad + 1}: ${err('recipients', bad)}` : undefined)}
              />
            );
          }}
        </PlanSection>

        <PlanSection plan={plan} id="signature" title={L.secSignature} keys={['signature'] as const}>
          {({ value, set, err }) => {
            const s = value.signature;
            const put = (patch: Partial<typeof s>) => set({ signature: { ...s, ...patch } });
            return (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={L.authority}
                  value={s.authority}
                  onChange={(e) => put({ authority: e.currentTarget.value })}
                  error={err('signature', 'authority')}
                />
                <TextInput
                  label={L.delegation}
                  value={s.delegation ?? ''}
                  onChange={(e) => put({ delegation: orNull(e.currentTarget.value) })}
                  error={err('signature', 'delegation')}
                />
                <TextInput
                  label={L.position}
                  value={s.position}
                  onChange={(e) => put({ position: e.currentTarget.value })}
                  error={err('signature', 'position')}
                />
                <TextInput
                  label={L.signer}
                  value={s.signer}
                  onChange={(e) => put({ signer: e.currentTarget.value })}
                  error={err('signature', 'signer')}
                />
              </SimpleGrid>
            );
          }}
        </PlanSection>
      </Accordion>
    </Stack>
  );
}

/** The plan number by the domain's rule (54/KH-UBND), before the round trip; the server checks it again. */
function checkHeader(v: { number: string | null }): Record<string, string> {
  if (!v.number) return {};
  const r = planNumber.safeParse(v.number);
  return r.success ? {} : { number: r.error.issues[0]?.message ?? 'Số, ký hiệu không hợp lệ' };
}

type Header = Pick<
  PlanDocument,
  'kind' | 'parentIssuerName' | 'issuerName' | 'number' | 'place' | 'date' | 'year' | 'yearTo' | 'title'
>;

function HeaderFields({
  L,
  value,
  set,
  err,
}: {
  L: PlanLabels;
  value: Header;
  set: (p: Partial<Header>) => void;
  err: FieldError;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NativeSelect
        label={L.planKind}
        value={value.kind}
        onChange={(e) => set({ kind: e.currentTarget.value as Header['kind'] })}
        data={PLAN_DOCUMENT_KINDS.map((k) => ({ value: k, label: `${PLAN_KIND_NAMES[k]} (${k})` }))}
        error={err('kind')}
      />
      <TextInput
        label={L.parentIssuerName}
        description={L.parentIssuerHint}
        value={value.parentIssuerName ?? ''}
        onChange={(e) => set({ parentIssuerName: orNull(e.currentTarget.value) })}
        error={err('parentIssuerName')}
      />
      <TextInput
        label={L.issuerName}
        value={value.issuerName}
        onChange={(e) => set({ issuerName: e.currentTarget.value })}
        error={err('issuerName')}
      />
      <TextInput
        label={L.number}
        description={L.numberHint}
        value={value.number ?? ''}
        onChange={(e) => set({ number: orNull(e.currentTarget.value) })}
        error={err('number')}
        autoCapitalize="characters"
      />
      <TextInput
        label={L.place}
        value={value.place}
        onChange={(e) => set({ place: e.currentTarget.value })}
        error={err('place')}
      />
      <DateField
        label={L.date}
        value={value.date ?? ''}
        onChange={(iso) => set({ date: iso || null })}
        error={err('date')}
      />
      <NumberInput
        label={L.year}
        value={value.year}
        min={2000}
        max={2100}
        allowDecimal={false}
        onChange={(v) => set({ year: Number(v) })}
        error={err('year')}
      />
      <NumberInput
        label={L.yearTo}
        description={L.yearToHint}
        value={value.yearTo ?? ''}
        min={2000}
        max={2100}
        allowDecimal={false}
        onChange={(v) => set({ yearTo: v === '' ? null : Number(v) })}
        error={err('yearTo')}
      />
      <Textarea
        label={L.name}
        autosize
        minRows={2}
        value={value.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={err('title')}
        style={{ gridColumn: '1 / -1' }}
      />
    </SimpleGrid>
  );
}

function LegalBases({
  L,
  items,
  onChange,
  err,
}: {
  L: PlanLabels;
  items: DocumentReference[];
  onChange: (xs: DocumentReference[]) => void;
  err: FieldError;
}) {
  return (
    <ListEditor
      frame="fieldset"
      items={items}
      onChange={onChange}
      max={100}
      name={(i) => `${L.legalBasis} ${i + 1}`}
      emptyText={L.none}
      addLabel={L.addLegalBasis}
      // A new basis starts empty: the verbatim citation alone is enough (a law cited by name and date).
      make={() => ({ kind: '', number: '', issuer: null, date: null, title: '', citation: null })}
      render={(b, i, put) => {
        const set = (patch: Partial<DocumentReference>) => put({ ...b, ...patch });
        const e = (f: string) => err('legalBases', i, f);
        return (
          <>
            <Textarea
              label={L.citation}
              description={L.citationHint}
              autosize
              minRows={1}
              value={b.citation ?? ''}
              onChange={(ev) => set({ citation: orNull(ev.currentTarget.value) })}
              error={e('citation')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                label={L.kind}
                value={b.kind}
                onChange={(ev) => set({ kind: ev.currentTarget.value })}
                error={e('kind')}
              />
              <TextInput
                label={L.docNumber}
                value={b.number}
                onChange={(ev) => set({ number: ev.currentTarget.value })}
                error={e('number')}
              />
              <TextInput
                label={L.issuer}
                value={b.issuer ?? ''}
                onChange={(ev) => set({ issuer: orNull(ev.currentTarget.value) })}
                error={e('issuer')}
              />
              <DateField
                label={L.docDate}
                value={b.date ?? ''}
                onChange={(iso) => set({ date: iso || null })}
                error={e('date')}
              />
            </SimpleGrid>
            <Textarea
              label={L.docTitle}
              autosize
              minRows={1}
              value={b.title}
              onChange={(ev) => set({ title: ev.currentTarget.value })}
              error={e('title')}
            />
            {(b.citation?.trim() || (b.number.trim() && b.title.trim())) && (
              <Text size="sm" c="dimmed">
                {L.preview}: {formatCitation(b)}
              </Text>
            )}
          </>
        );
      }}
    />
  );
}

/** Paragraphs (III, IV, those of a part of V) or bullets ("Mục đích", "Yêu cầu"), each its own box. */
function ParagraphList({
  L,
  label,
  addLabel,
  items,
  onChange,
  err,
}: {
  L: PlanLabels;
  label: string;
  addLabel?: string;
  items: string[];
  onChange: (xs: string[]) => void;
  err: (i: number) => string | undefined;
}) {
  return (
    <ListEditor
      items={items}
      onChange={onChange}
      max={50}
      name={(i) => `${label} ${i + 1}`}
      addLabel={addLabel ?? L.addParagraph}
      make={() => ''}
      render={(p, i, put) => (
        <Textarea
          aria-label={`${label} ${i + 1}`}
          autosize
          minRows={2}
          value={p}
          onChange={(e) => put(e.currentTarget.value)}
          error={err(i)}
        />
      )}
    />
  );
}

/** Lettered items a), b), c)…: the letter follows the position; an optional extra editor per item. */
function LetteredList<T extends { letter: string; text: string }>({
  label,
  addLabel,
  items,
  onChange,
  err,
  make,
  extra,
}: {
  label: string;
  addLabel: string;
  items: T[];
  onChange: (xs: T[]) => void;
  err: (i: number, field: string) => string | undefined;
  make: () => T;
  extra?: (x: T, i: number, put: (patch: Partial<T>) => void) => ReactNode;
}) {
  return (
    <ListEditor
      items={items}
      onChange={onChange}
      normalize={reletter}
      max={MAX_LETTERED}
      name={(i) => `${label} ${letterAt(i)})`}
      head={(i) => (
        <Badge variant="light" size="lg" radius="sm" style={{ textTransform: 'none' }}>
          {letterAt(i)})
        </Badge>
      )}
      addLabel={addLabel}
      make={make}
      render={(x, i, put) => {
        const patch = (p: Partial<T>) => put({ ...x, ...p });
        return (
          <>
            {err(i, 'letter') && (
              <Text size="xs" c="red.8" role="alert">
                {err(i, 'letter')}
              </Text>
            )}
            <Textarea
              aria-label={`${label} ${letterAt(i)})`}
              autosize
              minRows={2}
              value={x.text}
              onChange={(e) => patch({ text: e.currentTarget.value } as Partial<T>)}
              error={err(i, 'text')}
            />
            {extra?.(x, i, patch)}
          </>
        );
      }}
    />
  );
}

/** Who a part or item of V refers to: units (searched by name) and the province's unit groups. */
function UnitRefs({
  L,
  provinceId,
  groups,
  refs,
  onChange,
  err,
  name,
}: {
  L: PlanLabels;
  provinceId: string;
  groups: ProvinceUnitGroup[];
  refs: PlanUnitRef[];
  onChange: (refs: PlanUnitRef[]) => void;
  err: (j: number) => string | undefined;
  name: string;
}) {
  const [pickerKey, setPickerKey] = useState(0);
  const labelOf = (r: PlanUnitRef) =>
    r.type === 'unit'
      ? (r.name ?? r.unitId)
      : (groups.find((g) => g.code === r.unitGroupCode)?.name ?? r.unitGroupCode);
  const has = (r: PlanUnitRef) =>
    refs.some((x) =>
      x.type === 'unit' && r.type === 'unit'
        ? x.unitId === r.unitId
        : x.type === 'unit_group' && r.type === 'unit_group' && x.unitGroupCode === r.unitGroupCode,
    );
  const add = (r: PlanUnitRef) => {
    if (!has(r)) onChange([...refs, r]);
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {L.refersTo}
      </Text>
      {refs.length > 0 && (
        <Group gap={6}>
          {refs.map((r, j) => (
            <Badge
              key={r.type === 'unit' ? r.unitId : `g:${r.unitGroupCode}`}
              variant="outline"
              color={err(j) ? 'red' : r.type === 'unit' ? 'blue' : 'grape'}
              size="lg"
              radius="sm"
              style={{ textTransform: 'none', maxWidth: '100%' }}
              rightSection={
                <ActionIcon
                  size="sm"
                  variant="transparent"
                  aria-label={`${L.removeRef}: ${labelOf(r)}`}
                  onClick={() => onChange(refs.filter((_, k) => k !== j))}
                >
                  ✕
                </ActionIcon>
              }
            >
              {labelOf(r)}
            </Badge>
          ))}
        </Group>
      )}
      {refs.map((r, j) =>
        err(j) ? (
          <Text key={r.type === 'unit' ? r.unitId : r.unitGroupCode} size="xs" c="red.8" role="alert">
            {labelOf(r)}: {err(j)}
          </Text>
        ) : null,
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <UnitPicker
          key={pickerKey}
          aria-label={`${L.addUnit} — ${name}`}
          placeholder={L.addUnit}
          provinceId={provinceId}
          value={null}
          onChange={(_, unit) => {
            if (unit) add({ type: 'unit', unitId: unit.unitId, name: unit.name });
            setPickerKey((k) => k + 1);
          }}
          comboboxProps={{ withinPortal: true }}
        />
        <NativeSelect
          aria-label={`${L.addGroup} — ${name}`}
          value=""
          onChange={(e) => {
            const code = e.currentTarget.value;
            if (code) add({ type: 'unit_group', unitGroupCode: code });
          }}
          data={[
            { value: '', label: `+ ${L.addGroup}` },
            ...groups.map((g) => ({ value: g.code, label: g.name })),
          ]}
        />
      </SimpleGrid>
    </Stack>
  );
}

function Responsibilities({
  L,
  provinceId,
  groups,
  items,
  onChange,
  err,
}: {
  L: PlanLabels;
  provinceId: string;
  groups: ProvinceUnitGroup[];
  items: Responsibility[];
  onChange: (xs: Responsibility[]) => void;
  err: FieldError;
}) {
  return (
    <ListEditor
      frame="fieldset"
      items={items}
      onChange={onChange}
      max={50}
      name={(i) => `${L.responsibility} ${i + 1}`}
      addLabel={L.addResponsibility}
      make={() => ({ heading: '', unitRefs: [], paragraphs: [], items: [] })}
      render={(r, i, put) => {
        const set = (patch: Partial<Responsibility>) => put({ ...r, ...patch });
        return (
          <>
            <TextInput
              label={`${i + 1}. ${L.heading}`}
              value={r.heading}
              onChange={(e) => set({ heading: e.currentTarget.value })}
              error={err('responsibilities', i, 'heading')}
            />
            <UnitRefs
              L={L}
              name={`${L.responsibility} ${i + 1}`}
              provinceId={provinceId}
              groups={groups}
              refs={r.unitRefs}
              onChange={(unitRefs) => set({ unitRefs })}
              err={(j) =>
                err('responsibilities', i, 'unitRefs', j, 'unitId') ??
                err('responsibilities', i, 'unitRefs', j, 'unitGroupCode')
              }
            />
            <ParagraphList
              L={L}
              label={`${L.paragraph} ${i + 1}.`}
              items={r.paragraphs}
              onChange={(paragraphs) => set({ paragraphs })}
              err={(k) => err('responsibilities', i, 'paragraphs', k)}
            />
            <Text size="sm" fw={500}>
              {L.items}
            </Text>
            <LetteredList<Item>
              label={`${i + 1}.`}
              addLabel={L.addItem}
              items={r.items}
              onChange={(xs) => set({ items: xs })}
              err={(k, f) => err('responsibilities', i, 'items', k, f)}
              make={() => ({ letter: '', text: '', unitRefs: [] })}
              extra={(x, k, putItem) => (
                <UnitRefs
                  L={L}
                  name={`${i + 1}.${letterAt(k)})`}
                  provinceId={provinceId}
                  groups={groups}
                  refs={x.unitRefs}
                  onChange={(unitRefs) => putItem({ unitRefs })}
                  err={(j) =>
                    err('responsibilities', i, 'items', k, 'unitRefs', j, 'unitId') ??
                    err('responsibilities', i, 'items', k, 'unitRefs', j, 'unitGroupCode')
                  }
                />
              )}
            />
          </>
        );
      }}
    />
  );
}
