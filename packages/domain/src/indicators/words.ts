import { formatDateVi } from '../dates';
import { formatGoalAmount, formatGoalNumber } from '../plan/format';
import {
  type CodeSource,
  fieldSpec,
  type IndicatorFilter,
  type IndicatorGoal,
  type IndicatorRecord,
  type IndicatorRule,
  linkTarget,
} from './parts';
import type { IndicatorWindowSpan } from './windows';

/** Labels of codes, by where the codes come from: the province's vocabularies, unit groups, themes, fixed lists. */
export type CodeLabels = Partial<Record<CodeSource, Record<string, { vi: string; en: string }>>>;
/** Data items' names and units of measure by code. */
export type ItemLabels = Record<string, { vi: string; en: string }>;

type Lang = 'vi' | 'en';
type Words = { vi: string; en: string };

/** Labels of the fixed code lists (the per-province ones come from vocabulary_term). */
export const FIXED_LABELS: CodeLabels = {
  unit_kind: {
    province: { vi: 'UBND tỉnh, thành phố', en: "provincial People's Committee" },
    department: { vi: 'sở, ban, ngành', en: 'departments' },
    district: { vi: 'quận, huyện', en: 'districts' },
    commune: { vi: 'xã, phường, thị trấn', en: 'communes' },
    press_agency: { vi: 'cơ quan báo chí', en: 'press agencies' },
    school: { vi: 'trường học', en: 'schools' },
    mass_organisation: { vi: 'tổ chức chính trị - xã hội, hội, đoàn thể', en: 'mass organisations' },
    enterprise: { vi: 'doanh nghiệp', en: 'enterprises' },
    other: { vi: 'đơn vị khác', en: 'other units' },
  },
  unit_level: {
    province: { vi: 'cấp tỉnh', en: 'provincial level' },
    district: { vi: 'cấp huyện', en: 'district level' },
    commune: { vi: 'cấp xã', en: 'commune level' },
  },
  unit_plan_kind: {
    communication_plan: { vi: 'kế hoạch truyền thông năm', en: 'yearly communication plan' },
    dx_plan: { vi: 'kế hoạch chuyển đổi số có lồng ghép truyền thông', en: 'DX plan with communication' },
    work_programme: {
      vi: 'chương trình công tác có lồng ghép truyền thông',
      en: 'work programme with communication',
    },
  },
  unit_plan_status: {
    submitted: { vi: 'đã gửi', en: 'submitted' },
    accepted: { vi: 'đã được chấp nhận', en: 'accepted' },
    returned: { vi: 'bị trả lại', en: 'returned' },
  },
  publication_format: {
    article: { vi: 'bài viết', en: 'article' },
    report: { vi: 'phóng sự', en: 'report' },
    video: { vi: 'video', en: 'video' },
    radio: { vi: 'chương trình phát thanh', en: 'radio programme' },
    infographic: { vi: 'infographic', en: 'infographic' },
    post: { vi: 'bài đăng', en: 'post' },
  },
};

const NOUN: Record<IndicatorRecord, Words> = {
  unit: { vi: 'đơn vị', en: 'units' },
  channel: { vi: 'kênh', en: 'channels' },
  person: { vi: 'người', en: 'people' },
  dx_model: { vi: 'mô hình', en: 'models' },
  event: { vi: 'sự kiện', en: 'events' },
  training: { vi: 'lớp tập huấn', en: 'trainings' },
  publication: { vi: 'tin, bài', en: 'publications' },
  unit_plan: { vi: 'kế hoạch', en: 'plans' },
};

const LINK_WORDS: Record<string, Words> = {
  unit_plans: { vi: 'có', en: 'have' },
  organised_events: { vi: 'tổ chức', en: 'organised' },
  organised_trainings: { vi: 'tổ chức', en: 'organised' },
  publications: { vi: 'có', en: 'have' },
  channels: { vi: 'có', en: 'have' },
  people: { vi: 'có', en: 'have' },
  models: { vi: 'có', en: 'have' },
  attended_trainings: { vi: 'đã tham gia', en: 'attended' },
  featured_in: { vi: 'được giới thiệu trên', en: 'featured in' },
  attendees: { vi: 'có', en: 'have' },
  featured_models: { vi: 'giới thiệu', en: 'featuring' },
};

