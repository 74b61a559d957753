import { quartersDue } from '@dx/domain';
import { useTranslation } from 'react-i18next';
import type { Subject, TargetEvaluation } from '../api/targets';
import { todayIso } from './dates';
import { actionKindOf } from './target-kinds';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** In words, what a subject still lacks (from the evidence the API attaches to each subject). */
export function useMissingText() {
  const { i18n } = useTranslation();
  const en = i18n.language?.startsWith('en');
  return (t: TargetEvaluation, s: Subject): string => {
    if (s.achieved) return en ? 'Achieved' : 'Đã đạt';
    const e = s.evidence ?? {};
    if (actionKindOf(t) === 'unit_plan') {
      if (!s.evidence) return en ? 'No plan entered' : 'Chưa nhập kế hoạch';
      const st = String(e.status);
      const doc = String(e.documentNumber ?? '');
      if (st === 'submitted') return en ? `Plan ${doc} awaiting review` : `Kế hoạch ${doc} chờ Sở xem xét`;
      if (st === 'returned') return en ? `Plan ${doc} returned` : `Kế hoạch ${doc} bị trả lại`;
      return doc;
    }
    if ('hasDxSection' in e) {
      if (!e.hasDxSection) return en ? 'No "Chuyển đổi số" section' : 'Chưa có chuyên mục "Chuyển đổi số"';
      const have = new Set(((e.quartersWithPublication as string[]) ?? []).map((q) => q.slice(0, 10)));
      // The quarters ended by today (local date) without a publication (plan 54 I.2.b).
      const missing = t.period
        ? quartersDue(t.period, todayIso())
            .map((q) => q.from)
            .filter((q) => !have.has(q))
        : [];
      const names = missing.map((q) => `${ROMAN[(Number(q.slice(5, 7)) - 1) / 3]}/${q.slice(0, 4)}`);
      return en
        ? `No DX publication in quarter ${names.join(', ')}`
        : `Chưa có tin, bài về chuyển đổi số trong quý ${names.join(', ')}`;
    }
    if ('trainingIds' in e) return en ? 'Not trained yet' : 'Chưa tham gia tập huấn';
    if ('publicationIds' in e)
      return en ? 'Not featured by the mass media yet' : 'Chưa được báo chí giới thiệu';
    if ('eventIds' in e) return en ? 'No activity recorded' : 'Chưa có hoạt động nào';
    return en ? 'Not achieved' : 'Chưa đạt';
  };
}
