/**
 * Every sentence the server sends for display, by a stable code (issue 18: the server sends codes, the web translates
 * them). The Vietnamese here is the default `message` an API client reads in `{error:{code,message,reason,params}}`
 * (docs/architecture.md § Sessions and safety); the web shows its catalogue's word for `reason` instead — these same
 * Vietnamese words and their English (apps/web/src/locales/messages.ts), so a sentence is written once per language.
 * `{{name}}` is filled from the params sent with the code. No zod and no other import: the web's first screen reads
 * this file (`@dx/domain/messages`).
 */
export const MESSAGES = {
  // Sign-in, sessions, access (apps/server/src/http, features/auth, use-case/context.ts)
  'auth.signInFirst': 'Vui lòng đăng nhập',
  'auth.csrf': 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Tải lại trang và thử lại.',
  'auth.invalidCredentials': 'Tên đăng nhập hoặc mật khẩu không đúng',
  'auth.tooManyFailures': 'Đăng nhập sai nhiều lần. Vui lòng thử lại sau {{seconds}} giây.',
  'auth.tooManyRequests': 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút',
  'auth.wrongCurrentPassword': 'Mật khẩu hiện tại không đúng',
  'access.unit': 'Bạn không có quyền thực hiện thao tác này với đơn vị này',
  'access.adminOnlyUsers': 'Chỉ quản trị viên xem được danh sách tài khoản',
  'access.adminOnlyAudit': 'Chỉ quản trị viên xem được nhật ký',
  // Requests the server could not read (apps/server/src/http)
  'request.invalid': 'Dữ liệu gửi lên không hợp lệ',
  'request.malformed': 'Yêu cầu không hợp lệ',
  'request.badPath': 'Đường dẫn không hợp lệ',
  'request.tooDeep': 'Dữ liệu JSON lồng nhau quá sâu',
  'request.tooDeepField': 'Dữ liệu lồng nhau quá {{max}} cấp',
  'request.routeNotFound': 'Không tìm thấy {{method}} {{path}}',
  'request.unexpected': 'Đã có lỗi ngoài dự kiến. Mã yêu cầu: {{requestId}}',
  'record.themeFilterKinds': 'Chỉ tin, bài và sự kiện có chủ đề',
  'record.dxFilterKinds': 'Chỉ kênh có hoặc không có chuyên mục CĐS',
  'record.channelFilterKinds': 'Chỉ tin, bài có kênh đăng',
  'record.versionConflict': 'Bản ghi vừa được người khác cập nhật. Xem bản hiện tại rồi lưu lại.',
  'field.invalid': 'Không hợp lệ',
  // Errors and field issues of the features (apps/server/src/features)
  'access.nationalOnly': 'Chỉ tài khoản cấp quốc gia được xem tổng hợp các tỉnh',
  'access.ownUnitsOnly': 'Bạn chỉ được nhập hồ sơ cho đơn vị mình và các đơn vị trực thuộc',
  'access.systemAdminAddProvince': 'Chỉ quản trị hệ thống được thêm tỉnh, thành phố',
  'access.systemAdminNewProvince': 'Chỉ quản trị hệ thống được tạo tỉnh, thành phố mới',
  'budget.addLineFirst': 'Thêm ít nhất một dòng trước khi gửi',
  'budget.adjustmentInvalid': 'Điều chỉnh không hợp lệ',
  'budget.chainInvalid': 'Quy trình không hợp lệ',
  'budget.chainNotProvince': 'Không phải tỉnh, thành phố',
  'budget.lineElsewhere': 'Dòng không thuộc dự toán này',
  'budget.lineTaskOutside': 'Có dòng gắn nhiệm vụ không thuộc kế hoạch',
  'budget.lineTwice': 'Một dòng xuất hiện hai lần',
  'budget.linesInvalid': 'Danh sách dòng không hợp lệ',
  'budget.newLineWithCode': 'Dòng mới không có mã',
  'budget.noLines': 'Dự toán chưa có dòng nào',
  'budget.notEditable': 'Chỉ sửa được dự toán nháp hoặc bị trả lại',
  'budget.notFound': 'Không tìm thấy dự toán',
  'budget.parentOnlySupplementary': 'Chỉ đề xuất bổ sung mới có dự toán gốc',
  'budget.roundNotFound': 'Không tìm thấy phiên bản dự toán',
  'channel.missing': 'Kênh không tồn tại',
  'channel.notFound': 'Không tìm thấy kênh',
  'consolidated.alreadyIssued': 'Báo cáo tổng hợp của kỳ này đã được ban hành',
  'consolidated.issuerNotInForce': 'Chưa có cơ quan ban hành này tại ngày báo cáo',
  'dataImport.negative': 'Số liệu không được âm',
  'dataImport.noColumns':
    'Không thấy cột số liệu nào của kỳ này (tiêu đề cột có mã trong ngoặc vuông, ví dụ "[nguoi_tiep_can]"): dùng mẫu tải về từ kỳ báo cáo',
  'dataImport.unitNotRequired': 'Đơn vị không phải báo cáo số liệu này',
  'dataItem.choosePeriod': 'Chọn tháng, quý hoặc kỳ của số liệu trong kỳ báo cáo',
  'dataItem.codeTaken': 'Mã số liệu đã có trong tỉnh',
  'dataItem.notFound': 'Không tìm thấy số liệu',
  'dataItem.notInPeriod': 'Số liệu không thuộc kỳ báo cáo này',
  'dataItem.notRequired': 'Số liệu này không được yêu cầu đơn vị báo cáo trong kỳ',
  'dataItem.nothingToSend': 'Không có số liệu nào đang soạn hoặc bị trả lại để gửi',
  'dataItem.totalOtherItem': 'Số liệu tổng phải là một số liệu khác của cùng tỉnh',
  'dates.endBeforeStart': 'Ngày kết thúc phải sau ngày bắt đầu',
  'file.chooseSheet': 'Chọn tệp .xlsx hoặc .csv để nhập',
  'file.invalid': 'Tệp không hợp lệ',
  'file.missing': 'Thiếu tệp',
  'file.notFound': 'Không tìm thấy tệp đính kèm',
  'file.tooMany': 'Quá nhiều tệp',
  'group.codeExists': 'Mã nhóm đã tồn tại',
  'group.codeTaken': 'Mã nhóm đã được dùng trong tỉnh này',
  'group.missingInProvince': 'Nhóm đơn vị không tồn tại trong tỉnh',
  'group.notFound': 'Không tìm thấy nhóm đơn vị',
  'group.notFoundInProvince': 'Không tìm thấy nhóm đơn vị trong tỉnh',
  'group.notInProvince': 'Không có nhóm đơn vị này trong tỉnh',
  'group.notOfProvince': 'Nhóm đơn vị không thuộc tỉnh',
  'group.systemDelete': 'Không xóa được nhóm hệ thống',
  'group.systemEditable': 'Nhóm hệ thống chỉ đổi được tên và thành viên bổ sung',
  'group.systemRules': 'Không đổi được quy tắc của nhóm hệ thống',
  'group.unitOutside': 'Đơn vị không thuộc tỉnh, thành phố của nhóm',
  'import.duplicateConcurrent':
    'Trùng hồ sơ vừa được lưu (tệp được xác nhận nhập hai lần cùng lúc); dòng này không nhập lại',
  'import.forbiddenProvince': 'Bạn không có quyền nhập hồ sơ cho tỉnh, thành phố này',
  'import.notUploader': 'Lần chạy thử này do người khác tải lên; chỉ người tải tệp được xác nhận',
  'import.rightsChanged': 'Bạn không còn quyền nhập hồ sơ cho một số đơn vị trong tệp; hãy chạy thử lại tệp',
  'links.invalid': 'Liên kết không hợp lệ',
  'notification.notFound': 'Không tìm thấy thông báo',
  'obstacle.attachOnlyOnForward': 'Chỉ gộp kèm khi chuyển',
  'obstacle.cannotMerge': 'Không gộp được',
  'obstacle.mergeTargetNotFound': 'Không tìm thấy kiến nghị để gộp vào',
  'obstacle.notFound': 'Không tìm thấy khó khăn, kiến nghị',
  'obstacle.onlyWhenForwarding': 'Chỉ dùng khi chuyển',
  'obstacle.ownerInvalid': 'Đơn vị được giao không hợp lệ',
  'obstacle.proposalNotFound': 'Không tìm thấy kiến nghị',
  'period.chooseRequired': 'Chọn ít nhất một nhóm đơn vị hoặc một đơn vị phải báo cáo',
  'period.dueBeforeStart': 'Hạn nộp không được trước ngày bắt đầu kỳ',
  'period.groupsEmpty': 'Các nhóm đã chọn không có đơn vị nào vào cuối kỳ',
  'period.invalid': 'Kỳ báo cáo chưa hợp lệ',
  'period.nobodyRequired': 'Không có đơn vị nào phải báo cáo',
  'period.notFound': 'Không tìm thấy kỳ báo cáo',
  'period.notInPlan': 'Kỳ báo cáo không thuộc kế hoạch',
  'period.requiredInvalid': 'Danh sách đơn vị phải báo cáo chưa hợp lệ',
  'period.unitOutsideOrEnded': 'Đơn vị không thuộc tỉnh hoặc không còn hoạt động vào cuối kỳ',
  'plan.copyUnmapped': 'Còn đơn vị, nhóm đơn vị chưa có tương ứng ở tỉnh, thành phố đích',
  'plan.invalid': 'Kế hoạch chưa hợp lệ, xem lỗi từng mục',
  'plan.notFound': 'Không tìm thấy kế hoạch',
  'plan.revisionNotFound': 'Không tìm thấy phiên bản',
  'planImport.closed': 'Bản nháp này đã được xác nhận hoặc đã bỏ',
  'planImport.empty': 'Văn bản trống: không có chữ nào để đọc',
  'planImport.justConfirmed': 'Bản nháp này vừa được xác nhận',
  'planImport.notFound': 'Không tìm thấy bản nháp nhập kế hoạch',
  'planImport.unreadable':
    'Không nhận ra văn bản tiếng Việt: nội dung không phải chữ của một kế hoạch (tệp hỏng, ảnh hoặc ký tự ngẫu nhiên)',
  'province.none': 'Không có tỉnh, thành phố này',
  'province.notFound': 'Không tìm thấy tỉnh, thành phố',
  'province.notInCatalogue': 'Không có tỉnh, thành phố này trong danh mục',
  'province.notInForce': 'Tỉnh, thành phố không có hiệu lực vào ngày này',
  'record.badReferences': 'Dữ liệu tham chiếu không hợp lệ',
  'record.filterNotApplicable': 'Bộ lọc không áp dụng cho loại hồ sơ này',
  'record.inUse': 'Hồ sơ đang được hồ sơ khác tham chiếu (ví dụ kênh đã có tin, bài); không xoá được',
  'record.notFound': 'Không tìm thấy hồ sơ',
  'record.notInProvince': 'Không tìm thấy hồ sơ này trong tỉnh',
  'record.roleNotInVocabulary': 'Vai trò không có trong danh mục của tỉnh, thành phố',
  'record.trainingTagNotInVocabulary': 'Nội dung tập huấn không có trong danh mục của tỉnh, thành phố',
  'record.eventKindNotInVocabulary': 'Loại hoạt động không có trong danh mục của tỉnh, thành phố',
  'record.eventLevelNotInVocabulary': 'Cấp của hoạt động không có trong danh mục của tỉnh, thành phố',
  'record.modelKindNotInVocabulary': 'Loại mô hình không có trong danh mục của tỉnh, thành phố',
  'record.channelKindNotInVocabulary': 'Loại kênh không có trong danh mục của tỉnh, thành phố',
  'report.ofAnotherUnit': 'Báo cáo không phải của đơn vị này',
  'report.notFound': 'Không tìm thấy báo cáo',
  'report.someNotToUrge': 'Có đơn vị không cần đôn đốc',
  'report.unitNotDue': 'Đơn vị không phải báo cáo kỳ này',
  'report.unitNotRequired': 'Đơn vị không có trong danh sách phải báo cáo kỳ này',
  'target.definitionInvalid': 'Định nghĩa chỉ tiêu không hợp lệ',
  'target.groupCodeUnknown': 'Không có nhóm đơn vị với mã này trong tỉnh, thành phố của kế hoạch',
  'target.notFound': 'Không tìm thấy chỉ tiêu',
  'target.notInPlan': 'Chỉ tiêu không thuộc kế hoạch này',
  'task.attachmentNotFound': 'Không tìm thấy tệp minh chứng',
  'task.choosePart': 'Chọn phần việc của đơn vị chủ trì',
  'task.chooseStatus': 'Chọn tình trạng thực hiện',
  'task.commentEmpty': 'Ý kiến trống',
  'task.commentOrEvidence': 'Nhập nội dung ý kiến hoặc đính kèm minh chứng',
  'task.evidenceInvalid': 'Minh chứng không hợp lệ',
  'task.forbiddenPart': 'Bạn không có quyền cập nhật phần việc của đơn vị này',
  'task.invalid': 'Nhiệm vụ chưa hợp lệ',
  'task.leadMissing': 'Chọn ít nhất một cơ quan chủ trì',
  'task.notFound': 'Không tìm thấy nhiệm vụ',
  'task.notInPlan': 'Nhiệm vụ không thuộc kế hoạch này',
  'task.partNotFound': 'Không tìm thấy phần việc của đơn vị trong nhiệm vụ này',
  'task.supportCommentsOnly': 'Đơn vị phối hợp chỉ gửi ý kiến, không cập nhật tiến độ',
  'task.themeNotInPlan': 'Nội dung tuyên truyền không thuộc kế hoạch này',
  'task.updateInvalid': 'Cập nhật tiến độ chưa hợp lệ',
  'task.versionMissing': 'Thiếu phiên bản',
  'unit.invalidOrElsewhere': 'Đơn vị không hợp lệ hoặc ở tỉnh khác',
  'unit.missing': 'Đơn vị không tồn tại',
  'unit.notFound': 'Không tìm thấy đơn vị',
  'unit.notInPeriodProvince': 'Đơn vị không thuộc tỉnh, thành phố của kỳ báo cáo',
  'unit.notInPlanProvince': 'Đơn vị không thuộc tỉnh, thành phố của kế hoạch',
  'unit.notInProvince': 'Đơn vị không thuộc tỉnh, thành phố này',
  'unit.versionNotFound': 'Không tìm thấy phiên bản đơn vị',
  'unitImport.chooseDate': 'Chọn ngày hiệu lực của các đơn vị trước khi xác nhận',
  'unitImport.dateOutside': 'Ngày hiệu lực nằm ngoài thời gian tồn tại của tỉnh, thành phố',
  'unitPlan.alreadyReviewed': 'Kế hoạch đã được xem xét; đơn vị cần gửi lại trước khi xem xét tiếp',
  'unitPlan.returnReasonField': 'Nhập lý do trả lại kế hoạch',
  'unitPlan.returnReasonMissing': 'Nêu lý do trả lại',
  'urging.choosePeriod': 'Chọn kỳ báo cáo',
  'urging.listNoLongerBehind': 'Danh sách không còn đơn vị chậm',
  'urging.nobodyBehind': 'Không có đơn vị nào chậm trong danh sách này để đôn đốc',
  'urging.notFound': 'Không tìm thấy công văn',
  'user.askAnotherAdmin': 'Nhờ một quản trị viên khác thực hiện',
  'user.grantUnitMissing': 'Đơn vị được phân quyền không tồn tại',
  'user.noGrantsToFollow': 'Tài khoản không có quyền nào trên đơn vị đã kết thúc có đơn vị kế thừa',
  'user.notFound': 'Không tìm thấy tài khoản',
  'user.nothingToMove': 'Không có quyền cần chuyển',
  'user.selfLockout': 'Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình',
  'user.usernameExists': 'Tên đăng nhập đã tồn tại',
  'consolidated.noDxOffice':
    'Chưa ghi nhận cơ quan giúp việc về chuyển đổi số của tỉnh, thành phố tại ngày {{date}}',
  'dataItem.codeTakenNamed': 'Mã số liệu "{{code}}" đã có trong tỉnh',
  'dataItem.unknownKind': 'Loại đơn vị không có: {{kind}}',
  'file.tooLarge': 'Tệp vượt quá {{mb}} MB',
  'import.busyServer':
    'Hệ thống đang đọc {{running}} tệp nhập (tối đa {{max}} tệp cùng lúc); thử lại sau ít phút',
  'import.busyUser':
    'Bạn đang nhập {{running}} tệp (tối đa {{max}} tệp cùng lúc); chờ tệp trước xong rồi thử lại',
  'import.tooMuchMemory':
    'Tệp cần quá {{mb}} MB bộ nhớ để đọc; chia thành nhiều tệp nhỏ hơn hoặc bỏ định dạng thừa',
  'obstacle.planElsewhere': 'Kế hoạch không thuộc tỉnh, thành phố của đơn vị',
  'plan.copyChooseSameKind': '{{name}}: chọn đơn vị cùng loại của tỉnh đích',
  'plan.copyGroupMissing': 'Nhóm {{group}}: tỉnh đích không có nhóm này, hãy chọn',
  'plan.copyTargetGroup': 'Chỉ tiêu {{letter}}) đếm theo nhóm {{group}}: hãy chọn một nhóm',
  'plan.copyUnitUnmapped': '{{name}}: chưa có đơn vị tương ứng, hãy chọn',
  'plan.numberTaken': 'Số, ký hiệu {{number}} đã có trong năm ban hành này',
  'plan.numberUsed': 'Số {{number}} đã được dùng cho một văn bản khác của cơ quan này trong năm',
  'planImport.tooLong': 'Văn bản dài quá {{max}} ký tự: một kế hoạch ngắn hơn nhiều',
  'province.alreadyAdded': '{{name}} đã có trên hệ thống',
  'report.alreadySent': '{{unit}} đã nộp báo cáo',
  'task.hasUpdates': 'Không xoá được: nhiệm vụ đã có {{updates}} cập nhật tiến độ hoặc ý kiến của đơn vị',
  'task.tooManyFiles': 'Mỗi lần cập nhật đính kèm tối đa {{max}} tệp',
  'task.unitOutsideOn': 'Đơn vị không thuộc tỉnh hoặc không còn hoạt động ngày {{date}}',
  'unitImport.chooseDateField': 'Chọn ngày hiệu lực (gợi ý: {{offered}}, ngày đầu năm kế hoạch sớm nhất)',
  'unitImport.dateRange': '{{name}} có hiệu lực từ {{from}} đến hết {{to}}; chọn ngày trong khoảng đó',
  'user.usernameTaken': 'Tên đăng nhập "{{username}}" đã có người dùng',
  'dataValue.above100': 'Tỷ lệ không vượt quá 100%',
  'dataValue.abovePopulation': 'Số liệu ({{value}}) lớn hơn tổng số của đơn vị ({{population}})',
  'dataImport.unitNotFound': 'Không tìm thấy đơn vị "{{unit}}" trong tỉnh',
  'dataImport.notANumber': '"{{cell}}" không phải là số',
  'dataImport.acceptedLocked': 'Số liệu đã được tiếp nhận và khoá; không ghi đè',
  'dataImport.awaitingReview': 'Đơn vị đã gửi số liệu này, đang chờ duyệt; trả lại trước khi nhập số khác',
  // Notifications (the `words` of a notification row: features/targets, reports, urging, obstacles, jobs/task-reminders)
  'notification.targetReminderTitle': 'Đôn đốc thực hiện chỉ tiêu {{target}} — Kế hoạch {{plan}}',
  'notification.targetReminderBody':
    'Đề nghị đơn vị khẩn trương thực hiện và cập nhật kết quả chỉ tiêu {{target}}: "{{text}}". Xem chi tiết tại mục "Việc của tôi" trên hệ thống.',
  'notification.reportReminderTitle': 'Đôn đốc nộp báo cáo {{period}}',
  'notification.reportReminderBody':
    'Đề nghị đơn vị hoàn thành và gửi báo cáo kết quả thực hiện kế hoạch truyền thông về chuyển đổi số {{period}} (hạn nộp {{due}}). Vào mục "Báo cáo định kỳ" trên hệ thống: số liệu đã được điền sẵn từ hồ sơ của đơn vị.',
  'notification.urgingTitle': 'Công văn số {{number}} V/v {{subject}}',
  'notification.obstacleDirectedTitle': 'Chỉ đạo xử lý: {{title}}',
  'notification.obstacleDirectedBody': '{{direction}}\nHạn xử lý: {{due}}.',
  'notification.obstacleAnsweredTitle': 'Đã trả lời: {{title}}',
  'notification.obstacleDeclinedTitle': 'Không chuyển: {{title}}',
  'notification.taskReminderTitle': 'Đôn đốc thực hiện nhiệm vụ — Kế hoạch {{plan}}',
  'notification.taskReminderTitleNoPlan': 'Đôn đốc thực hiện nhiệm vụ — Kế hoạch',
  'notification.taskDueIn7':
    'Nhiệm vụ "{{task}}" đến hạn ngày {{due}} (còn 7 ngày). Xem và cập nhật tại mục "Nhiệm vụ" trên hệ thống.',
  'notification.taskDueIn3':
    'Nhiệm vụ "{{task}}" đến hạn ngày {{due}} (còn 3 ngày). Xem và cập nhật tại mục "Nhiệm vụ" trên hệ thống.',
  'notification.taskDueToday':
    'Nhiệm vụ "{{task}}" đến hạn hôm nay ({{due}}). Xem và cập nhật tại mục "Nhiệm vụ" trên hệ thống.',
  'notification.taskOverdue':
    'Nhiệm vụ "{{task}}" đã quá hạn từ ngày {{due}}; đề nghị khẩn trương hoàn thành và cập nhật kết quả. Xem và cập nhật tại mục "Nhiệm vụ" trên hệ thống.',
  'notification.taskEscalation':
    'Đơn vị cấp dưới chưa hoàn thành nhiệm vụ "{{task}}" (hạn {{due}}); đề nghị đơn vị chỉ đạo, đôn đốc thực hiện. Xem và cập nhật tại mục "Nhiệm vụ" trên hệ thống.',
} as const satisfies Record<string, string>;

