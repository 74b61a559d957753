import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, parseDocumentNumber, planNumber } from './document-number';
import { formatCitation, formatGoal, formatPlaceAndDate } from './format';
import { inferGoal } from './inference';
import { exportFileName, layoutPlan } from './layout';
import { checkLetterSequence, letterAt, VIETNAMESE_LETTERS } from './lettering';
import { parsePlanMarkdown } from './parse-markdown';
import { type PlanDocument, validatePlanDocument } from './plan';
import { copyPlanDocument } from './template';

const SEED = resolve(import.meta.dirname, '../../../db/data/plans/54-KH-UBND-2023.vi.md');
const plan54 = () => {
  const parsed = parsePlanMarkdown(readFileSync(SEED, 'utf8'));
  const v = validatePlanDocument(parsed.document);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return { ...parsed, doc: v.value };
};

describe('document number (Nghị định 30/2020, Phụ lục I, II.4)', () => {
  it('parses and formats <number>/<type>-<issuer>', () => {
    expect(parseDocumentNumber('54/KH-UBND')).toEqual({ number: 54, typeCode: 'KH', issuerCode: 'UBND' });
    expect(parseDocumentNumber('284/QĐ-UBND')).toEqual({ number: 284, typeCode: 'QĐ', issuerCode: 'UBND' });
    expect(parseDocumentNumber('12/KH-VP-UBND')?.issuerCode).toBe('VP-UBND');
    expect(formatDocumentNumber({ number: 54, typeCode: 'KH', issuerCode: 'UBND' })).toBe('54/KH-UBND');
  });
  it('refuses malformed numbers and non-plan types with a message', () => {
    for (const bad of ['54-KH-UBND', 'KH-UBND', '54/KH', '0/KH-UBND', '54/kh-UBND', '54 /KH-UBND x']) {
      expect(parseDocumentNumber(bad), bad).toBeNull();
    }
    expect(planNumber.safeParse('54/KH-UBND').success).toBe(true);
    // A plan is issued as a Kế hoạch, a Quyết định with the plan attached, a Chương trình, Đề án or Hướng dẫn.
    for (const ok of ['54/QĐ-UBND', '18/CTr-UBND', '3/ĐA-UBND', '7/HD-STTTT'])
      expect(planNumber.safeParse(ok).success, ok).toBe(true);
    expect(planNumber.safeParse('54/NQ-HĐND').error?.issues[0]?.message).toMatch(/KH, QĐ, CTr, ĐA hoặc HD/);
    expect(planNumber.safeParse('54-KH').error?.issues[0]?.message).toMatch(/<số>\/<loại>-<cơ quan>/);
  });
});

describe('document kinds and issuers (issue 17)', () => {
  it('a number carries the kind of the document; a multi-year plan ends after it starts', () => {
    const { doc } = plan54();
    expect(doc.kind).toBe('KH');
    const asDecision = validatePlanDocument({ ...doc, kind: 'QĐ' });
    expect(asDecision.ok ? [] : asDecision.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['number', 'Ký hiệu loại văn bản phải là QĐ (Quyết định), ví dụ 54/QĐ-UBND'],
    ]);
    expect(validatePlanDocument({ ...doc, kind: 'QĐ', number: '512/QĐ-UBND' }).ok).toBe(true);
    const backwards = validatePlanDocument({ ...doc, yearTo: doc.year });
    expect(backwards.ok ? [] : backwards.issues.map((i) => i.path.join('.'))).toEqual(['yearTo']);
    expect(validatePlanDocument({ ...doc, yearTo: 2025 }).ok).toBe(true);
  });

  it("lays out a department's programme with the two-line header, and a plan attached to a Quyết định", () => {
    const { doc } = plan54();
    const programme = layoutPlan({
      ...doc,
      kind: 'CTr',
      number: '18/CTr-STTTT',
      parentIssuerName: 'UBND TỈNH HÀ NAM',
      issuerName: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      yearTo: 2025,
    });
    expect(programme).toMatchObject({
      issuerParent: 'UBND TỈNH HÀ NAM',
      issuer: ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG'],
      numberLine: 'Số: 18/CTr-STTTT',
      docType: 'CHƯƠNG TRÌNH',
    });
    expect(programme.subjectNote).toBeUndefined();
    expect(exportFileName({ ...doc, kind: 'CTr', number: '18/CTr-STTTT', yearTo: 2025 })).toBe(
      'Chuong-trinh-18-CTr-STTTT-2023-2025',
    );
    const attached = layoutPlan({ ...doc, kind: 'QĐ', number: '512/QĐ-UBND', date: '2023-03-01' });
    expect(attached).toMatchObject({
      issuer: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG'],
      docType: 'KẾ HOẠCH',
      subjectNote: '(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 01/03/2023)',
    });
    expect(attached.issuerParent).toBeUndefined();
    const draft = layoutPlan({ ...doc, kind: 'HD', number: null, date: null });
    expect([draft.docType, draft.numberLine.trim()]).toEqual(['HƯỚNG DẪN', 'Số:       /HD-…'.trim()]);
  });
});

