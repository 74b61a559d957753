import { inflateRawSync } from 'node:zlib';
import { AppError } from '@dx/domain';
import { SaxesParser } from 'saxes';

/**
 * Text of an uploaded plan document: DOCX (word/document.xml, paragraphs and table rows), PDF with a text layer
 * (pdfjs-dist), or plain text. A spreadsheet, an image-only PDF or an unknown binary is refused with a message
 * saying what to upload instead (issue 17).
 */
export type ExtractedText = { source: 'text' | 'docx' | 'pdf'; text: string };

const MAX_ENTRY_BYTES = 50 * 1024 * 1024;
const MAX_PDF_PAGES = 300;

const refuse = (message: string) => new AppError('IMPORT.INVALID_FILE', message);

/** Entries of a zip archive by name (central directory), inflated on demand within a size bound. */
function zipEntries(buf: Buffer): Map<string, () => Buffer> {
  const entries = new Map<string, () => Buffer>();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('Tệp nén hỏng: không đọc được danh mục tệp bên trong');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && at + 46 <= buf.length; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) break;
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    entries.set(name, () => {
      if (size > MAX_ENTRY_BYTES) throw refuse('Tệp quá lớn sau khi giải nén');
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + compressed);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
    });
    at += 46 + nameLen + extra + comment;
  }
  return entries;
}

/** Paragraphs of word/document.xml; a table row becomes one line with its cells separated by " | ". */
function docxText(xml: string): string {
  const lines: string[] = [];
  let paragraph = '';
  let cell = '';
  let cells: string[] = [];
  let tableDepth = 0;
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:t') inText = true;
    else if (tag.name === 'w:tab') paragraph += '\t';
    else if (tag.name === 'w:br') paragraph += '\n';
    else if (tag.name === 'w:tbl') tableDepth++;
    else if (tag.name === 'w:tr') cells = [];
    else if (tag.name === 'w:tc') cell = '';
  });
  parser.on('text', (t) => {
    if (inText) paragraph += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
    else if (tag.name === 'w:p') {
      if (tableDepth > 0) cell = cell ? `${cell} ${paragraph}` : paragraph;
      else lines.push(paragraph);
      paragraph = '';
    } else if (tag.name === 'w:tc') cells.push(cell.trim());
    else if (tag.name === 'w:tr') lines.push(cells.join(' | '));
    else if (tag.name === 'w:tbl') tableDepth--;
  });
  parser.write(xml).close();
  return lines.join('\n');
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch {
    throw refuse('Tệp PDF hỏng hoặc có mật khẩu: không mở được');
  }
  const lines: string[] = [];
  for (let p = 1; p <= Math.min(doc.numPages, MAX_PDF_PAGES); p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    if (line) lines.push(line);
    lines.push('');
  }
  await doc.destroy();
  return lines.join('\n');
}

/** Reads the text of an upload: `contentBase64` (DOCX, PDF or UTF-8 text) or `text` as pasted. */
export async function extractText(input: {
  text?: string | undefined;
  contentBase64?: string | undefined;
}): Promise<ExtractedText> {
  if (input.text !== undefined) return { source: 'text', text: input.text };
  const bytes = Buffer.from(input.contentBase64 ?? '', 'base64');
  if (bytes.length === 0) throw refuse('Tệp trống: không có nội dung để đọc');
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const text = await pdfText(bytes);
    if ((text.match(/\p{L}/gu) ?? []).length < 50) {
      throw refuse(
        'Tệp PDF không có lớp chữ (chỉ có ảnh bản quét): hãy nhận dạng chữ (OCR) rồi dán văn bản, hoặc tải lên tệp DOCX',
      );
    }
    return { source: 'pdf', text };
  }
  if (bytes.readUInt32LE(0) === 0x04034b50) {
    const entries = zipEntries(bytes);
    if (entries.has('word/document.xml'))
      return { source: 'docx', text: docxText(entries.get('word/document.xml')!().toString('utf8')) };
    if ([...entries.keys()].some((k) => k.startsWith('xl/'))) {
      throw refuse(
        'Đây là tệp bảng tính (Excel), không phải văn bản kế hoạch: hãy tải lên DOCX, PDF có lớp chữ hoặc dán văn bản',
      );
    }
    throw refuse('Tệp nén không phải văn bản Word (DOCX)');
  }
  const text = bytes.toString('utf8');
  if (text.includes('\u0000') || text.includes('\ufffd')) {
    throw refuse('Không đọc được tệp: hãy tải lên DOCX, PDF có lớp chữ hoặc văn bản UTF-8');
  }
  return { source: 'text', text };
}