/** A sentence's code: the web's catalogue has a word for each (apps/web/src/locales/catalogue.test.ts). */
export type MessageCode = keyof typeof MESSAGES;
export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];
/** What fills a sentence's `{{name}}` placeholders: data (numbers, names, dates as typed), never words to translate. */
export type MessageParams = Record<string, string | number>;
/** A sentence by code, with what fills it. */
export type Said = { reason: MessageCode; params?: MessageParams };

/** `{{name}}` filled from params; a placeholder without a value stays as written. */
export function fillPlaceholders(text: string, params?: MessageParams): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    params?.[name] === undefined ? whole : String(params[name]),
  );
}

/** The Vietnamese default of a sentence. */
export function say(reason: MessageCode, params?: MessageParams): string {
  return fillPlaceholders(MESSAGES[reason], params);
}

/** A sentence by code (for AppError, field issues and import problems). */
export const said = (reason: MessageCode, params?: MessageParams): Said =>
  params ? { reason, params } : { reason };

/** A field issue's or a problem's words: the Vietnamese default, the code and what fills it (`{ path, ...worded(…) }`). */
export const worded = (reason: MessageCode, params?: MessageParams) =>
  params ? { message: say(reason, params), reason, params } : { message: say(reason), reason };

/**
 * A notification's title and body by code (the `words` column of `notification`); `body` null when the body is the
 * sender's own text or an official document's (a công văn), shown as written.
 */
export type NotificationWords = { title: Said; body: Said | null };
