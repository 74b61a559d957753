import { useTranslation } from 'react-i18next';

/** The words of the plan import screens, Vietnamese first. */
const LABELS = {
  vi: {
    title: 'Nhập kế hoạch từ văn bản',
    intro:
      'Tải lên tệp DOCX, PDF có lớp chữ, hoặc dán văn bản (kể cả văn bản nhận dạng từ bản quét). Hệ thống đọc thành bản nháp; chưa có gì thành kế hoạch cho đến khi bạn xác nhận.',
    file: 'Tệp văn bản (DOCX, PDF, TXT)',
    paste: 'Hoặc dán văn bản kế hoạch',
    read: 'Đọc văn bản',
    review: 'Rà soát bản nháp',
    source: 'Đoạn văn nguồn',
    confidence: 'Độ tin cậy',
    noSource: '(không có trong văn bản, do hệ thống suy ra)',
    confirm: 'Xác nhận, tạo kế hoạch',
    confirmed: 'Đã tạo kế hoạch từ bản nháp này',
    openPlan: 'Mở kế hoạch',
    warnings: 'Cần kiểm tra',
    issuerName: 'Cơ quan ban hành',
    parentIssuerName: 'Cơ quan chủ quản (dòng trên, khi cơ quan ban hành là sở, ban, ngành)',
    yearTo: 'Năm cuối giai đoạn (kế hoạch nhiều năm)',
    number: 'Số, ký hiệu',
    place: 'Địa danh',
    date: 'Ngày ban hành (YYYY-MM-DD)',
    year: 'Năm kế hoạch',
    docTitle: 'Trích yếu',
    target: 'Chỉ tiêu',
    signer: 'Người ký',
    position: 'Chức vụ người ký',
    counts: (t: number, th: number, r: number, n: number) =>
      `${t} chỉ tiêu · ${th} nội dung tuyên truyền · ${r} mục tổ chức thực hiện · ${n} nơi nhận`,
    kind: 'Loại văn bản',
  },
  en: {
    title: 'Import a plan document',
    intro:
      'Upload a DOCX, a PDF with a text layer, or paste text (including OCR text of a scan). It is read into a draft; nothing becomes a plan until you confirm.',
    file: 'Document file (DOCX, PDF, TXT)',
    paste: 'Or paste the plan text',
    read: 'Read the document',
    review: 'Review the draft',
    source: 'Source text',
    confidence: 'Confidence',
    noSource: '(not in the text, inferred)',
    confirm: 'Confirm and create the plan',
    confirmed: 'A plan was created from this draft',
    openPlan: 'Open the plan',
    warnings: 'To check',
    issuerName: 'Issuer',
    parentIssuerName: 'Governing body (line above, when a department issues it)',
    yearTo: 'Last year of the period (multi-year plan)',
    number: 'Number',
    place: 'Place',
    date: 'Date of issue (YYYY-MM-DD)',
    year: 'Plan year',
    docTitle: 'Title',
    target: 'Target',
    signer: 'Signer',
    position: 'Signer’s position',
    counts: (t: number, th: number, r: number, n: number) =>
      `${t} targets · ${th} themes · ${r} parts of organisation · ${n} recipients`,
    kind: 'Document kind',
  },
};
export type ImportLabels = (typeof LABELS)['vi'];

export function useImportLabels(): ImportLabels {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? LABELS.en : LABELS.vi;
}

/** This feature's namespace in the catalogue (locales/index.ts). */
export const planImportsText = LABELS;
