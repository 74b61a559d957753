import { z } from 'zod';
import { isoDate } from '../dates';
import type { FieldIssue } from '../errors';
import { reportingSchedule } from '../reports/schedule';
import {
  PLAN_DOCUMENT_KINDS,
  type PlanDocumentKind,
  parseDocumentNumber,
  planNumber,
} from './document-number';
import { checkLetterSequence, checkNumberSequence } from './lettering';

const nfc = (s: string) => s.normalize('NFC');
const text = (message: string, max = 20_000) => z.string().trim().min(1, message).max(max).overwrite(nfc);
const letter = z.string().trim().min(1, 'Nhập chữ cái thứ tự (a, b, c…)').max(2).overwrite(nfc);

/** How a target's goal compares the value (Plan 54 I.2: "100%" = eq, "Tối thiểu 50%" = gte, "01-02" = between). */
export const GOAL_COMPARATORS = ['eq', 'gte', 'lte', 'between'] as const;
/**
 * A goal's unit: a share (%), a number of records, a number of people (người: "70% of citizens reached" stated as
 * people) or an amount of money (đồng) — issue 16: a plan states targets in any of these.
 */
export const GOAL_UNITS = ['percent', 'count', 'people', 'vnd'] as const;
export type GoalUnit = (typeof GOAL_UNITS)[number];

/**
 * Kinds of record a target counts (docs/brief.md "The six targets"): communication plans of units, channels with a
 * DX section, people trained, DX models, events (contests, workshops), publications, trainings.
 */
export const RECORD_KINDS = [
  'unit_plan',
  'channel',
  'person',
  'dx_model',
  'event',
  'publication',
  'training',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The name of each kind as a document's title prints it and a citation words it. */
export const PLAN_KIND_NAMES: Record<PlanDocumentKind, string> = {
  KH: 'Kế hoạch',
  QĐ: 'Quyết định',
  CTr: 'Chương trình',
  ĐA: 'Đề án',
  HD: 'Hướng dẫn',
};

const GOAL_MISSING = 'Chỉ tiêu phải có mục tiêu định lượng (phép so sánh và giá trị, ví dụ = 100%)';

/** A target's goal in structured form: "= 100%", "≥ 50%", "between 1 and 2" (a count). */
export const targetGoal = z
  .object(
    {
      comparator: z.enum(GOAL_COMPARATORS, 'Phép so sánh là eq, gte, lte hoặc between'),
      value: z.number('Nhập giá trị mục tiêu').finite().min(0, 'Giá trị không được âm'),
      max: z.number().finite().min(0).optional(),
      unit: z.enum(GOAL_UNITS, 'Đơn vị là phần trăm (%), số lượng, người hoặc đồng'),
    },
    GOAL_MISSING,
  )
  .superRefine((g, ctx) => {
    if (g.comparator === 'between' && (g.max === undefined || g.max < g.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'Khoảng "từ … đến …" cần giá trị tối đa không nhỏ hơn giá trị tối thiểu',
      });
    }
    if (g.comparator !== 'between' && g.max !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'Chỉ khoảng (between) mới có giá trị tối đa' });
    }
    // A rate never exceeds 100% (docs/design.md § Data model principles).
    if (g.unit === 'percent' && Math.max(g.value, g.max ?? 0) > 100) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Tỷ lệ không vượt quá 100%' });
    }
  });
export type TargetGoal = z.infer<typeof targetGoal>;

/** What a target is about: the units of a unit group (a rate over units) or a kind of record. */
export const targetSubject = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('unit_group'),
      unitGroupCode: z.string().trim().min(1, 'Chọn nhóm đơn vị').max(60),
    }),
    z.object({ type: z.literal('record'), recordKind: z.enum(RECORD_KINDS, 'Chọn loại hồ sơ') }),
  ],
  'Chọn đối tượng của chỉ tiêu (nhóm đơn vị hoặc loại hồ sơ)',
);
export type TargetSubject = z.infer<typeof targetSubject>;

/** A specific target (chỉ tiêu, Plan 54 I.2 a–e). `id` is kept across edits: later features refer to it. */
export const planTarget = z.object({
  id: z.uuid().optional(),
  letter,
  text: text('Nhập nội dung chỉ tiêu'),
  goal: targetGoal,
  subject: targetSubject,
});
export type PlanTarget = z.infer<typeof planTarget>;

