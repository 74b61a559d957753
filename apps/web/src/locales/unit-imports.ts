import { useTranslation } from 'react-i18next';

/** The words of the province catalogue and units import screens (issue 15), Vietnamese first. */
const LABELS = {
  vi: {
    title: 'Nhập danh sách đơn vị',
    intro:
      'Tải lên tệp Excel hoặc CSV: theo mẫu (mã, tên, loại, đơn vị cấp trên — cả sở, ngành, báo chí, trường học, đoàn thể) hoặc danh mục hành chính của Tổng cục Thống kê. Hệ thống chạy thử và giải thích từng dòng; sửa tệp, tải lại, chọn ngày hiệu lực rồi xác nhận: tạo tất cả hoặc không đơn vị nào.',
    template: 'Tải mẫu Excel',
    province: 'Tỉnh, thành phố',
    file: 'Tệp danh sách đơn vị (.xlsx, .csv)',
    check: 'Chạy thử',
    checking: 'Đang kiểm tra…',
    effectiveDate: 'Ngày hiệu lực của các đơn vị',
    effectiveHint: 'Gợi ý: {{date}} (ngày đầu năm kế hoạch sớm nhất). Đơn vị chỉ được tính từ ngày này.',
    summary: '{{total}} dòng · {{ok}} dòng hợp lệ · {{errors}} dòng có lỗi',
    fixAndRetry: 'Sửa các dòng có lỗi trong tệp rồi tải lại. Chưa có gì được lưu.',
    allGood: 'Mọi dòng đều hợp lệ. Chọn ngày hiệu lực rồi xác nhận.',
    confirm: 'Xác nhận nhập {{n}} đơn vị',
    done: 'Đã tạo {{n}} đơn vị, hiệu lực từ {{date}}.',
    openTree: 'Xem cơ cấu tổ chức',
    row: 'Dòng',
    code: 'Mã',
    name: 'Tên đơn vị',
    kind: 'Loại',
    parent: 'Đơn vị cấp trên',
    result: 'Kết quả',
    ok: 'Hợp lệ',
    skipped: 'Bỏ qua',
    error: 'Lỗi',
    onlyErrors: 'Chỉ xem dòng có lỗi',
    format: { units: 'Mẫu của hệ thống', gso: 'Danh mục của Tổng cục Thống kê' },
    kinds: {
      province: 'Tỉnh, thành phố',
      department: 'Sở, ban, ngành',
      district: 'Cấp huyện',
      commune: 'Cấp xã',
      press_agency: 'Cơ quan báo chí',
      school: 'Trường học',
      mass_organisation: 'Tổ chức, đoàn thể',
      enterprise: 'Doanh nghiệp',
      other: 'Khác',
    },
    catalogueTitle: 'Danh mục tỉnh, thành phố',
    catalogueIntro:
      'Danh mục chính thức: 34 tỉnh, thành phố từ 01/07/2025 (Nghị quyết 202/2025/QH15) và 63 tỉnh, thành phố trước đó. Thêm một tỉnh từ danh mục, rồi nhập danh sách đơn vị của tỉnh.',
    asOf: 'Có hiệu lực vào ngày',
    allPeriods: 'Mọi thời kỳ',
    from: 'Từ',
    to: 'Đến hết',
    add: 'Thêm',
    added: 'Đã có',
    importUnits: 'Nhập đơn vị',
    addedNotice: 'Đã thêm {{name}} cùng các nhóm đơn vị mặc định.',
    search: 'Tìm tỉnh, thành phố',
    onlySystemAdmin: 'Chỉ quản trị hệ thống được thêm tỉnh, thành phố.',
  },
  en: {
    title: 'Import units',
    intro:
      'Upload an Excel or CSV file: the template (code, name, type, parent — departments, press, schools and mass organisations too) or the statistics office’s list of administrative units. The dry run explains every row; fix the file, upload it again, choose the effective date and confirm: every unit is created, or none.',
    template: 'Download the Excel template',
    province: 'Province',
    file: 'File of units (.xlsx, .csv)',
    check: 'Dry run',
    checking: 'Checking…',
    effectiveDate: 'Effective date of the units',
    effectiveHint: 'Suggested: {{date}} (1 January of the earliest plan year). Units count from this day.',
    summary: '{{total}} rows · {{ok}} valid · {{errors}} with problems',
    fixAndRetry: 'Fix the rows with problems in the file and upload it again. Nothing was saved.',
    allGood: 'Every row is valid. Choose the effective date and confirm.',
    confirm: 'Confirm: import {{n}} units',
    done: 'Created {{n}} units, in force from {{date}}.',
    openTree: 'Open the organisation tree',
    row: 'Row',
    code: 'Code',
    name: 'Name',
    kind: 'Kind',
    parent: 'Parent',
    result: 'Result',
    ok: 'Valid',
    skipped: 'Skipped',
    error: 'Problem',
    onlyErrors: 'Only rows with problems',
    format: { units: 'The platform’s template', gso: 'The statistics office’s list' },
    kinds: {
      province: 'Province',
      department: 'Department',
      district: 'District level',
      commune: 'Commune level',
      press_agency: 'Press agency',
      school: 'School',
      mass_organisation: 'Mass organisation',
      enterprise: 'Enterprise',
      other: 'Other',
    },
    catalogueTitle: 'Catalogue of provinces',
    catalogueIntro:
      'The official catalogue: 34 provinces from 01/07/2025 (Resolution 202/2025/QH15) and the 63 before. Add a province from it, then import its units.',
    asOf: 'In force on',
    allPeriods: 'All periods',
    from: 'From',
    to: 'Until',
    add: 'Add',
    added: 'Added',
    importUnits: 'Import units',
    addedNotice: 'Added {{name}} with the default unit groups.',
    search: 'Search provinces',
    onlySystemAdmin: 'Only a system administrator adds provinces.',
  },
};
export type UnitImportLabels = (typeof LABELS)['vi'];

export function useUnitImportLabels(): UnitImportLabels {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? LABELS.en : LABELS.vi;
}

/** Fills {{name}} placeholders. */
export { fill } from './fill';

/** This feature's namespace in the catalogue (locales/index.ts). */
export const unitImportsText = LABELS;