const FLAG_WORDS: Record<string, { yes: Words; no: Words }> = {
  hasDxSection: {
    yes: { vi: 'có chuyên mục "Chuyển đổi số"', en: 'with a "Chuyển đổi số" section' },
    no: { vi: 'chưa có chuyên mục "Chuyển đổi số"', en: 'without a "Chuyển đổi số" section' },
  },
  isDx: {
    yes: { vi: 'về chuyển đổi số', en: 'on DX' },
    no: { vi: 'không về chuyển đổi số', en: 'not on DX' },
  },
  recognised: {
    yes: { vi: 'đã được công nhận', en: 'recognised' },
    no: { vi: 'chưa được công nhận', en: 'not recognised' },
  },
};

const FIELD_WORDS: Record<string, Words> = {
  kind: { vi: 'loại', en: 'kind' },
  group: { vi: 'thuộc nhóm', en: 'in group' },
  level: { vi: 'cấp', en: 'level' },
  role: { vi: 'vai trò', en: 'role' },
  tag: { vi: 'nội dung', en: 'on' },
  theme: { vi: 'chủ đề', en: 'theme' },
  format: { vi: 'hình thức', en: 'format' },
  channelKind: { vi: 'trên kênh', en: 'on channels' },
  status: { vi: 'trạng thái', en: 'status' },
  ownerKind: { vi: 'của đơn vị', en: 'of units' },
  ownerGroup: { vi: 'của nhóm đơn vị', en: 'of unit group' },
};

const WINDOW_WORDS: Record<string, Words> = {
  week: { vi: 'mỗi tuần', en: 'every week' },
  month: { vi: 'mỗi tháng', en: 'every month' },
  quarter: { vi: 'mỗi quý', en: 'every quarter' },
  half_year: { vi: 'mỗi 6 tháng', en: 'every half-year' },
};

/** "= 100%", "≥ 50%", "từ 1 đến 2", "≥ 1.500 người" / "≥ 1,500 people", "≥ 2.000.000 đồng" in either language. */
export function goalInWords(goal: IndicatorGoal, lang: Lang): string {
  const a = (v: number) => formatGoalAmount(v, goal.unit, lang);
  switch (goal.comparator) {
    case 'eq':
      return `= ${a(goal.value)}`;
    case 'gte':
      return `≥ ${a(goal.value)}`;
    case 'lte':
      return `≤ ${a(goal.value)}`;
    case 'between': {
      const from = formatGoalNumber(goal.value, lang);
      const to = a(goal.max ?? goal.value);
      return lang === 'vi' ? `từ ${from} đến ${to}` : `${from} to ${to}`;
    }
  }
}

function label(labels: CodeLabels, source: CodeSource, code: string, lang: Lang): string {
  // An unknown code shows as itself in brackets: the warnings name it; a code is never presented as a word.
  return labels[source]?.[code]?.[lang] ?? FIXED_LABELS[source]?.[code]?.[lang] ?? `[${code}]`;
}

function filtersInWords(
  record: IndicatorRecord,
  list: IndicatorFilter[],
  labels: CodeLabels,
  lang: Lang,
): string {
  const or = lang === 'vi' ? ' hoặc ' : ' or ';
  return list
    .map((f) => {
      const spec = fieldSpec(record, f.field);
      if (!spec) return '';
      if ('is' in f) {
        const w = FLAG_WORDS[f.field];
        return w ? (f.is ? w.yes : w.no)[lang] : '';
      }
      const values = f.in.map((c) =>
        label(labels, spec.type === 'code' ? spec.source : 'unit_kind', c, lang),
      );
      const word = FIELD_WORDS[f.field]?.[lang] ?? f.field;
      // "cấp thành phố", not "cấp cấp thành phố": a label that already says its field stands alone.
      return values.every((v) => v.toLowerCase().startsWith(`${word.toLowerCase()} `))
        ? values.join(or)
        : `${word} ${values.join(or)}`;
    })
    .filter(Boolean)
    .join(', ');
}

function nounWith(record: IndicatorRecord, list: IndicatorFilter[], labels: CodeLabels, lang: Lang): string {
  const f = filtersInWords(record, list, labels, lang);
  return f ? `${NOUN[record][lang]} (${f})` : NOUN[record][lang];
}