/** A sub-theme (Plan 54 II.4 a–h) with its bullets. */
export const planSubTheme = z.object({
  id: z.uuid().optional(),
  label: letter,
  title: text('Nhập nội dung tuyên truyền'),
  bullets: z.array(text('Nhập nội dung gạch đầu dòng')).max(100).default([]),
});
/** A theme (nội dung tuyên truyền, Plan 54 II.1–6); records are tagged with themes and sub-themes. */
export const planTheme = planSubTheme.extend({
  label: z.string().trim().min(1, 'Nhập số thứ tự (1, 2, 3…)').max(3),
  children: z.array(planSubTheme).max(30).default([]),
});
export type PlanTheme = z.infer<typeof planTheme>;

/** A document reference (căn cứ): "Kế hoạch số 29/KH-UBND ngày 09/02/2022 của UBND thành phố về …". */
export const documentReference = z.object({
  id: z.uuid().optional(),
  /** Nghị quyết, Quyết định, Kế hoạch, … (may stay empty when the citation is given verbatim). */
  kind: z.string().trim().max(100).overwrite(nfc).default(''),
  /** As written on the document: 29/KH-UBND, 03-NQ/TU, 749/QĐ-TTg (may stay empty with a verbatim citation). */
  number: z.string().trim().max(60).overwrite(nfc).default(''),
  issuer: z.string().trim().max(300).overwrite(nfc).nullable().default(null),
  date: isoDate.nullable().default(null),
  /** Trích yếu; may stay empty when the plan cites the document verbatim. */
  title: z.string().trim().max(2000).overwrite(nfc).default(''),
  /**
   * The citation exactly as the plan words it; null = composed from the fields. A verbatim citation alone is a
   * whole legal basis ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"): kind, number
   * and title are then optional (validatePlanDocument asks for them only when there is no citation).
   */
  citation: z.string().trim().max(4000).overwrite(nfc).nullable().default(null),
});
export type DocumentReference = z.infer<typeof documentReference>;

/** Who a responsibility falls on: one org unit or a unit group. */
export const planUnitRef = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('unit'),
    unitId: z.uuid('Đơn vị không hợp lệ'),
    name: z.string().max(300).optional(),
  }),
  z.object({ type: z.literal('unit_group'), unitGroupCode: z.string().trim().min(1).max(60) }),
]);
export type PlanUnitRef = z.infer<typeof planUnitRef>;

export const letteredParagraph = z.object({ letter, text: text('Nhập nội dung') });

/** One numbered part of V. TỔ CHỨC THỰC HIỆN: who does what. */
export const responsibility = z.object({
  heading: text('Nhập cơ quan, đơn vị', 500),
  unitRefs: z.array(planUnitRef).max(50).default([]),
  paragraphs: z.array(text('Nhập nội dung')).max(50).default([]),
  items: z
    .array(letteredParagraph.extend({ unitRefs: z.array(planUnitRef).max(50).default([]) }))
    .max(30)
    .default([]),
});
export type Responsibility = z.infer<typeof responsibility>;

/** Signature block (Nghị định 30/2020, Phụ lục I, mục II.8): TM. / KT. / position / name. */
export const signatureBlock = z.object({
  authority: text('Nhập quyền hạn ký (TM. ỦY BAN NHÂN DÂN)', 200),
  delegation: z.string().trim().max(200).overwrite(nfc).nullable(),
  position: text('Nhập chức vụ người ký', 200),
  signer: z.string().trim().max(200).overwrite(nfc),
});

/**
 * The parts a plan may have, in the order provinces usually write them: "Mục đích, yêu cầu", "Mục tiêu" (chung,
 * cụ thể), the contents (themes), tasks, funding and organisation. Each is optional; `parts` orders them.
 */
export const PLAN_PARTS = ['aims', 'objectives', 'themes', 'tasks', 'funding', 'organisation'] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];
const heading = (fallback: string) => text('Nhập tiêu đề', 300).default(fallback);

