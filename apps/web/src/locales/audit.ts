import { useTranslation } from 'react-i18next';

/*
 * The audit log in words (issue 19: it showed raw codes): an action code is "<object>.<verb>"; the log reads
 * "<Verb> <object>" from these two lists, or a whole phrase for the actions that are not a verb on an object.
 */
const vi = {
  objects: {
    user: 'tài khoản',
    org_unit: 'đơn vị',
    org_unit_version: 'thông tin đơn vị',
    reorganisation: 'sắp xếp đơn vị',
    unit_group: 'nhóm đơn vị',
    plan: 'kế hoạch',
    plan_target: 'chỉ tiêu',
    plan_import: 'nhập kế hoạch',
    plan_import_draft: 'bản nhập kế hoạch',
    publication: 'tin, bài',
    channel: 'kênh',
    unit_plan: 'kế hoạch của đơn vị',
    person: 'người viết tin',
    training: 'lớp tập huấn',
    dx_model: 'mô hình CĐS',
    event: 'sự kiện',
    record_file: 'tệp đính kèm',
    import_batch: 'lần nhập từ tệp',
    target: 'chỉ tiêu',
    task: 'nhiệm vụ',
    task_assignment: 'phần việc của đơn vị',
    report_period: 'kỳ báo cáo',
    unit_report: 'báo cáo của đơn vị',
    consolidated_report: 'báo cáo tổng hợp',
    obstacle: 'khó khăn, kiến nghị',
    budget_estimate: 'dự toán',
    budget_chain: 'quy trình duyệt dự toán',
    urging: 'công văn đôn đốc',
    province: 'tỉnh, thành phố',
    province_settings: 'thiết lập tỉnh, thành phố',
    setting: 'thiết lập',
    vocabulary: 'danh mục',
    notification: 'thông báo',
    data_item: 'mục số liệu báo cáo',
    data_value: 'số liệu báo cáo của đơn vị',
  } as Record<string, string>,
  verbs: {
    create: 'Tạo',
    update: 'Sửa',
    delete: 'Xóa',
    import: 'Nhập từ tệp',
    confirm: 'Xác nhận',
    correct: 'Đính chính',
    reorganise: 'Sắp xếp lại',
    define: 'Định nghĩa cách tính',
    remind: 'Đôn đốc',
    issue: 'Ban hành',
    submit: 'Gửi',
    accept: 'Tiếp nhận',
    return: 'Trả lại',
    review: 'Xem xét',
    save: 'Lưu',
    close: 'Khóa',
    reopen: 'Mở lại',
    raise: 'Nêu',
    forward: 'Chuyển',
    direct: 'Chỉ đạo',
    answer: 'Trả lời',
    merge: 'Gộp',
    approve: 'Phê duyệt',
    adjust: 'Điều chỉnh',
    attach: 'Đính kèm tệp vào',
    edit: 'Sửa',
    comment: 'Góp ý',
    link: 'Liên kết',
    progress: 'Cập nhật tiến độ',
    unlock: 'Mở khóa',
    change_password: 'Đổi mật khẩu',
    seed: 'Nạp sẵn',
  } as Record<string, string>,
  phrases: {
    'auth.sign_in': 'Đăng nhập',
    'auth.sign_in_failed': 'Đăng nhập không thành công',
    'auth.sign_out': 'Đăng xuất',
    'auth.sign_out_everywhere': 'Đăng xuất khỏi mọi thiết bị',
    'seed.units': 'Nạp sẵn danh sách đơn vị',
  } as Record<string, string>,
};

type Words = typeof vi;

const en: Words = {
  objects: {
    user: 'account',
    org_unit: 'unit',
    org_unit_version: 'unit details',
    reorganisation: 'reorganisation',
    unit_group: 'unit group',
    plan: 'plan',
    plan_target: 'target',
    plan_import: 'plan import',
    plan_import_draft: 'plan import draft',
    publication: 'news item',
    channel: 'channel',
    unit_plan: "unit's plan",
    person: 'news writer',
    training: 'training',
    dx_model: 'DX model',
    event: 'event',
    record_file: 'attached file',
    import_batch: 'file import',
    target: 'target',
    task: 'task',
    task_assignment: "unit's part of a task",
    report_period: 'reporting period',
    unit_report: "unit's report",
    consolidated_report: 'consolidated report',
    obstacle: 'obstacle or proposal',
    budget_estimate: 'budget estimate',
    budget_chain: 'budget approval chain',
    urging: 'urging letter',
    province: 'province',
    province_settings: 'province settings',
    setting: 'setting',
    vocabulary: 'vocabulary',
    notification: 'notification',
    data_item: 'reported data item',
    data_value: "unit's reported figure",
  },
  verbs: {
    create: 'Created',
    update: 'Edited',
    delete: 'Deleted',
    import: 'Imported',
    confirm: 'Confirmed',
    correct: 'Corrected',
    reorganise: 'Reorganised',
    define: 'Defined the formula of',
    remind: 'Reminded about',
    issue: 'Issued',
    submit: 'Submitted',
    accept: 'Accepted',
    return: 'Returned',
    review: 'Reviewed',
    save: 'Saved',
    close: 'Closed',
    reopen: 'Reopened',
    raise: 'Raised',
    forward: 'Forwarded',
    direct: 'Directed',
    answer: 'Answered',
    merge: 'Merged',
    approve: 'Approved',
    adjust: 'Adjusted',
    attach: 'Attached a file to',
    edit: 'Edited',
    comment: 'Commented on',
    link: 'Linked',
    progress: 'Updated the progress of',
    unlock: 'Unlocked',
    change_password: 'Changed the password of',
    seed: 'Loaded',
  },
  phrases: {
    'auth.sign_in': 'Signed in',
    'auth.sign_in_failed': 'Failed sign-in',
    'auth.sign_out': 'Signed out',
    'auth.sign_out_everywhere': 'Signed out everywhere',
    'seed.units': 'Loaded the list of units',
  },
};

/** "Tạo tin, bài" from "publication.create"; an unknown code is shown as it is. */
export function actionWords(w: Words, action: string, entityType: string): string {
  if (w.phrases[action]) return w.phrases[action]!;
  const dot = action.indexOf('.');
  const object = dot > 0 ? action.slice(0, dot) : entityType;
  const verb = dot > 0 ? action.slice(dot + 1) : action;
  const v = w.verbs[verb];
  const o = w.objects[object] ?? w.objects[entityType];
  return v && o ? `${v} ${o}` : action;
}

export function useAuditWords(): Words {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? en : vi;
}

/** This feature's namespace in the catalogue (locales/index.ts). */
export const auditText = { vi, en };
