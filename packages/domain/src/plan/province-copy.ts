import { foldVietnamese } from '../text';
import { parseDocumentNumber } from './document-number';
import { formatCitation } from './format';
import type { PlanDocument, PlanDocumentInput, PlanUnitRef } from './plan';
import { copyPlanDocument } from './template';

/** A unit as the copy sees it: its id, its name and its kind (department, district, press agency…). */
export type UnitInfo = { unitId: string; name: string; kind: string };

/** One unit the source plan names, with the target province's unit it maps to (if one is clear) and the choices. */
export type UnitMappingRow = UnitInfo & { suggestion: UnitInfo | null; candidates: UnitInfo[] };

/** One unit group the source plan names, and whether the target province has a group with that code. */
export type GroupMappingRow = { code: string; exists: boolean };

/** Every unit a plan's responsibilities name (V. Tổ chức thực hiện), once each, in order. */
export function planUnitIds(doc: PlanDocument): string[] {
  const refs = doc.responsibilities.flatMap((r) => [...r.unitRefs, ...r.items.flatMap((i) => i.unitRefs)]);
  return [...new Set(refs.flatMap((u) => (u.type === 'unit' ? [u.unitId] : [])))];
}

/** Every unit group a plan names: its targets' subjects and its responsibilities. */
export function planGroupCodes(doc: PlanDocument): string[] {
  const refs = doc.responsibilities.flatMap((r) => [...r.unitRefs, ...r.items.flatMap((i) => i.unitRefs)]);
  return [
    ...new Set([
      ...doc.targets.flatMap((t) => (t.subject.type === 'unit_group' ? [t.subject.unitGroupCode] : [])),
      ...refs.flatMap((u) => (u.type === 'unit_group' ? [u.unitGroupCode] : [])),
    ]),
  ];
}

/**
 * A unit's name without what names its province ("Sở Tài chính tỉnh X" → "so tai chinh"), so that
 * the same office of two provinces compares equal.
 */
function genericName(name: string, place: string): string {
  const p = foldVietnamese(place);
  return foldVietnamese(name)
    .replace(new RegExp(`\\b(tinh|thanh pho)?\\s*${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Maps the units a plan names onto another province's units by kind and name (Sở Tài chính → that province's Sở
 * Tài chính): a suggestion when exactly one unit of the same kind has the same name once the province's own
 * words are set aside; otherwise none, and the same-kind units as the choices.
 */
export function suggestUnitMapping(
  source: readonly UnitInfo[],
  target: readonly UnitInfo[],
  o: { fromPlace: string; toPlace: string },
): UnitMappingRow[] {
  return source.map((u) => {
    const candidates = target.filter((t) => t.kind === u.kind);
    const want = genericName(u.name, o.fromPlace);
    const same = candidates.filter((t) => genericName(t.name, o.toPlace) === want);
    return { ...u, suggestion: same.length === 1 ? same[0]! : null, candidates };
  });
}

/** Issuer codes of a province's own bodies: documents they issued belong to the source province, not the target. */
const LOCAL_ISSUERS = /^(UBND|HĐND|TU|BCĐ|VP|S[A-ZĐ]+)(-|$)/u;

/**
 * A draft for another province (and year) from a plan: structure, texts, themes, targets; the issuer and place of
 * the target province; the source province's name in texts replaced by the target's; unit references re-mapped
 * (`unitMap`: source unit → target unit, or null to drop the reference) and unit groups by code (`groupMap`);
 * legal bases issued by the source province's own bodies left out (they do not bind the target). Pure.
 */
export function copyPlanToProvince(
  source: PlanDocument,
  o: {
    year: number;
    title?: string | undefined;
    fromPlace: string;
    toPlace: string;
    /** The target province's People's Committee, e.g. "ỦY BAN NHÂN DÂN TỈNH HÀ NAM". */
    committee: string;
    unitMap: ReadonlyMap<string, UnitInfo | null>;
    groupMap: ReadonlyMap<string, string | null>;
  },
): PlanDocumentInput {
  const base = copyPlanDocument(source, o.year, o.title) as PlanDocument;
  const swap = (s: string) => s.replaceAll(o.fromPlace, o.toPlace);
  const swapUpper = (s: string) =>
    s
      .replaceAll(o.fromPlace.toLocaleUpperCase('vi'), o.toPlace.toLocaleUpperCase('vi'))
      .replaceAll(o.fromPlace, o.toPlace);
  const refs = (xs: PlanUnitRef[]): PlanUnitRef[] =>
    xs.flatMap((r): PlanUnitRef[] => {
      if (r.type === 'unit') {
        const to = o.unitMap.get(r.unitId);
        return to ? [{ type: 'unit', unitId: to.unitId, name: to.name }] : [];
      }
      const code = o.groupMap.has(r.unitGroupCode) ? o.groupMap.get(r.unitGroupCode) : r.unitGroupCode;
      return code ? [{ type: 'unit_group', unitGroupCode: code }] : [];
    });
  const local = (b: PlanDocument['legalBases'][number]) => {
    const issuer = b.number ? parseDocumentNumber(b.number)?.issuerCode : undefined;
    return (
      formatCitation(b).includes(o.fromPlace) ||
      (issuer !== undefined && LOCAL_ISSUERS.test(issuer)) ||
      /-NQ\/TU$/u.test(b.number)
    );
  };
  return {
    ...base,
    issuerName: source.parentIssuerName ? base.issuerName : o.committee,
    parentIssuerName: source.parentIssuerName ? o.committee : null,
    place: o.toPlace,
    title: o.title ?? swap(base.title),
    legalBases: base.legalBases.filter((b) => !local(b)),
    preambleClosing: swap(base.preambleClosing),
    purposes: base.purposes.map(swap),
    requirements: base.requirements.map(swap),
    generalObjectives: base.generalObjectives.map((x) => ({ ...x, text: swap(x.text) })),
    targets: base.targets.map((t) => ({
      ...t,
      text: swap(t.text),
      subject:
        t.subject.type === 'unit_group'
          ? {
              type: 'unit_group',
              unitGroupCode: o.groupMap.get(t.subject.unitGroupCode) ?? t.subject.unitGroupCode,
            }
          : t.subject,
    })),
    themes: base.themes.map((t) => ({
      ...t,
      title: swap(t.title),
      bullets: t.bullets.map(swap),
      children: t.children.map((c) => ({ ...c, title: swap(c.title), bullets: c.bullets.map(swap) })),
    })),
    tasks: base.tasks.map(swap),
    funding: base.funding.map(swap),
    responsibilities: base.responsibilities.map((r) => ({
      heading: swap(r.heading),
      unitRefs: refs(r.unitRefs),
      paragraphs: r.paragraphs.map(swap),
      items: r.items.map((i) => ({ ...i, text: swap(i.text), unitRefs: refs(i.unitRefs) })),
    })),
    closing: swap(base.closing),
    recipients: base.recipients.map(swap),
    signature: { ...base.signature, authority: swapUpper(base.signature.authority), signer: '' },
  };
}
