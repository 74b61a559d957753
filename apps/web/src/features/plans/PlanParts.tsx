import { PLAN_PARTS, type PlanDocument, type PlanPart, partHeading, romanAt } from '@dx/domain';
import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { PlanLabels } from '../../locales/plans';
import { ListEditor } from './ListEditor';
import type { FieldError } from './PlanSection';

type Value = Pick<PlanDocument, 'parts' | 'headings'>;

/** The name of each part in the editor (its printed heading is the plan's own, below it). */
const partName = (L: PlanLabels, p: PlanPart) =>
  ({
    aims: L.partAims,
    objectives: L.partObjectives,
    themes: L.partThemes,
    tasks: L.partTasks,
    funding: L.partFunding,
    organisation: L.partOrganisation,
  })[p];

/** Whether a part has anything to print (layoutPlan leaves an empty part out). */
function hasContent(doc: PlanDocument, p: PlanPart): boolean {
  switch (p) {
    case 'aims':
      return doc.purposes.length + doc.requirements.length > 0;
    case 'objectives':
      return doc.generalObjectives.length + doc.targets.length > 0;
    case 'themes':
      return doc.themes.length > 0;
    case 'tasks':
      return doc.tasks.length > 0;
    case 'funding':
      return doc.funding.length > 0;
    case 'organisation':
      return doc.responsibilities.length > 0;
  }
}

/**
 * The parts of the plan: which it has, in which order and under which heading (with the headings of the
 * sections of "Mục đích, yêu cầu" and "Mục tiêu"). Numbered as they will print: an empty part is skipped.
 */
export function PlanParts({
  L,
  doc,
  value,
  set,
  err,
}: {
  L: PlanLabels;
  doc: PlanDocument;
  value: Value;
  set: (p: Partial<Value>) => void;
  err: FieldError;
}) {
  const h = value.headings;
  const heading = (key: keyof Value['headings'], label: string) => (
    <TextInput
      key={key}
      label={label}
      value={h[key]}
      onChange={(e) => set({ headings: { ...h, [key]: e.currentTarget.value } })}
      error={err('headings', key)}
    />
  );
  const missing = PLAN_PARTS.filter((p) => !value.parts.includes(p));
  // The Roman numeral each part prints under: only parts with content count.
  const printedAs = new Map<PlanPart, string>();
  for (const p of value.parts) if (hasContent(doc, p)) printedAs.set(p, `${romanAt(printedAs.size)}.`);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {L.partsIntro}
      </Text>
      <ListEditor
        frame="fieldset"
        items={value.parts}
        onChange={(parts) => set({ parts })}
        max={PLAN_PARTS.length}
        name={(i) => {
          const p = value.parts[i]!;
          return `${printedAs.get(p) ?? '—'} ${partName(L, p)}`;
        }}
        render={(p) => (
          <>
            {!printedAs.has(p) && (
              <Text size="sm" c="dimmed">
                {L.partEmpty}
              </Text>
            )}
            {heading(p, `${L.partHeading}: ${partName(L, p)}`)}
            {p === 'aims' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {heading('purpose', L.hPurpose)}
                {heading('requirements', L.hRequirements)}
              </SimpleGrid>
            )}
            {p === 'objectives' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {heading('generalObjectives', L.hGeneralObjectives)}
                {heading('targets', L.hTargets)}
              </SimpleGrid>
            )}
            {err('parts', value.parts.indexOf(p)) && (
              <Text size="xs" c="red.8" role="alert">
                {err('parts', value.parts.indexOf(p))}
              </Text>
            )}
          </>
        )}
      />
      {missing.length > 0 && (
        <NativeSelect
          label={L.addPart}
          value=""
          onChange={(e) => {
            const p = e.currentTarget.value as PlanPart;
            if (p) set({ parts: [...value.parts, p] });
          }}
          data={[
            { value: '', label: `+ ${L.addPart}` },
            ...missing.map((p) => ({ value: p, label: partName(L, p) })),
          ]}
        />
      )}
      {/* What the chosen order prints, as a check before saving. */}
      <Text size="sm" c="dimmed">
        {value.parts
          .filter((p) => printedAs.has(p))
          .map((p) => `${printedAs.get(p)} ${partHeading(h, p).toLocaleUpperCase('vi')}`)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
