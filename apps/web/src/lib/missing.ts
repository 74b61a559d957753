import { useTranslation } from 'react-i18next';
import type { Subject, TargetEvaluation } from '../api/targets';

type Window = { from: string; to: string };

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A window of the period in words: a month, a quarter, a half-year, or a week by its dates. */
function windowName(w: Window, en: boolean): string {
  const y = w.from.slice(0, 4);
  const m = Number(w.from.slice(5, 7));
  const months = (Number(w.to.slice(0, 4)) - Number(y)) * 12 + Number(w.to.slice(5, 7)) - m + 1;
  if (w.from.slice(8) === '01' && months === 3) return `${en ? 'Q' : 'quý '}${ROMAN[(m - 1) / 3]}/${y}`;
  if (w.from.slice(8) === '01' && months === 6) return `${en ? 'H' : '6 tháng '}${m === 1 ? 1 : 2}/${y}`;
  if (w.from.slice(8) === '01' && months === 1) return `${en ? '' : 'tháng '}${m}/${y}`;
  return `${w.from.slice(8)}/${w.from.slice(5, 7)}–${w.to.slice(8)}/${w.to.slice(5, 7)}/${w.to.slice(0, 4)}`;
}

/** What the record a unit enters for the target says when there is none yet. */
const NONE: Record<string, [string, string]> = {
  unit_plan: ['Chưa nhập kế hoạch', 'No plan entered'],
  training: ['Chưa tham gia tập huấn', 'Not trained yet'],
  publication: ['Chưa có tin, bài nào', 'No publication yet'],
  event: ['Chưa có hoạt động nào', 'No activity recorded'],
};

/**
 * In words, what a subject still lacks, from the evidence the API attaches to each subject (server
 * queries/indicators.ts indicatorEvidenceSql): the subject's own requirement, the windows without a record, a plan
 * still on its road, or no record at all.
 */
export function useMissingText() {
  const { i18n } = useTranslation();
  const en = Boolean(i18n.language?.startsWith('en'));
  return (t: TargetEvaluation, s: Subject): string => {
    if (s.achieved) return en ? 'Achieved' : 'Đã đạt';
    const e = s.evidence;
    if (e?.subjectOk === false)
      return en
        ? 'Does not meet the requirement itself (see the formula)'
        : 'Chưa đáp ứng yêu cầu (xem công thức)';
    const missing = e?.windowsMissing ?? [];
    if (missing.length) {
      const names = missing.map((w) => windowName(w, en)).join(', ');
      return en ? `Nothing in ${names}` : `Chưa có trong ${names}`;
    }
    const records = e?.records ?? [];
    const others = e?.others ?? [];
    const plan = others.find((r) => r.type === 'unit_plan');
    if (records.length === 0 && plan) {
      if (plan.status === 'submitted')
        return en ? `Plan ${plan.label} awaiting review` : `Kế hoạch ${plan.label} chờ xem xét`;
      if (plan.status === 'returned')
        return en ? `Plan ${plan.label} returned` : `Kế hoạch ${plan.label} bị trả lại`;
    }
    if (records.length === 0 && others.length)
      return en ? 'Has records, none meeting the condition' : 'Có hồ sơ nhưng chưa đáp ứng điều kiện';
    const none = t.actionRecord ? NONE[t.actionRecord] : undefined;
    if (records.length === 0 && none) return en ? none[1] : none[0];
    return en ? 'Not achieved' : 'Chưa đạt';
  };
}