describe('Vietnamese lettering', () => {
  it('runs a, b, c, d, đ, e, g, h — no f', () => {
    expect(VIETNAMESE_LETTERS.slice(0, 8).join('')).toBe('abcdđegh');
    expect(VIETNAMESE_LETTERS).not.toContain('f');
    expect(letterAt(4)).toBe('đ');
  });
  it('reports letters out of sequence, with a hint for f', () => {
    expect(checkLetterSequence(['a', 'b', 'c', 'd', 'đ', 'e'])).toEqual([]);
    const [issue] = checkLetterSequence(['a', 'b', 'c', 'd', 'e']);
    expect(issue).toMatchObject({ index: 4, expected: 'đ', actual: 'e' });
    expect(checkLetterSequence(['a', 'b', 'c', 'd', 'đ', 'e', 'f'])[0]?.message).toMatch(/không có f/);
  });
});

describe('formats', () => {
  it('writes the date with leading zeros for days below 10 and months 1–2 only', () => {
    expect(formatPlaceAndDate('Hải Phòng', '2023-02-22')).toBe('Hải Phòng, ngày 22 tháng 02 năm 2023');
    expect(formatPlaceAndDate('Hải Phòng', '2020-06-03')).toBe('Hải Phòng, ngày 03 tháng 6 năm 2020');
    expect(formatPlaceAndDate('Hải Phòng', '2023-10-26')).toBe('Hải Phòng, ngày 26 tháng 10 năm 2023');
  });
  it('reads goals from target wording', () => {
    expect(inferGoal('100% các cơ quan')).toEqual({ comparator: 'eq', value: 100, unit: 'percent' });
    expect(inferGoal('Tối thiểu 50% các trường học')).toEqual({
      comparator: 'gte',
      value: 50,
      unit: 'percent',
    });
    expect(inferGoal('Tổ chức 01-02 cuộc thi')).toEqual({
      comparator: 'between',
      value: 1,
      max: 2,
      unit: 'count',
    });
    expect(inferGoal('Đẩy mạnh công tác')).toBeNull();
    expect(formatGoal({ comparator: 'gte', value: 50, unit: 'percent' })).toBe('≥ 50%');
  });
});

