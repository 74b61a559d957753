import { useTranslation } from 'react-i18next';

/** The words of the national view (issue 13), Vietnamese first. */
type Labels = {
  title: string;
  intro: string;
  year: string;
  asOf: string;
  search: string;
  status: string;
  statuses: Record<'all' | 'behind' | 'on_track' | 'no_plan', string>;
  province: string;
  plans: string;
  onTrack: string;
  atRisk: string;
  behind: string;
  notDefined: string;
  reports: string;
  reportsText: (onTime: number, late: number, missing: number, required: number) => string;
  noReports: string;
  noPlan: string;
  none: string;
  open: (name: string) => string;
  count: (shown: number, total: number) => string;
  loading: string;
  readOnly: (name: string) => string;
  back: string;
  ended: string;
};

const VI: Labels = {
  title: 'Toàn quốc',
  intro:
    'Các tỉnh, thành phố cạnh nhau: kế hoạch của năm, chỉ tiêu đúng tiến độ và báo cáo định kỳ. Xếp theo tỷ lệ chỉ tiêu đúng tiến độ; bấm vào một tỉnh để xem bảng điều khiển của tỉnh (chỉ xem).',
  year: 'Năm kế hoạch',
  asOf: 'Tính đến ngày',
  search: 'Tìm tỉnh, thành phố',
  status: 'Tình trạng',
  statuses: {
    all: 'Tất cả',
    behind: 'Có chỉ tiêu chậm hoặc có nguy cơ',
    on_track: 'Mọi chỉ tiêu đúng tiến độ',
    no_plan: 'Chưa có kế hoạch',
  },
  province: 'Tỉnh, thành phố',
  plans: 'Kế hoạch',
  onTrack: 'Đúng tiến độ',
  atRisk: 'Có nguy cơ',
  behind: 'Chậm',
  notDefined: 'Chưa định nghĩa',
  reports: 'Báo cáo kỳ gần nhất',
  reportsText: (o, l, m, r) => `${o} đúng hạn, ${l} trễ, ${m} chưa nộp / ${r}`,
  noReports: 'Chưa có kỳ đến hạn',
  noPlan: 'Chưa có kế hoạch năm này',
  none: 'Không có tỉnh nào khớp bộ lọc.',
  open: (n) => `Mở bảng điều khiển của ${n}`,
  count: (s, t) => `${s} / ${t} tỉnh, thành phố`,
  loading: 'Đang tính chỉ tiêu của các tỉnh…',
  readOnly: (n) => `Đang xem bảng điều khiển của ${n} từ màn hình Toàn quốc (chỉ xem).`,
  back: 'Về Toàn quốc',
  ended: 'Nay không còn là đơn vị hành chính riêng',
};
const EN: Labels = {
  title: 'Nationwide',
  intro:
    'Every province side by side: the year’s plans, targets on track and periodic reports. Ranked by the share of targets on track; click a province to open its dashboard (read-only).',
  year: 'Plan year',
  asOf: 'As of',
  search: 'Search provinces',
  status: 'Status',
  statuses: {
    all: 'All',
    behind: 'Some targets behind or at risk',
    on_track: 'Every target on track',
    no_plan: 'No plan',
  },
  province: 'Province',
  plans: 'Plans',
  onTrack: 'On track',
  atRisk: 'At risk',
  behind: 'Behind',
  notDefined: 'Not defined',
  reports: 'Latest period’s reports',
  reportsText: (o, l, m, r) => `${o} on time, ${l} late, ${m} missing / ${r}`,
  noReports: 'No period due yet',
  noPlan: 'No plan for this year',
  none: 'No province matches the filters.',
  open: (n) => `Open the dashboard of ${n}`,
  count: (s, t) => `${s} of ${t} provinces`,
  loading: 'Evaluating every province’s targets…',
  readOnly: (n) => `Viewing the dashboard of ${n} from the nationwide screen (read-only).`,
  back: 'Back to nationwide',
  ended: 'No longer a province of its own today',
};

/** Labels in the user's language (Vietnamese first). */
export function useNationalLabels(): Labels {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? EN : VI;
}

/** This feature's namespace in the catalogue (locales/index.ts). */
export const nationalText = { vi: VI, en: EN };
