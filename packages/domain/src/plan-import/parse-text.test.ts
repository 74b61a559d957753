import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockText, layoutPlan } from '../plan/layout';
import { parsePlanMarkdown } from '../plan/parse-markdown';
import { validatePlanDocument } from '../plan/plan';
import { type PlanImportDraft, parsePlanText } from './parse-text';
import { repairOcrText, syllableModelFor } from './repair';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test-data/plan-import/${name}`, import.meta.url), 'utf8');
const SEED_MD = new URL('../../../db/data/plans/54-KH-UBND-2023.vi.md', import.meta.url);

function draftOf(text: string, ocr = false): PlanImportDraft {
  const r = parsePlanText(text, { ocr });
  if (!r.ok) throw new Error(r.message);
  return r.draft;
}

describe('plan 54 from its OCR text', () => {
  // Hải Phòng's own names, as the server reads them from its data for the repair (issue 15).
  const names = fixture('haiphong-names.txt').split('\n');
  const repaired = repairOcrText(fixture('54-KH-UBND-2023.ocr.txt'), syllableModelFor(names));
  const parsed = parsePlanText(repaired.text, { ocr: true, doubtful: repaired.doubtful });
  if (!parsed.ok) throw new Error(parsed.message);
  const draft = parsed.draft;
  const d = draft.document;

  it('reads the header and the parent plan', () => {
    expect(d).toMatchObject({
      issuerName: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG',
      number: '54/KH-UBND',
      place: 'Hải Phòng',
      date: '2023-02-22',
      year: 2023,
    });
    expect(draft.kind).toBe('KH');
    expect(d.legalBases.map((b) => b.number)).toEqual([
      '03-NQ/TU',
      '284/QĐ-UBND',
      '29/KH-UBND',
      '12/KH-UBND',
    ]);
    expect(draft.parentPlanNumber).toBe('29/KH-UBND');
  });

  it('has all six targets with goals parsed and a suggested subject', () => {
    expect(d.targets.map((t) => t.letter)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e']);
    expect(d.targets.map((t) => t.goal)).toEqual([
      { comparator: 'eq', value: 100, unit: 'percent' },
      { comparator: 'eq', value: 100, unit: 'percent' },
      { comparator: 'eq', value: 100, unit: 'percent' },
      { comparator: 'eq', value: 100, unit: 'percent' },
      { comparator: 'between', value: 1, max: 2, unit: 'count' },
      { comparator: 'gte', value: 50, unit: 'percent' },
    ]);
    expect(d.targets.every((t) => t.subject)).toBe(true);
  });

  it('has themes II.1–6 and II.4 a–h, the three groups of actors in V, 9 recipients and the signer', () => {
    expect(d.themes.map((t) => t.label)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(d.themes[3]!.children!.map((c) => c.label)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h']);
    expect(d.responsibilities.map((r) => [r.items?.length, r.paragraphs?.length])).toEqual([
      [4, 0],
      [0, 1],
      [2, 0],
    ]);
    expect(d.recipients).toHaveLength(9);
    expect(d.signature).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      delegation: 'KT. CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      signer: 'Hoàng Minh Cường',
    });
  });

  it('gives every field its source span and a confidence', () => {
    expect(draft.fields.length).toBeGreaterThan(30);
    for (const field of draft.fields) {
      expect(field.confidence).toBeGreaterThan(0);
      expect(field.confidence).toBeLessThanOrEqual(1);
    }
    // Paragraphs with more words the repair was unsure of read less certain than clean ones.
    const confidences = draft.fields.map((x) => x.confidence);
    expect(Math.min(...confidences)).toBeLessThan(Math.max(...confidences) - 0.2);
    for (const d of repaired.doubtful) expect(repaired.text.slice(d.start, d.end)).toMatch(/^[\p{L}\d]+$/u);
    const title = draft.fields.find((x) => x.path.join('.') === 'title')!;
    expect(title.source?.text).toContain('chuyển đổi số');
  });

  it('is a valid plan once read', () => {
    expect(validatePlanDocument(d).ok).toBe(true);
  });
});

describe('the clean transcription', () => {
  it('imports to exactly what the seed parses', () => {
    const md = readFileSync(SEED_MD, 'utf8');
    expect(draftOf(md).document).toEqual(parsePlanMarkdown(md).document);
  });
});

describe('plans of other shapes', () => {
  it("reads a department's plan with the two-line header and a KT. GIÁM ĐỐC signature", () => {
    const draft = draftOf(fixture('department-plan.txt'));
    expect(draft.parentIssuer).toBe('UBND TỈNH HÀ NAM');
    expect(draft.document).toMatchObject({
      kind: 'KH',
      parentIssuerName: 'UBND TỈNH HÀ NAM',
      issuerName: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      number: '25/KH-STTTT',
      date: '2024-03-05',
      signature: { authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', signer: 'Trần Văn Bình' },
    });
    expect(draft.document.targets.map((t) => t.goal)).toEqual([
      { comparator: 'eq', value: 100, unit: 'percent' },
      { comparator: 'gte', value: 80, unit: 'percent' },
      { comparator: 'between', value: 2, max: 3, unit: 'count' },
    ]);
    expect(draft.document.themes[0]!.children!.map((c) => [c.label, c.bullets?.length])).toEqual([
      ['a', 2],
      ['b', 0],
    ]);
    expect(draft.document.responsibilities.map((r) => r.heading)).toEqual([
      'Văn phòng Sở',
      'Các phòng, đơn vị thuộc Sở',
    ]);
    // Target b names no subject the platform counts: the only thing left for the user to choose.
    const checked = validatePlanDocument(draft.document);
    expect(checked.ok ? [] : checked.issues.map((i) => i.path.join('.'))).toEqual(['targets.1.subject']);
  });

  it('reads a multi-year programme with its period, per-year targets and appendix', () => {
    const draft = draftOf(fixture('programme-2022-2025.txt'));
    expect(draft.kind).toBe('CTr');
    expect(draft.period).toEqual({ from: 2022, to: 2025 });
    expect(draft.targetPeriods).toEqual([2025, 'each-year', 'each-year']);
    // The programme keeps its own kind, number and period (it is no longer read as a one-year Kế hoạch).
    expect(draft.document).toMatchObject({ kind: 'CTr', number: '18/CTr-UBND', year: 2022, yearTo: 2025 });
    expect(draft.sourceNumber).toBe('18/CTr-UBND');
    expect(draft.document.signature).toMatchObject({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      position: 'CHỦ TỊCH',
    });
    expect(draft.appendix.map((r) => [r.stt, r.lead])).toEqual([
      ['1', 'Sở Thông tin và Truyền thông'],
      ['2', 'Sở Nội vụ'],
    ]);
    expect(draft.document.closing).toMatch(/^Trong quá trình thực hiện/u);
  });

  it('reads a Quyết định with the plan attached: the plan body, the decision bases and signature', () => {
    const draft = draftOf(fixture('decision-with-plan.txt'));
    expect(draft.kind).toBe('QĐ');
    expect(draft.sourceNumber).toBe('512/QĐ-UBND');
    expect(draft.document).toMatchObject({ kind: 'QĐ', number: '512/QĐ-UBND', yearTo: null });
    expect(draft.document.title).toBe('Truyền thông về chuyển đổi số tỉnh Quảng Trị năm 2023');
    expect(draft.document.issuerName).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ');
    // The law cited by name and date only is kept as its verbatim citation.
    expect(draft.document.legalBases.map((b) => b.number || b.citation)).toEqual([
      'Luật Tổ chức chính quyền địa phương ngày 19/6/2015',
      '749/QĐ-TTg',
    ]);
    expect(draft.document.targets).toHaveLength(2);
    expect(draft.document.themes).toHaveLength(2);
    expect(draft.document.responsibilities).toHaveLength(2);
    expect(draft.document.signature).toMatchObject({ delegation: 'KT. CHỦ TỊCH', signer: 'Hoàng Nam' });
  });
});

describe('malformed input', () => {
  it('refuses empty text, noise and oversized text with a message and no draft', () => {
    expect(parsePlanText('   \n ')).toMatchObject({ ok: false, code: 'EMPTY' });
    const noise = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join(
      '',
    );
    expect(parsePlanText(noise)).toMatchObject({ ok: false, code: 'NOT_A_PLAN' });
    const big = 'x'.repeat(5 * 1024 * 1024);
    const r = parsePlanText(big);
    expect(r).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(r.ok ? '' : r.message).toMatch(/ký tự/u);
  });
});

describe('a plan with "Mục đích, yêu cầu", its parts in its own order and a verbatim legal basis', () => {
  const draft = draftOf(fixture('plan-with-aims.txt'));
  const d = draft.document;

  it('reads the purposes and requirements and keeps the parts in the document’s order', () => {
    expect(d.purposes).toEqual([
      'Nâng cao nhận thức của cán bộ, công chức và người dân về chuyển đổi số.',
      'Tạo sự đồng thuận của xã hội trong triển khai chuyển đổi số.',
    ]);
    expect(d.requirements).toHaveLength(1);
    expect(d.parts).toEqual(['aims', 'objectives', 'themes', 'organisation', 'funding', 'tasks']);
    expect(d.headings).toMatchObject({
      aims: 'MỤC ĐÍCH, YÊU CẦU',
      purpose: 'Mục đích',
      requirements: 'Yêu cầu',
      objectives: 'MỤC TIÊU',
      generalObjectives: 'Mục tiêu chung',
      targets: 'Mục tiêu cụ thể',
    });
    expect(d.targets.map((t) => t.letter)).toEqual(['a', 'b']);
    expect(d.responsibilities.map((r) => r.heading)).toEqual([
      'Sở Khoa học và Công nghệ',
      'Các sở, ban, ngành; Ủy ban nhân dân các huyện, thành phố',
    ]);
  });

  it('keeps a law cited without a number as its verbatim citation only', () => {
    expect(d.legalBases[0]).toMatchObject({
      kind: '',
      number: '',
      title: '',
      citation: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
    });
    expect(d.legalBases[1]).toMatchObject({ kind: 'Quyết định', number: '749/QĐ-TTg' });
    const checked = validatePlanDocument(d);
    expect(checked.ok ? [] : checked.issues.map((i) => i.path.join('.'))).toEqual([]);
  });

  it('prints the parts in its order, numbered as printed, and not the empty tasks part', () => {
    const checked = validatePlanDocument(d);
    if (!checked.ok) throw new Error('invalid');
    const parts = layoutPlan(checked.value)
      .body.filter((b) => b.kind === 'part')
      .map((b) => blockText(b));
    expect(parts).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. MỤC TIÊU',
      'III. NỘI DUNG TUYÊN TRUYỀN',
      'IV. TỔ CHỨC THỰC HIỆN',
      'V. KINH PHÍ THỰC HIỆN',
    ]);
  });
});
