import { describe, expect, it } from 'vitest';
import { checkLink, checkRecordFile, isOfficeDocument, MAX_RECORD_FILE_BYTES } from './files';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj');

/** A stored (uncompressed) zip holding `entries` (names → text); enough for the policy, which reads names only. */
function storedZip(entries: [string, string][]): Uint8Array {
  const enc = new TextEncoder();
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const [name, text] of entries) {
    const n = enc.encode(name);
    const d = enc.encode(text);
    const offset = parts.length;
    parts.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    parts.push(...u32(d.length), ...u32(d.length), ...u16(n.length), ...u16(0), ...n, ...d);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    central.push(
      ...u32(d.length),
      ...u32(d.length),
      ...u16(n.length),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
    );
    central.push(...u32(0), ...u32(offset), ...n);
  }
  const end = [...u32(0x06054b50), 0, 0, 0, 0, ...u16(entries.length), ...u16(entries.length)];
  end.push(...u32(central.length), ...u32(parts.length), 0, 0);
  return new Uint8Array([...parts, ...central, ...end]);
}
const zip = storedZip([
  ['[Content_Types].xml', '<Types/>'],
  ['word/document.xml', '<w:document/>'],
]);
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
  it('takes an Office file for what its parts say, not for being a zip', () => {
    const anyZip = storedZip([['virus.exe', 'MZ']]);
    expect(checkRecordFile('bang-tinh.xlsx', anyZip)).toMatchObject({ ok: false, field: 'contentBase64' });
    expect(checkRecordFile('van-ban.docx', anyZip)).toMatchObject({ ok: false });
    expect(checkRecordFile('bang-tinh.xlsx', zip)).toMatchObject({ ok: false });
    const workbook = storedZip([
      ['[Content_Types].xml', '<Types/>'],
      ['xl/workbook.xml', '<workbook/>'],
    ]);
    expect(checkRecordFile('bang-tinh.xlsx', workbook)).toMatchObject({ ok: true });
    const ods = storedZip([
      ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['content.xml', '<office:document-content/>'],
    ]);
    expect(isOfficeDocument('ods', ods)).toBe(true);
    expect(isOfficeDocument('odt', ods)).toBe(false);
  });
});

describe('checkLink', () => {
  it('accepts http(s) links only', () => {
    expect(checkLink(' https://haian.gov.vn/tin/1 ')).toEqual({
      ok: true,
      url: 'https://haian.gov.vn/tin/1',
    });
    expect(checkLink('http://example.vn')).toMatchObject({ ok: true });
    for (const bad of [
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.vn/a',
      'không phải đường dẫn',
    ])
      expect(checkLink(bad).ok).toBe(false);
  });
});