/**
 * The formula of an indicator in words, Vietnamese and English, from the vocabulary labels (codes never appear):
 * what is counted, the condition and its windows, the period, the value and the goal.
 */
export function indicatorInWords(
  rule: IndicatorRule,
  o: { period: IndicatorWindowSpan; asOf: string; labels: CodeLabels; items?: ItemLabels },
): Words {
  const out = { vi: '', en: '' };
  for (const lang of ['vi', 'en'] as const) {
    const vi = lang === 'vi';
    const pop = nounWith(rule.population.record, rule.population.filters, o.labels, lang);
    const span = vi
      ? `từ ${formatDateVi(o.period.from)} đến ${formatDateVi(o.period.to)}`
      : `from ${o.period.from} to ${o.period.to}`;
    const at = vi ? `tại ngày ${formatDateVi(o.asOf)}` : `as of ${o.asOf}`;
    const item = (code: string) => o.items?.[code]?.[lang] ?? `[${code}]`;
    const goal = `${vi ? 'Mục tiêu' : 'Goal'}: ${goalInWords(rule.goal, lang)}.`;
    const c = rule.condition;
    let what = '';
    if (c.type === 'linked') {
      const target = linkTarget(rule.population.record, c.link) ?? 'publication';
      const subj = filtersInWords(rule.population.record, c.subject, o.labels, lang);
      const linked = nounWith(target, c.filters, o.labels, lang);
      const n = vi ? `ít nhất ${c.atLeast}` : `at least ${c.atLeast}`;
      const every = c.every ? ` ${WINDOW_WORDS[c.every]![lang]}${vi ? ' đã qua' : ' elapsed'}` : '';
      // Both choices are said: whether a merged unit's records count changes the value (docs/architecture.md).
      const pred =
        rule.population.record !== 'unit'
          ? ''
          : c.includePredecessors
            ? vi
              ? ' (kể cả của đơn vị đã sáp nhập vào)'
              : ' (including those of units merged into it)'
            : vi
              ? ' (chỉ hồ sơ của chính đơn vị, không tính đơn vị đã sáp nhập vào)'
              : " (the unit's own records only, not those of units merged into it)";
      what = `${subj ? `${subj}, ` : ''}${LINK_WORDS[c.link]?.[lang] ?? c.link} ${n} ${linked}${every}${pred}`;
    }
    const v = rule.value;
    let text: string;
    switch (v.type) {
      case 'share':
        text = vi
          ? `Tỷ lệ = số ${pop} ${what} ${span} / tổng số ${pop} ${at} (không tính đối tượng chưa đến hạn).`
          : `Share = ${pop} that ${what} ${span} / all ${pop} ${at} (those not yet due excluded).`;
        break;
      case 'count':
        text =
          c.type === 'none'
            ? vi
              ? `Giá trị = số ${pop} ${span}.`
              : `Value = number of ${pop} ${span}.`
            : vi
              ? `Giá trị = số ${pop} ${what} ${span}.`
              : `Value = number of ${pop} that ${what} ${span}.`;
        break;
      case 'figure':
        text = vi
          ? `Giá trị = tổng hợp số liệu "${item(v.item)}" do ${pop} báo cáo (đã được tiếp nhận) ${span}.`
          : `Value = "${item(v.item)}" as reported (accepted) by ${pop} ${span}.`;
        break;
      case 'ratio':
        text = vi
          ? `Giá trị = "${item(v.numerator.item)}" / "${item(v.denominator.item)}" × ${v.scale}, theo số liệu ${pop} báo cáo (đã được tiếp nhận) ${span}.`
          : `Value = "${item(v.numerator.item)}" / "${item(v.denominator.item)}" × ${v.scale}, as reported (accepted) by ${pop} ${span}.`;
        break;
    }
    // A population date the rule states is said whatever the value (a share says it already).
    const popDate =
      rule.asOf && v.type !== 'share' ? (vi ? ` Đối tượng tính ${at}.` : ` Population ${at}.`) : '';
    out[lang] = `${text.replace(/\s+/g, ' ')}${popDate} ${goal}`;
  }
  return out;
}