describe('parsePlanMarkdown(54/KH-UBND)', () => {
  it('reads the header, legal bases and signature', () => {
    const { doc, warnings } = plan54();
    expect(warnings).toEqual([]);
    expect(doc).toMatchObject({
      issuerName: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG',
      number: '54/KH-UBND',
      place: 'Hải Phòng',
      date: '2023-02-22',
      year: 2023,
      title: 'Truyền thông về chuyển đổi số trên địa bàn thành phố Hải Phòng năm 2023',
      signature: {
        authority: 'TM. ỦY BAN NHÂN DÂN',
        delegation: 'KT. CHỦ TỊCH',
        position: 'PHÓ CHỦ TỊCH',
        signer: 'Hoàng Minh Cường',
      },
    });
    expect(doc.legalBases.map((b) => [b.kind, b.number, b.date])).toEqual([
      ['Nghị quyết', '03-NQ/TU', '2021-10-26'],
      ['Quyết định', '284/QĐ-UBND', '2022-01-24'],
      ['Kế hoạch', '29/KH-UBND', '2022-02-09'],
      ['Kế hoạch', '12/KH-UBND', '2023-01-12'],
    ]);
    // The citation prints exactly as signed.
    expect(doc.legalBases.map(formatCitation).join('; ')).toContain(
      'Quyết định số 284/QĐ-UBND ngày 24/01/2022 về Chương trình',
    );
    expect(doc.recipients).toHaveLength(9);
    expect(doc.recipients.at(-1)).toBe('Lưu: VT.');
    expect(doc.closing).toMatch(/xem xét, chỉ đạo\.$/);
  });

  it('maps the six targets to the definitions in docs/brief.md', () => {
    const { doc } = plan54();
    expect(doc.targets.map((t) => [t.letter, t.goal, t.subject])).toEqual([
      [
        'a',
        { comparator: 'eq', value: 100, unit: 'percent' },
        { type: 'unit_group', unitGroupCode: 'all-reporting-units' },
      ],
      ['b', { comparator: 'eq', value: 100, unit: 'percent' }, { type: 'record', recordKind: 'channel' }],
      ['c', { comparator: 'eq', value: 100, unit: 'percent' }, { type: 'record', recordKind: 'person' }],
      ['d', { comparator: 'eq', value: 100, unit: 'percent' }, { type: 'record', recordKind: 'dx_model' }],
      [
        'đ',
        { comparator: 'between', value: 1, max: 2, unit: 'count' },
        { type: 'record', recordKind: 'event' },
      ],
      [
        'e',
        { comparator: 'gte', value: 50, unit: 'percent' },
        { type: 'unit_group', unitGroupCode: 'all-schools' },
      ],
    ]);
  });

  it('reads the theme taxonomy II.1–6 and II.4 a–h with bullets, the text as signed (no editorial marks)', () => {
    const { doc } = plan54();
    expect(doc.themes.map((t) => t.label)).toEqual(['1', '2', '3', '4', '5', '6']);
    const four = doc.themes[3]!;
    expect(four.children.map((c) => c.label)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h']);
    expect(four.children.map((c) => c.bullets.length)).toEqual([3, 3, 2, 3, 2, 3, 2, 4]);
    expect(four.children[0]!.title).toBe('Tuyên truyền về Thể chế số');
    expect(doc.themes[1]!.title).toContain('ngày 31 tháng 3 tháng 2022 của Thủ tướng');
    expect(four.children[1]!.bullets[0]).toContain('tại các một số khu đô thị trung tâm.');
    expect(JSON.stringify({ ...doc, notes: [] })).not.toMatch(/\[sic|\[\?\]/);
    // The transcription's notes (its header) are kept as notes, outside the text.
    expect(doc.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^II\.2 "ngày 31 tháng 3 tháng 2022": the source's typo/),
        expect.stringMatching(/^Signature block "PHÓ CHỦ TỊCH"/),
      ]),
    );
    expect(doc.responsibilities.map((r) => [r.heading, r.items.length, r.paragraphs.length])).toEqual([
      ['Sở Thông tin và Truyền thông', 4, 0],
      ['Sở Tài chính', 0, 1],
      ['Các cơ quan, đơn vị, địa phương, tổ chức chính trị - xã hội và các đơn vị liên quan', 2, 0],
    ]);
    // The editor's note is not part of the document.
    expect(doc.notes!.some((n) => n.startsWith("Editor's note"))).toBe(true);
    expect(doc.tasks).toEqual([
      'Có Danh mục nhiệm vụ và thời gian thực hiện cụ thể tại Phụ lục kèm theo Kế hoạch này',
    ]);
  });
});