/** Headings of the parts and their sections, so a plan for another year or province can word them its own way. */
export const planHeadings = z.object({
  /** Stored plans from before these parts existed read the usual wording (Nghị định 30/2020 plans: "MỤC ĐÍCH, YÊU CẦU"). */
  aims: heading('MỤC ĐÍCH, YÊU CẦU'),
  purpose: heading('Mục đích'),
  requirements: heading('Yêu cầu'),
  objectives: text('Nhập tiêu đề', 300),
  generalObjectives: text('Nhập tiêu đề', 300),
  targets: text('Nhập tiêu đề', 300),
  themes: text('Nhập tiêu đề', 300),
  tasks: text('Nhập tiêu đề', 300),
  funding: text('Nhập tiêu đề', 300),
  organisation: text('Nhập tiêu đề', 300),
});
export type PlanHeadings = z.infer<typeof planHeadings>;

/** The whole plan as structured data (the parts of a Decree 30 plan: header, preamble, I–V, closing). */
export const planDocument = z.object({
  /** What the document is: a Kế hoạch (default), a Quyết định with the plan attached, a Chương trình, … */
  kind: z.enum(PLAN_DOCUMENT_KINDS, 'Loại văn bản là KH, QĐ, CTr, ĐA hoặc HD').default('KH'),
  /** Tên cơ quan ban hành, e.g. "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", or a department: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  issuerName: text('Nhập tên cơ quan ban hành', 300),
  /**
   * The body the issuer belongs to, printed above it in the two-line header of a department's document
   * (Nghị định 30/2020, Phụ lục I, mục II.3: "UBND TỈNH …" over "SỞ …"); null for a People's Committee.
   */
  parentIssuerName: z.string().trim().max(300).overwrite(nfc).nullable().default(null),
  /** Null while the plan is a draft without a number. */
  number: planNumber.nullable(),
  place: text('Nhập địa danh', 100),
  /** Date of signature; null while a draft. */
  date: isoDate.nullable(),
  /** The year the plan covers (the first year of a multi-year plan). */
  year: z.number('Nhập năm kế hoạch').int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
  /** The last year of a multi-year plan or programme ("giai đoạn 2022-2025"); null for a plan of one year. */
  yearTo: z
    .number()
    .int()
    .min(2000, 'Năm không hợp lệ')
    .max(2100, 'Năm không hợp lệ')
    .nullable()
    .default(null),
  title: text('Nhập trích yếu (tên kế hoạch)', 1000),
  headings: planHeadings,
  legalBases: z.array(documentReference).max(100),
  /** Opening of the preamble ("Thực hiện"), followed by the legal bases. */
  preambleLead: z.string().trim().max(200).overwrite(nfc),
  /** "Ủy ban nhân dân thành phố … ban hành Kế hoạch …, cụ thể như sau:" */
  preambleClosing: z.string().trim().max(4000).overwrite(nfc),
  /**
   * Which parts the plan has and in which order (numbered I., II., … as printed); a part left out is not printed,
   * nor is a part with nothing in it. Plans stored before this read the full order (plan 54's shape).
   */
  parts: z
    .array(z.enum(PLAN_PARTS, 'Phần của kế hoạch không hợp lệ'))
    .max(PLAN_PARTS.length)
    .default([...PLAN_PARTS]),
  /** "1. Mục đích" of the part "MỤC ĐÍCH, YÊU CẦU": one bullet per entry. */
  purposes: z.array(text('Nhập nội dung')).max(50).default([]),
  /** "2. Yêu cầu": one bullet per entry. */
  requirements: z.array(text('Nhập nội dung')).max(50).default([]),
  generalObjectives: z.array(letteredParagraph).max(30),
  targets: z.array(planTarget).max(30),
  themes: z.array(planTheme).max(30),
  tasks: z.array(text('Nhập nội dung')).max(50),
  funding: z.array(text('Nhập nội dung')).max(50),
  responsibilities: z.array(responsibility).max(50),
  /**
   * When units report (V. Tổ chức thực hiện: "báo cáo 6 tháng trước ngày 15/6, hằng năm trước ngày 15/12"): the
   * reporting periods' default deadlines are taken from here; empty when the plan states none.
   */
  reportingSchedule: reportingSchedule.default([]),
  /** Closing paragraph; the export adds "./." (Nghị định 30/2020, Phụ lục I: end of the body). */
  closing: z.string().trim().max(4000).overwrite(nfc),
  recipients: z.array(text('Nhập nơi nhận', 300)).max(100),
  signature: signatureBlock,
  /** Editorial notes about the source (not part of the document, never exported). */
  notes: z.array(z.string().max(4000)).max(50),
});
export type PlanDocument = z.infer<typeof planDocument>;
export type PlanDocumentInput = z.input<typeof planDocument>;

