import { REPORT_STATUS_LABELS_VI } from '@dx/domain';
import { useTranslation } from 'react-i18next';

/**
 * The words of reported figures (issue 16): the DX office's items, a unit's figures in its period report, the period
 * grid. Vietnamese first.
 */
const VI = {
  statuses: REPORT_STATUS_LABELS_VI,
  notEntered: 'Chưa nhập',
  units: {
    count: 'số lượng',
    people: 'người',
    households: 'hộ',
    percent: '%',
    vnd: 'đồng',
  } as Record<string, string>,
  frequencies: { month: 'Hằng tháng', quarter: 'Hằng quý', half_year: '6 tháng', year: 'Hằng năm' } as Record<
    string,
    string
  >,
  aggregations: { sum: 'Cộng dồn', avg: 'Trung bình', last: 'Số liệu kỳ gần nhất' } as Record<string, string>,
  // A unit's figures in its report
  figuresTitle: 'Số liệu đơn vị báo cáo',
  figuresIntro:
    'Nhập các số liệu Văn phòng CĐS yêu cầu cho kỳ này. Số liệu được gửi cùng báo cáo và chỉ được tính vào chỉ tiêu khi được tiếp nhận.',
  noFigures: 'Kỳ này đơn vị không phải báo cáo số liệu nào.',
  note: 'Ghi chú (nguồn số liệu)',
  saveFigures: 'Lưu số liệu',
  sendFigures: 'Gửi số liệu',
  figuresSaved: 'Đã lưu số liệu',
  unsaved: 'Có số liệu chưa lưu: bấm "Lưu số liệu" trước khi gửi báo cáo',
  returnedWith: 'Bị trả lại: {{comment}}',
  noteOf: 'Ghi chú, nguồn số liệu — {{name}}',
  figuresInReport:
    'Số liệu được lưu cùng báo cáo khi bấm "Lưu nháp" và gửi cùng báo cáo khi bấm "Gửi báo cáo"; chỉ được tính vào chỉ tiêu khi Văn phòng CĐS tiếp nhận.',
  slotMonth: 'tháng {{m}}/{{y}}',
  slotQuarter: 'quý {{q}}/{{y}}',
  slotFirstHalf: '6 tháng đầu năm {{y}}',
  slotSecondHalf: '6 tháng cuối năm {{y}}',
  sentFigures: 'Số liệu gửi kèm báo cáo',
  figure: 'Số liệu',
  value: 'Giá trị',
  myGridTitle: 'Số liệu đơn vị tôi báo cáo — {{period}}',
  backToMine: '← Về báo cáo của tôi',
  myGridLink: 'Bảng số liệu {{period}} của đơn vị',
  saveRow: 'Lưu số liệu của {{unit}}',
  noOwnUnits: 'Kỳ này không có đơn vị nào của bạn phải báo cáo số liệu',
  conflict: 'Số liệu vừa được người khác cập nhật. Đã tải bản mới nhất; nhập lại nếu cần.',
  // Items (DX office)
  itemsTitle: 'Số liệu đơn vị báo cáo',
  itemsIntro:
    'Các số liệu không có trong hồ sơ (số người được tuyên truyền, số hộ được hướng dẫn…) mà đơn vị phải báo cáo theo kỳ. Chỉ tiêu có thể tính từ các số liệu đã được tiếp nhận.',
  addItem: 'Thêm số liệu',
  editItem: 'Sửa số liệu',
  noItems: 'Chưa có số liệu nào',
  code: 'Mã (dùng trong cách tính chỉ tiêu)',
  nameVi: 'Tên tiếng Việt',
  nameEn: 'Tên tiếng Anh',
  unitOfMeasure: 'Đơn vị tính',
  frequency: 'Kỳ báo cáo',
  aggregation: 'Cách cộng dồn qua các kỳ',
  reportingKinds: 'Loại đơn vị báo cáo',
  reportingKindsHint: 'Để trống và không chọn nhóm: mọi đơn vị phải báo cáo trong kỳ',
  reportingGroup: 'Hoặc nhóm đơn vị (mã nhóm)',
  mayExceed: 'Được vượt quá số liệu tổng của đơn vị',
  populationItem: 'Số liệu tổng (ví dụ: dân số, số hộ)',
  noPopulation: 'Không có',
  reportedBy: 'Đơn vị báo cáo',
  everyUnit: 'Mọi đơn vị phải báo cáo',
  save: 'Lưu',
  cancel: 'Huỷ',
  // Grid (DX office)
  gridTitle: 'Số liệu của kỳ {{period}}',
  gridLink: 'Số liệu đơn vị báo cáo của kỳ',
  backToPeriod: '← Về kỳ báo cáo',
  unit: 'Đơn vị',
  notAsked: 'Không yêu cầu',
  select: 'Chọn {{what}}',
  selectAllSubmitted: 'Chọn tất cả số liệu đang chờ duyệt',
  selected: 'Đã chọn {{n}} số liệu',
  reviewComment: 'Ý kiến (bắt buộc khi trả lại)',
  accept: 'Tiếp nhận số liệu đã chọn',
  return: 'Trả lại số liệu đã chọn',
  reviewed: 'Đã xử lý {{n}} số liệu',
  noUnits: 'Chưa có đơn vị nào phải báo cáo trong kỳ',
  noItemsForPeriod: 'Chưa có số liệu nào được yêu cầu cho loại kỳ này. Thêm ở mục "Số liệu đơn vị báo cáo".',
  importTitle: 'Nhập số liệu từ Excel',
  importIntro:
    'Tải mẫu của kỳ (mỗi dòng một đơn vị, mỗi cột một số liệu), điền số liệu đơn vị gửi về, tải lên để kiểm tra từng dòng rồi xác nhận. Số liệu nhập vào ở trạng thái đã gửi, chờ tiếp nhận.',
  template: 'Tải mẫu Excel của kỳ',
  file: 'Tệp số liệu (.xlsx, .csv)',
  check: 'Kiểm tra tệp',
  confirmImport: 'Xác nhận nhập {{n}} số liệu',
  importRow: 'Dòng',
  importOutcome: 'Kết quả',
  outcomes: { ok: 'Hợp lệ', empty: 'Không có số liệu', error: 'Có lỗi' } as Record<string, string>,
  importSummary: '{{values}} số liệu hợp lệ, {{errors}} dòng có lỗi',
  imported: 'Đã nhập {{n}} số liệu',
};
export type DataItemLabels = typeof VI;

