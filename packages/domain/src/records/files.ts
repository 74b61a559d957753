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
  if (!fits)
    return {
      ok: false,
      field: 'contentBase64',
      message: `Nội dung tệp không phải tệp .${ext} thật; chỉ nhận tệp ${accepted}`,
    };
  return { ok: true, contentType: type.contentType, fileName: name };
}
