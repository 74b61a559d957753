import { describe, expect, it } from 'vitest';
import { checkRecordFile, MAX_RECORD_FILE_BYTES } from './files';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj');
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

describe('checkRecordFile', () => {
  it('accepts documents whose bytes match their extension, with the content type from the extension', () => {
    expect(checkRecordFile('Kế hoạch 125-KH.pdf', pdf)).toEqual({
      ok: true,
      contentType: 'application/pdf',
      fileName: 'Kế hoạch 125-KH.pdf',
    });
    expect(checkRecordFile('C:\\Users\\ha\\danh sách.DOCX', zip)).toMatchObject({
      ok: true,
      fileName: 'danh sách.DOCX',
    });
    expect(checkRecordFile('anh.png', png)).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(checkRecordFile('ghi-chu.txt', new TextEncoder().encode('Biên bản'))).toMatchObject({ ok: true });
  });
  it('refuses unknown extensions, disguised files, empty and oversized files', () => {
    expect(checkRecordFile('virus.exe', new Uint8Array([0x4d, 0x5a]))).toMatchObject({
      ok: false,
      field: 'fileName',
    });
    expect(checkRecordFile('trang.html', new TextEncoder().encode('<html>'))).toMatchObject({ ok: false });
    expect(checkRecordFile('ke-hoach.pdf', zip)).toMatchObject({ ok: false, field: 'contentBase64' });
    expect(checkRecordFile('anh.jpg', png)).toMatchObject({ ok: false, field: 'contentBase64' });
    expect(checkRecordFile('rong.pdf', new Uint8Array())).toMatchObject({ ok: false, message: 'Tệp rỗng' });
    const big = new Uint8Array(MAX_RECORD_FILE_BYTES + 1);
    big.set(pdf);
    expect(checkRecordFile('lon.pdf', big)).toMatchObject({
      ok: false,
      message: 'Tệp quá lớn (tối đa 4 MB)',
    });
    expect(checkRecordFile('nhi-phan.txt', new Uint8Array([0x41, 0, 0x42]))).toMatchObject({ ok: false });
  });
});