const EN: DataItemLabels = {
  statuses: {
    draft: 'Draft',
    submitted: 'Submitted, awaiting review',
    returned: 'Returned',
    accepted: 'Accepted',
  },
  notEntered: 'Not entered',
  units: { count: 'count', people: 'people', households: 'households', percent: '%', vnd: 'VND' },
  frequencies: { month: 'Monthly', quarter: 'Quarterly', half_year: 'Half-yearly', year: 'Yearly' },
  aggregations: { sum: 'Sum', avg: 'Average', last: 'Latest period' },
  figuresTitle: 'Figures the unit reports',
  figuresIntro:
    'Enter the figures the DX office asks for this period. They are sent with the report and count towards targets only once accepted.',
  noFigures: 'The unit has no figures to report this period.',
  note: 'Note (source of the figure)',
  saveFigures: 'Save figures',
  sendFigures: 'Send figures',
  figuresSaved: 'Figures saved',
  unsaved: 'Some figures are not saved: press "Save figures" before sending the report',
  returnedWith: 'Returned: {{comment}}',
  noteOf: 'Note, source of the figure — {{name}}',
  figuresInReport:
    'The figures are saved with the report on "Save draft" and sent with it on "Submit report"; they count towards targets only once the DX office accepts them.',
  slotMonth: 'month {{m}}/{{y}}',
  slotQuarter: 'quarter {{q}}/{{y}}',
  slotFirstHalf: 'first half of {{y}}',
  slotSecondHalf: 'second half of {{y}}',
  sentFigures: 'Figures sent with the report',
  figure: 'Figure',
  value: 'Value',
  myGridTitle: 'Figures my unit reports — {{period}}',
  backToMine: '← Back to my reports',
  myGridLink: 'Figures grid of {{period}}',
  saveRow: 'Save the figures of {{unit}}',
  noOwnUnits: 'None of your units reports figures this period',
  conflict: 'Someone else just updated these figures. The latest version is loaded; enter again if needed.',
  itemsTitle: 'Figures units report',
  itemsIntro:
    'Figures no record holds (people reached, households visited…) that units report per period. Targets can be computed from accepted figures.',
  addItem: 'Add a figure',
  editItem: 'Edit figure',
  noItems: 'No figures yet',
  code: 'Code (used in target formulas)',
  nameVi: 'Vietnamese name',
  nameEn: 'English name',
  unitOfMeasure: 'Unit of measure',
  frequency: 'Reporting period',
  aggregation: 'How periods add up',
  reportingKinds: 'Unit kinds that report it',
  reportingKindsHint: 'Leave empty with no group: every unit reporting in the period',
  reportingGroup: 'Or a unit group (group code)',
  mayExceed: "May exceed the unit's total",
  populationItem: 'Total figure (e.g. population, households)',
  noPopulation: 'None',
  reportedBy: 'Reported by',
  everyUnit: 'Every unit reporting',
  save: 'Save',
  cancel: 'Cancel',
  gridTitle: 'Figures of {{period}}',
  gridLink: 'Figures reported in the period',
  backToPeriod: '← Back to the period',
  unit: 'Unit',
  notAsked: 'Not asked',
  select: 'Select {{what}}',
  selectAllSubmitted: 'Select every figure awaiting review',
  selected: '{{n}} figures selected',
  reviewComment: 'Comment (required to return)',
  accept: 'Accept selected figures',
  return: 'Return selected figures',
  reviewed: '{{n}} figures handled',
  noUnits: 'No unit must report in this period yet',
  noItemsForPeriod: 'No figure is asked for this kind of period. Add them under "Figures units report".',
  importTitle: 'Import figures from Excel',
  importIntro:
    "Download the period's template (a row per unit, a column per figure), fill in the figures units sent, upload it to check every row, then confirm. Imported figures stand as submitted, awaiting acceptance.",
  template: "Download the period's Excel template",
  file: 'Figures file (.xlsx, .csv)',
  check: 'Check the file',
  confirmImport: 'Confirm importing {{n}} figures',
  importRow: 'Row',
  importOutcome: 'Result',
  outcomes: { ok: 'Valid', empty: 'No figures', error: 'Has errors' },
  importSummary: '{{values}} valid figures, {{errors}} rows with errors',
  imported: '{{n}} figures imported',
};

/** Labels in the user's language (Vietnamese first). */
export function useDataItemLabels(): DataItemLabels {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? EN : VI;
}

export { fill } from './fill';

/** This feature's namespace in the catalogue (locales/index.ts). */
export const dataItemsText = { vi: VI, en: EN };