/** Code of a theme: II.4, II.4.a (part II of the plan, "NỘI DUNG TUYÊN TRUYỀN"). */
export function themeCode(label: string, childLabel?: string): string {
  return childLabel === undefined ? `II.${label}` : `II.${label}.${childLabel}`;
}

/** Code of a target: I.2.a … I.2.e (part I.2 of the plan, "Mục tiêu cụ thể"). */
export function targetCode(letter: string): string {
  return `I.2.${letter}`;
}

export type PlanValidation = { ok: true; value: PlanDocument } | { ok: false; issues: FieldIssue[] };

/**
 * Validates a whole plan: field rules (zod), then the numbering rules of Nghị định 30/2020 (Phụ lục I, mục II.9):
 * parts I., II.; items 1., 2.; sub-items a), b), c), d), đ), e), g)… — each list must run in sequence.
 */
export function validatePlanDocument(input: unknown): PlanValidation {
  const parsed = planDocument.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path as (string | number)[],
        message: i.message,
        code: i.code,
      })),
    };
  }
  const doc = parsed.data;
  const issues: FieldIssue[] = [];
  const letters = (path: (string | number)[], labels: string[], field: string) => {
    for (const s of checkLetterSequence(labels))
      issues.push({ path: [...path, s.index, field], message: s.message, code: 'sequence' });
  };
  letters(
    ['generalObjectives'],
    doc.generalObjectives.map((o) => o.letter),
    'letter',
  );
  letters(
    ['targets'],
    doc.targets.map((t) => t.letter),
    'letter',
  );
  for (const s of checkNumberSequence(doc.themes.map((t) => t.label))) {
    issues.push({ path: ['themes', s.index, 'label'], message: s.message, code: 'sequence' });
  }
  for (const [i, t] of doc.themes.entries()) {
    letters(
      ['themes', i, 'children'],
      t.children.map((c) => c.label),
      'label',
    );
  }
  for (const [i, r] of doc.responsibilities.entries()) {
    letters(
      ['responsibilities', i, 'items'],
      r.items.map((x) => x.letter),
      'letter',
    );
  }
  // A legal basis is either a verbatim citation or kind, number and title to compose one from.
  for (const [i, b] of doc.legalBases.entries()) {
    if (b.citation) continue;
    const missing: [keyof typeof b, string][] = [
      ['kind', 'Nhập loại văn bản (Nghị quyết, Quyết định, Kế hoạch…) hoặc trích dẫn nguyên văn'],
      ['number', 'Nhập số, ký hiệu văn bản hoặc trích dẫn nguyên văn'],
      ['title', 'Nhập trích yếu văn bản hoặc trích dẫn nguyên văn'],
    ];
    for (const [field, message] of missing)
      if (!b[field]) issues.push({ path: ['legalBases', i, field], message, code: 'too_small' });
  }
  const seen = new Set<string>();
  for (const [i, part] of doc.parts.entries()) {
    if (seen.has(part))
      issues.push({ path: ['parts', i], message: 'Mỗi phần chỉ có một lần trong kế hoạch', code: 'custom' });
    seen.add(part);
  }
  const parsedNumber = doc.number ? parseDocumentNumber(doc.number) : null;
  if (parsedNumber && parsedNumber.typeCode !== doc.kind) {
    issues.push({
      path: ['number'],
      message: `Ký hiệu loại văn bản phải là ${doc.kind} (${PLAN_KIND_NAMES[doc.kind]}), ví dụ 54/${doc.kind}-UBND`,
      code: 'custom',
    });
  }
  if (doc.yearTo !== null && doc.yearTo <= doc.year) {
    issues.push({
      path: ['yearTo'],
      message: 'Năm cuối giai đoạn phải sau năm đầu (kế hoạch một năm thì để trống)',
      code: 'custom',
    });
  }
  if (doc.number && doc.date === null) {
    issues.push({ path: ['date'], message: 'Văn bản đã có số phải có ngày ban hành', code: 'custom' });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: doc };
}
