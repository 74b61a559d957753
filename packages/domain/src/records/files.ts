/*
 * Files attached to evidence records (the plan's document, a training's attendance list, a certificate of
 * recognition…): what may be uploaded. The kind is judged from the bytes (magic numbers) and the file name together,
 * never from the content type the browser claims; what is served back is always sent as a download.
 */

/** Largest file kept with a record (bytes); the same bound as evidence files of tasks. */
export const MAX_RECORD_FILE_BYTES = 4 * 1024 * 1024;
/** Files per record. */
export const MAX_RECORD_FILES = 10;

export type RecordFileKind = 'pdf' | 'office' | 'ole' | 'image' | 'text';

/** Extensions accepted, with the kind of bytes each must carry and the content type served. */
export const RECORD_FILE_TYPES: Record<string, { kind: RecordFileKind; contentType: string }> = {
  pdf: { kind: 'pdf', contentType: 'application/pdf' },
  docx: {
    kind: 'office',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: { kind: 'office', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: {
    kind: 'office',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
  odt: { kind: 'office', contentType: 'application/vnd.oasis.opendocument.text' },
  ods: { kind: 'office', contentType: 'application/vnd.oasis.opendocument.spreadsheet' },
  doc: { kind: 'ole', contentType: 'application/msword' },
  xls: { kind: 'ole', contentType: 'application/vnd.ms-excel' },
  jpg: { kind: 'image', contentType: 'image/jpeg' },
  jpeg: { kind: 'image', contentType: 'image/jpeg' },
  png: { kind: 'image', contentType: 'image/png' },
  txt: { kind: 'text', contentType: 'text/plain; charset=utf-8' },
};

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** What the first bytes say the file is. */
function sniff(head: Uint8Array): RecordFileKind | 'image/jpeg' | 'image/png' | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'office'; // zip (OOXML, ODF)
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

export type RecordFileCheck =
  | { ok: true; contentType: string; fileName: string }
  | { ok: false; field: 'fileName' | 'contentBase64'; message: string };

/**
 * Checks an upload: a known extension, bytes of that kind, not empty, within the size limit. Returns the content
 * type to store (from the extension, not from the client) and the file name cleaned of path parts.
 */
export function checkRecordFile(fileName: string, bytes: Uint8Array): RecordFileCheck {
  const name = fileName
    .normalize('NFC')
    .replace(/^.*[\\/]/, '')
    .replace(/["\p{Cc}]/gu, '')
    .trim();
  const ext = /\.([a-z0-9]{2,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = RECORD_FILE_TYPES[ext];
  const accepted = 'PDF, Word, Excel, PowerPoint, OpenDocument, JPG, PNG hoặc TXT';
  if (!name || !type) return { ok: false, field: 'fileName', message: `Chỉ nhận tệp ${accepted}` };
  if (bytes.length === 0) return { ok: false, field: 'contentBase64', message: 'Tệp rỗng' };
  if (bytes.length > MAX_RECORD_FILE_BYTES)
    return { ok: false, field: 'contentBase64', message: 'Tệp quá lớn (tối đa 4 MB)' };
  const sniffed = sniff(bytes.subarray(0, 16));
  const fits =
    type.kind === 'text'
      ? sniffed === null && !bytes.subarray(0, 4096).includes(0)
      : type.kind === 'image'
        ? sniffed === type.contentType
        : sniffed === type.kind;
  if (!fits || (type.kind === 'office' && !isOfficeDocument(ext, bytes)))
    return {
      ok: false,
      field: 'contentBase64',
      message: `Nội dung tệp không phải tệp .${ext} thật; chỉ nhận tệp ${accepted}`,
    };
  return { ok: true, contentType: type.contentType, fileName: name };
}

/** The names in a zip's central directory, or null when it has none readable. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const nameLen = view.getUint16(p + 28, true);
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return names;
}

/** Parts an Office Open XML package of each kind must hold (ECMA-376 part 2); ODF's first entry names its type. */
const OFFICE_PARTS: Record<string, string> = {
  docx: 'word/document.xml',
  xlsx: 'xl/workbook.xml',
  pptx: 'ppt/presentation.xml',
};
const ODF_TYPES: Record<string, string> = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

/** A zip named .docx/.xlsx/.pptx/.odt/.ods is that kind of document, not any zip renamed. */
export function isOfficeDocument(ext: string, bytes: Uint8Array): boolean {
  const names = zipEntryNames(bytes);
  if (!names) return false;
  const part = OFFICE_PARTS[ext];
  if (part) return names.includes('[Content_Types].xml') && names.includes(part);
  const odf = ODF_TYPES[ext];
  if (!odf) return false;
  // ODF 1.2 part 3, 3.3: the first entry is "mimetype", stored uncompressed, holding the media type.
  const head = new TextDecoder().decode(bytes.subarray(30, 38 + odf.length));
  return names[0] === 'mimetype' && head === `mimetype${odf}`;
}

/*
 * One policy for every upload (issue 14 "Uploads"): which files each place accepts, judged by their bytes; how
 * large; how many per object; and which links may be attached. The server counts under a lock on the object, so
 * parallel uploads cannot pass the cap together.
 */

export type UploadPlace = 'record_file' | 'task_evidence' | 'budget_attachment';

export const UPLOAD_POLICY: Record<UploadPlace, { maxBytes: number; maxCount: number; countOf: string }> = {
  record_file: { maxBytes: MAX_RECORD_FILE_BYTES, maxCount: MAX_RECORD_FILES, countOf: 'hồ sơ' },
  /** Per update: an update's files arrive together in one post. */
  task_evidence: { maxBytes: MAX_RECORD_FILE_BYTES, maxCount: 5, countOf: 'lần cập nhật' },
  budget_attachment: { maxBytes: MAX_RECORD_FILE_BYTES, maxCount: 20, countOf: 'dự toán' },
};

/** Checks one file for `place`: a known type whose bytes match (an .xlsx is a real workbook), within the size. */
export function checkUpload(_place: UploadPlace, fileName: string, bytes: Uint8Array): RecordFileCheck {
  // Every place accepts the same documents today; the place decides the counts.
  return checkRecordFile(fileName, bytes);
}

/** The message when an object already holds as many files as its place allows. */
export const tooManyFilesMessage = (place: UploadPlace) =>
  `Mỗi ${UPLOAD_POLICY[place].countOf} đính kèm tối đa ${UPLOAD_POLICY[place].maxCount} tệp`;

/** Links attached as evidence: http(s) only, never data:, javascript:, vbscript: or file:. */
export function checkLink(text: string): { ok: true; url: string } | { ok: false; message: string } {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return { ok: false, message: 'Đường dẫn không hợp lệ' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return { ok: false, message: 'Chỉ nhận đường dẫn http:// hoặc https://' };
  if (!u.hostname) return { ok: false, message: 'Đường dẫn thiếu tên miền' };
  return { ok: true, url: u.href };
}