describe('validatePlanDocument', () => {
  const edit = (f: (d: PlanDocument) => void) => {
    const d = structuredClone(plan54().doc);
    f(d);
    return validatePlanDocument(d);
  };
  it('refuses a target without a goal, with the field path', () => {
    const r = edit((d) => {
      delete (d.targets[0] as Partial<PlanDocument['targets'][0]>).goal;
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toContainEqual(
        expect.objectContaining({
          path: ['targets', 0, 'goal'],
          message: expect.stringMatching(/mục tiêu định lượng/),
        }),
      );
  });
  it('refuses a theme letter out of sequence (f instead of g)', () => {
    const r = edit((d) => {
      d.themes[3]!.children[6]!.label = 'f';
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        expect.objectContaining({
          path: ['themes', 3, 'children', 6, 'label'],
          message: expect.stringMatching(/phải là "g\)"/),
        }),
      ]);
  });
  it('refuses a between goal without a maximum and a rate above 100%', () => {
    const r = edit((d) => {
      d.targets[4]!.goal = { comparator: 'between', value: 1, unit: 'count' };
      d.targets[0]!.goal = { comparator: 'eq', value: 120, unit: 'percent' };
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path.join('.'))).toEqual(
        expect.arrayContaining(['targets.4.goal.max', 'targets.0.goal.value']),
      );
    }
  });
  it('copies a plan to a new year as a draft without ids', () => {
    const copy = copyPlanDocument(plan54().doc, 2024);
    expect(copy).toMatchObject({ number: null, date: null, year: 2024 });
    expect(copy.title).toBe('Truyền thông về chuyển đổi số trên địa bàn thành phố Hải Phòng năm 2024');
    expect(validatePlanDocument(copy).ok).toBe(true);
  });
});

describe('parsePlanMarkdown: layout variants', () => {
  it('a bullet list set apart from its "a)" line by a blank line belongs to it; without a header there are no notes', () => {
    const md = [
      '## II. NỘI DUNG TUYÊN TRUYỀN',
      '',
      '4. Thông tin tuyên truyền:',
      '',
      'a) Tuyên truyền về Thể chế số',
      '',
      '- Gạch một.',
      '- Gạch hai,',
      '  còn tiếp.',
    ].join('\n');
    const { document } = parsePlanMarkdown(md);
    expect(document.themes[0]!.children).toEqual([
      { label: 'a', title: 'Tuyên truyền về Thể chế số', bullets: ['Gạch một.', 'Gạch hai, còn tiếp.'] },
    ]);
    expect(document.notes).toEqual([]);
  });
});

describe('parts as plans are written (issue 17)', () => {
  const partsOf = (doc: PlanDocument) =>
    layoutPlan(doc)
      .body.filter((b) => b.kind === 'part' || b.kind === 'section')
      .map((b) => `${b.label} ${b.text}`);

  it('prints plan 54 as before: five parts, I.1 and I.2', () => {
    const { doc } = plan54();
    expect(doc.parts).toEqual(['aims', 'objectives', 'themes', 'tasks', 'funding', 'organisation']);
    expect(partsOf(doc).filter((x) => /^[IVX]+\./.test(x))).toEqual([
      'I. MỤC TIÊU TUYÊN TRUYỀN',
      'II. NỘI DUNG TUYÊN TRUYỀN',
      'III. NHIỆM VỤ CỤ THỂ',
      'IV. KINH PHÍ THỰC HIỆN',
      'V. TỔ CHỨC THỰC HIỆN',
    ]);
  });

  it('prints "Mục đích, yêu cầu" first when filled in, parts in the chosen order, renamed, empty ones left out', () => {
    const { doc } = plan54();
    const edited: PlanDocument = {
      ...doc,
      purposes: ['Nâng cao nhận thức về chuyển đổi số.'],
      requirements: [],
      generalObjectives: [],
      tasks: [],
      parts: ['aims', 'objectives', 'themes', 'organisation', 'funding', 'tasks'],
      headings: { ...doc.headings, funding: 'Kinh phí', aims: 'Mục đích, yêu cầu' },
    };
    expect(validatePlanDocument(edited).ok).toBe(true);
    const printed = partsOf(edited);
    expect(printed.filter((x) => /^[IVX]+\./.test(x))).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. MỤC TIÊU TUYÊN TRUYỀN',
      'III. NỘI DUNG TUYÊN TRUYỀN',
      'IV. TỔ CHỨC THỰC HIỆN',
      'V. KINH PHÍ',
    ]);
    // "2. Yêu cầu" and "1. Mục tiêu tổng quát" are empty: not printed, and the next section is numbered 1.
    expect(printed.slice(0, 4)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'II. MỤC TIÊU TUYÊN TRUYỀN',
      '1. Mục tiêu cụ thể',
    ]);
    const body = layoutPlan(edited).body;
    expect(body.find((b) => b.kind === 'bullet')?.text).toBe('Nâng cao nhận thức về chuyển đổi số.');
  });

  it('leaves out a part removed from the order even with content; a part twice is refused', () => {
    const { doc } = plan54();
    const noFunding = { ...doc, parts: doc.parts.filter((p) => p !== 'funding') };
    expect(partsOf(noFunding).some((x) => x.includes('KINH PHÍ'))).toBe(false);
    const twice = validatePlanDocument({ ...doc, parts: ['themes', 'themes'] });
    expect(twice.ok ? [] : twice.issues.map((i) => i.path.join('.'))).toEqual(['parts.1']);
  });

  it('takes a legal basis as a verbatim citation only; without one it needs kind, number and title', () => {
    const { doc } = plan54();
    const verbatim = 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015';
    const ok = validatePlanDocument({ ...doc, legalBases: [{ citation: verbatim }] });
    expect(ok.ok).toBe(true);
    if (ok.ok)
      expect(layoutPlan(ok.value).body[0]).toEqual({ kind: 'paragraph', text: `Thực hiện ${verbatim},` });
    const bare = validatePlanDocument({ ...doc, legalBases: [{ kind: 'Luật', citation: null }] });
    expect(bare.ok ? [] : bare.issues.map((i) => i.path.join('.'))).toEqual([
      'legalBases.0.number',
      'legalBases.0.title',
    ]);
  });

  it('reads a plan stored before the parts existed with plan 54’s order and the usual headings', () => {
    const { doc } = plan54();
    const { parts: _p, purposes: _u, requirements: _r, ...old } = doc;
    const { aims: _a, purpose: _b, requirements: _c, ...oldHeadings } = doc.headings;
    const v = validatePlanDocument({ ...old, headings: oldHeadings });
    expect(v.ok && v.value.parts).toEqual([
      'aims',
      'objectives',
      'themes',
      'tasks',
      'funding',
      'organisation',
    ]);
    expect(v.ok && v.value.headings.aims).toBe('MỤC ĐÍCH, YÊU CẦU');
  });
});
