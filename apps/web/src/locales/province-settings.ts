import { PROVINCE_SETTING_KEYS, PROVINCE_SETTING_LABELS, type ProvinceSettingKey } from '@dx/domain';
import { useTranslation } from 'react-i18next';

/** The words of the province settings screen (issue 15), Vietnamese first. */
type Labels = {
  title: string;
  intro: string;
  /** The keys' names: packages/domain province-settings PROVINCE_SETTING_LABELS, one source for API and screen. */
  keys: Record<ProvinceSettingKey, string>;
  hints: Record<ProvinceSettingKey, string>;
  from: string;
  to: string;
  always: string;
  still: string;
  period: (from: string, to: string) => string;
  addPeriod: string;
  newFrom: string;
  endPeriod: string;
  endOn: string;
  remove: string;
  none: string;
  save: string;
  saved: string;
  dirty: string;
  reset: string;
  readOnly: string;
  conflictTitle: string;
  conflictText: string;
  conflictNow: string;
  reload: string;
  invalid: string;
  words: { province: string; city: string };
  agencyName: string;
  agencyShort: string;
  recipientsHint: string;
  signatureTitle: string;
  signatureName: string;
  funding: { unit_regular: string; city_budget: string; other_lawful: string };
  place: string;
  issuer: string;
  issuers: { committee: string; dx_office: string };
  noProvince: string;
};

const pick = (lang: 'vi' | 'en') =>
  Object.fromEntries(PROVINCE_SETTING_KEYS.map((k) => [k, PROVINCE_SETTING_LABELS[k][lang]])) as Record<
    ProvinceSettingKey,
    string
  >;

const VI: Labels = {
  title: 'Thiết lập tỉnh, thành phố',
  intro:
    'Tên gọi và cơ quan của tỉnh, thành phố theo thời gian. Mọi nhãn, gợi ý và văn bản lấy chữ từ đây, theo ngày của văn bản.',
  keys: pick('vi'),
  hints: {
    province_word: 'Tỉnh hay thành phố trực thuộc trung ương.',
    peoples_committee_name: 'Ví dụ: Ủy ban nhân dân tỉnh …',
    party_committee_name: 'Ví dụ: Tỉnh ủy … / Thành ủy …',
    dx_office_agency:
      'Cơ quan làm nhiệm vụ thường trực chuyển đổi số; đổi theo thời gian (ví dụ: từ 01/03/2025).',
    default_recipients: 'Mỗi dòng một nơi nhận.',
    signature_block: 'Các dòng chức danh (mỗi dòng một dòng) và họ tên người ký.',
    funding_source_names: 'Tên các nguồn kinh phí trong dự toán.',
    report_defaults: 'Địa danh và cơ quan ban hành mặc định của báo cáo tổng hợp.',
  },
  from: 'Từ ngày',
  to: 'Đến hết ngày trước',
  always: 'trước đó',
  still: 'nay',
  period: (f, t) => `Từ ${f} đến ${t}`,
  addPeriod: 'Thêm giai đoạn',
  newFrom: 'Giai đoạn mới bắt đầu từ ngày',
  endPeriod: 'Kết thúc giai đoạn',
  endOn: 'Kết thúc từ ngày',
  remove: 'Xóa',
  none: 'Chưa thiết lập.',
  save: 'Lưu thiết lập',
  saved: 'Đã lưu thiết lập',
  dirty: 'Có thay đổi chưa lưu.',
  reset: 'Bỏ thay đổi',
  readOnly: 'Chỉ quản trị của tỉnh, thành phố sửa được thiết lập này.',
  conflictTitle: 'Người khác vừa lưu thiết lập này',
  conflictText:
    'Nội dung bạn nhập vẫn còn trên màn hình. Xem bản hiện tại bên dưới, tải bản mới nhất rồi sửa lại nếu cần.',
  conflictNow: 'Bản hiện tại',
  reload: 'Tải bản mới nhất',
  invalid: 'Thiết lập chưa hợp lệ, xem các ô được đánh dấu.',
  words: { province: 'tỉnh', city: 'thành phố' },
  agencyName: 'Tên đầy đủ',
  agencyShort: 'Tên viết tắt',
  recipientsHint: 'Mỗi dòng một nơi nhận',
  signatureTitle: 'Chức danh (mỗi dòng một dòng)',
  signatureName: 'Họ tên người ký',
  funding: {
    unit_regular: 'Chi thường xuyên của đơn vị',
    city_budget: 'Ngân sách địa phương',
    other_lawful: 'Nguồn hợp pháp khác',
  },
  place: 'Địa danh',
  issuer: 'Cơ quan ban hành',
  issuers: { committee: 'Ủy ban nhân dân', dx_office: 'Cơ quan thường trực chuyển đổi số' },
  noProvince: 'Chưa chọn tỉnh, thành phố.',
};

const EN: Labels = {
  title: 'Province settings',
  intro:
    'The province’s own names and bodies over time. Every label, hint and document takes its words from here, as of its date.',
  keys: pick('en'),
  hints: {
    province_word: 'A province (tỉnh) or a centrally governed city (thành phố).',
    peoples_committee_name: 'E.g. Ủy ban nhân dân tỉnh …',
    party_committee_name: 'E.g. Tỉnh ủy … / Thành ủy …',
    dx_office_agency: 'The agency acting as DX office; it changes over time (e.g. from 01/03/2025).',
    default_recipients: 'One recipient per line.',
    signature_block: 'The title lines (one per line) and the signer’s name.',
    funding_source_names: 'The names of the funding sources in budget estimates.',
    report_defaults: 'The place and the default issuer of the consolidated report.',
  },
  from: 'From',
  to: 'Until the day before',
  always: 'earlier',
  still: 'now',
  period: (f, t) => `From ${f} to ${t}`,
  addPeriod: 'Add a period',
  newFrom: 'New period starts on',
  endPeriod: 'End the period',
  endOn: 'Ends from',
  remove: 'Remove',
  none: 'Not set.',
  save: 'Save settings',
  saved: 'Settings saved',
  dirty: 'Unsaved changes.',
  reset: 'Discard changes',
  readOnly: 'Only the province’s administrator can change these settings.',
  conflictTitle: 'Someone else just saved these settings',
  conflictText:
    'What you typed is still on screen. See the current version below, reload it and redo your change if needed.',
  conflictNow: 'Current version',
  reload: 'Load the latest version',
  invalid: 'The settings are not valid yet: see the marked fields.',
  words: { province: 'tỉnh (province)', city: 'thành phố (city)' },
  agencyName: 'Full name',
  agencyShort: 'Short name',
  recipientsHint: 'One recipient per line',
  signatureTitle: 'Title (one line per line)',
  signatureName: 'Signer’s name',
  funding: {
    unit_regular: 'Unit’s regular spending',
    city_budget: 'Local budget',
    other_lawful: 'Other lawful sources',
  },
  place: 'Place',
  issuer: 'Issuer',
  issuers: { committee: 'People’s Committee', dx_office: 'DX office agency' },
  noProvince: 'No province chosen.',
};

/** Labels in the user's language (Vietnamese first). */
export function useProvinceSettingsLabels(): Labels {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? EN : VI;
}

/** This feature's namespace in the catalogue (locales/index.ts). */
export const provinceSettingsText = { vi: VI, en: EN };
