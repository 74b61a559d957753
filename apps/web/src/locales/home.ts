import type { HomeItemKey } from '@dx/contracts';
import { useTranslation } from 'react-i18next';

type Labels = {
  title: string;
  noPlan: string;
  sections: Record<'office' | 'unit' | 'leadership', string>;
  items: Record<HomeItemKey, string>;
  open: string;
  nothing: string;
  /** Quick actions of a unit officer (issue 19: the commune's five minutes). */
  quick: string;
  addPublication: string;
  targets: (behind: number, atRisk: number, total: number) => string;
};

const VI: Labels = {
  title: 'Việc cần làm hôm nay',
  noPlan: 'Tỉnh chưa có kế hoạch nào.',
  sections: { office: 'Bộ phận chuyển đổi số', unit: 'Đơn vị của tôi', leadership: 'Lãnh đạo' },
  items: {
    targets_behind: 'Chỉ tiêu chậm tiến độ',
    tasks_overdue: 'Đơn vị quá hạn nhiệm vụ',
    reports_overdue: 'Đơn vị chưa nộp báo cáo đã quá hạn',
    reports_to_review: 'Báo cáo chờ xem xét',
    obstacles_new: 'Khó khăn, kiến nghị mới',
    estimates_waiting: 'Dự toán chờ bước của tôi',
    my_tasks_overdue: 'Nhiệm vụ quá hạn',
    my_tasks_due: 'Nhiệm vụ đến hạn trong 7 ngày',
    my_reports_to_submit: 'Báo cáo cần nộp',
    my_obstacles_to_answer: 'Chỉ đạo cần trả lời',
    my_obstacles_answered: 'Kiến nghị đã được trả lời',
    obstacles_to_direct: 'Kiến nghị chờ chỉ đạo',
  },
  open: 'Mở',
  nothing: 'Không có việc nào cần làm.',
  quick: 'Ghi nhanh',
  addPublication: 'Thêm tin, bài',
  targets: (b, r, t) => `${b} chậm tiến độ, ${r} có nguy cơ, trên ${t} chỉ tiêu`,
};
const EN: Labels = {
  title: 'What needs you today',
  noPlan: 'The province has no plan yet.',
  sections: { office: 'DX office', unit: 'My unit', leadership: 'Leadership' },
  items: {
    targets_behind: 'Targets behind',
    tasks_overdue: 'Units overdue on tasks',
    reports_overdue: 'Units overdue on reports',
    reports_to_review: 'Reports waiting for review',
    obstacles_new: 'New obstacles and proposals',
    estimates_waiting: 'Budget estimates at my step',
    my_tasks_overdue: 'Overdue tasks',
    my_tasks_due: 'Tasks due within 7 days',
    my_reports_to_submit: 'Reports to submit',
    my_obstacles_to_answer: 'Directions to answer',
    my_obstacles_answered: 'Proposals answered',
    obstacles_to_direct: 'Proposals waiting for direction',
  },
  open: 'Open',
  nothing: 'Nothing waits for you.',
  quick: 'Quick entry',
  addPublication: 'Add a news item',
  targets: (b, r, t) => `${b} behind, ${r} at risk, of ${t} targets`,
};

/** Labels in the user's language (Vietnamese first). */
export function useHomeLabels(): Labels {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? EN : VI;
}

/** This feature's namespace in the catalogue (locales/index.ts). */
export const homeText = { vi: VI, en: EN };
