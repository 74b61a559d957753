import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Cell } from '@dx/domain';
import { SaxesParser } from 'saxes';

/*
 * A bounded reader of the first sheet of an .xlsx (and of .csv), run inside a worker (see tabular.ts). A hostile
 * workbook is refused before anything is inflated when the zip's central directory declares too much, and again
 * while inflating when the declared sizes lie; rows are streamed and reading stops at the row limit instead of
 * parsing the whole sheet first (issue 14: "workbooks must be read within bounds").
 */

/** A sheet as rows of cells; row 1 is the header (row numbers as Excel shows them). */
export type Table = { headers: string[]; rows: { row: number; cells: Cell[] }[] };

export type ReadLimits = {
  /** Data rows (the header aside). */
  maxRows: number;
  /** Bytes of the uploaded file itself. */
  maxFileBytes: number;
  /** Bytes of any one zip entry once inflated. */
  maxEntryBytes: number;
  /** Bytes of every entry together once inflated. */
  maxTotalBytes: number;
  /** Inflated : compressed, for entries above 1 MiB inflated. */
  maxRatio: number;
  /** Columns a row may reach. */
  maxColumns: number;
};

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 20_000,
  maxFileBytes: 32 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 320 * 1024 * 1024,
  maxRatio: 100,
  maxColumns: 256,
};

/** A refusal naming the limit that was reached (shown to the user as is). */
export class TableLimitError extends Error {
  readonly limit: string;
  constructor(limit: string, message: string) {
    super(message);
    this.name = 'TableLimitError';
    this.limit = limit;
  }
}

/** The file is neither a workbook nor a CSV (or is damaged). */
export class TableFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableFormatError';
  }
}

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round(n / MB)} MB`;
const count = (n: number) => n.toLocaleString('vi-VN');

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
};

/** The zip's central directory, checked against the limits before any entry is inflated. */
export function inspectZip(buf: Buffer, limits: ReadLimits): ZipEntry[] {
  if (buf.length > limits.maxFileBytes)
    throw new TableLimitError('fileBytes', `Tệp vượt quá ${mb(limits.maxFileBytes)}`);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new TableFormatError('Tệp .xlsx hỏng (không đọc được mục lục tệp nén)');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff)
    throw new TableLimitError('zip64', `Tệp vượt quá ${mb(limits.maxTotalBytes)} sau khi giải nén`);
  if (entries > 10_000) throw new TableLimitError('entries', 'Tệp nén có quá 10.000 thành phần');
  if (cdOffset + cdSize > buf.length) throw new TableFormatError('Tệp .xlsx hỏng (mục lục sai)');
  const out: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw new TableFormatError('Tệp .xlsx hỏng (mục lục sai)');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)
      throw new TableLimitError('zip64', `Tệp vượt quá ${mb(limits.maxEntryBytes)} sau khi giải nén`);
    if (uncompressedSize > limits.maxEntryBytes)
      throw new TableLimitError(
        'entryBytes',
        `Tệp vượt quá ${mb(limits.maxEntryBytes)} sau khi giải nén (phần "${name}")`,
      );
    total += uncompressedSize;
    if (total > limits.maxTotalBytes)
      throw new TableLimitError('totalBytes', `Tệp vượt quá ${mb(limits.maxTotalBytes)} sau khi giải nén`);
    if (uncompressedSize > MB && uncompressedSize > limits.maxRatio * Math.max(1, compressedSize))
      throw new TableLimitError(
        'ratio',
        `Tệp nén bất thường: phần "${name}" giải nén lớn gấp hơn ${limits.maxRatio} lần (giới hạn ${limits.maxRatio} lần)`,
      );
    out.push({ name, method, compressedSize, uncompressedSize, localOffset });
  }
  return out;
}

/** The compressed bytes of an entry (from its local header). */
function rawOf(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50)
    throw new TableFormatError('Tệp .xlsx hỏng (phần tệp sai)');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new TableFormatError('Tệp .xlsx hỏng (phần tệp bị cắt)');
  return buf.subarray(start, start + e.compressedSize);
}

const lie = (e: ZipEntry) =>
  new TableLimitError(
    'declaredSize',
    `Tệp nén khai báo sai kích thước (phần "${e.name}" lớn hơn ${count(e.uncompressedSize)} byte đã khai báo)`,
  );

/** A small entry inflated at once; never more than it declared. */
function inflateSmall(buf: Buffer, e: ZipEntry): string {
  const raw = rawOf(buf, e);
  if (e.method === 0) return raw.toString('utf8');
  if (e.method !== 8) throw new TableFormatError('Tệp .xlsx dùng cách nén không hỗ trợ');
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) }).toString('utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw lie(e);
    throw new TableFormatError('Tệp .xlsx hỏng (không giải nén được)');
  }
}

/** Streams an entry's text into `onText`, stopping when it inflates past what it declared or `stop()` says so. */
async function streamEntry(
  buf: Buffer,
  e: ZipEntry,
  onText: (s: string) => void,
  isDone: () => boolean,
): Promise<void> {
  const raw = rawOf(buf, e);
  if (e.method === 0) {
    onText(raw.toString('utf8'));
    return;
  }
  if (e.method !== 8) throw new TableFormatError('Tệp .xlsx dùng cách nén không hỗ trợ');
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  const decoder = new TextDecoder('utf-8');
  let seen = 0;
  inflate.end(raw);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > e.uncompressedSize) throw lie(e);
      onText(decoder.decode(chunk, { stream: true }));
      if (isDone()) break;
    }
  } catch (err) {
    if (err instanceof TableLimitError || err instanceof TableFormatError) throw err;
    throw new TableFormatError('Tệp .xlsx hỏng (không giải nén được)');
  } finally {
    inflate.destroy();
  }
  if (!isDone()) onText(decoder.decode());
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function parseXml(text: string, onOpen: (name: string, attrs: Record<string, string>) => void): void {
  const p = new SaxesParser();
  p.on('opentag', (t) => onOpen(local(t.name), t.attributes as Record<string, string>));
  p.write(text).close();
}

/** Built-in number formats that show dates (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const isDateFormat = (code: string) =>
  /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) && !/^general$/i.test(code);

/** Which style indices show dates. */
function dateStyles(xml: string | null): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const n = local(t.name);
    const a = t.attributes as Record<string, string>;
    if (n === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
    else if (n === 'cellXfs') inCellXfs = true;
    else if (n === 'xf' && inCellXfs) {
      const id = Number(a.numFmtId ?? 0);
      if (DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) out.add(index);
      index++;
    }
  });
  p.on('closetag', (t) => {
    if (local(t.name) === 'cellXfs') inCellXfs = false;
  });
  p.write(xml).close();
  return out;
}

/** Column letters → 0-based index ("A1" → 0, "AB7" → 27). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Reads the first sheet of an .xlsx within `limits`; row 1 is the header. */
export async function readXlsx(buf: Buffer, limits: ReadLimits): Promise<Table> {
  const entries = inspectZip(buf, limits);
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const text = (name: string) => {
    const e = byName.get(name);
    return e ? inflateSmallBounded(buf, e) : null;
  };
  const types = text('[Content_Types].xml');
  const book = text('xl/workbook.xml');
  if (!types || !book || !types.includes('spreadsheetml'))
    throw new TableFormatError('Tệp không phải bảng tính Excel (.xlsx)');
  // The first sheet in the workbook's order, through the workbook's relationships.
  let firstRel: string | null = null;
  let date1904 = false;
  parseXml(book, (n, a) => {
    if (n === 'sheet' && firstRel === null) firstRel = a['r:id'] ?? a.id ?? null;
    if (n === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = true;
  });
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const rels = text('xl/_rels/workbook.xml.rels');
  if (rels && firstRel) {
    parseXml(rels, (n, a) => {
      if (n === 'Relationship' && a.Id === firstRel && a.Target) {
        const t = a.Target.replace(/^\//, '');
        sheetPath = t.startsWith('xl/') ? t : `xl/${t}`;
      }
    });
  }
  const sheet = byName.get(sheetPath);
  if (!sheet) throw new TableFormatError('Tệp .xlsx không có trang tính nào');
  const dates = dateStyles(text('xl/styles.xml'));
  const shared = await sharedStrings(buf, byName.get('xl/sharedStrings.xml'));
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);

  const headers: string[] = [];
  const rows: Table['rows'] = [];
  let done = false;
  let rowNo = 0;
  let cells: Cell[] = [];
  let col = 0;
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  let tooMany: TableLimitError | null = null;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const n = local(t.name);
    const a = t.attributes as Record<string, string>;
    if (n === 'row') {
      rowNo = a.r ? Number(a.r) : rowNo + 1;
      cells = [];
      col = 0;
    } else if (n === 'c') {
      const c = a.r ? columnOf(a.r) : col;
      if (c >= limits.maxColumns) {
        tooMany = new TableLimitError('columns', `Tệp vượt quá ${count(limits.maxColumns)} cột`);
        done = true;
      }
      col = c;
      type = a.t ?? 'n';
      style = Number(a.s ?? 0);
      value = null;
    } else if (n === 'v') {
      inValue = true;
      value = '';
    } else if (n === 'is') {
      inInline = true;
      value = '';
    } else if (n === 'rPh') inPhonetic = true;
    else if (n === 't' && inInline && !inPhonetic) inValue = true;
  });
  p.on('text', (s) => {
    if (inValue) value = (value ?? '') + s;
  });
  p.on('closetag', (t) => {
    const n = local(t.name);
    if (n === 'v' || n === 't') inValue = false;
    else if (n === 'rPh') inPhonetic = false;
    else if (n === 'is') inInline = false;
    else if (n === 'c') {
      cells[col] = cellValue(type, value, style);
      col++;
    } else if (n === 'row' && !done) {
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      if (rowNo === 1) headers.push(...cells.map((v) => (v === null || v === undefined ? '' : String(v))));
      else if (cells.some((v) => v !== null && v !== undefined && v !== '')) {
        if (rows.length >= limits.maxRows) {
          tooMany = new TableLimitError(
            'rows',
            `Tệp vượt quá ${count(limits.maxRows)} dòng; chia thành nhiều tệp`,
          );
          done = true;
        } else rows.push({ row: rowNo, cells });
      }
    }
  });
  const cellValue = (t: string, v: string | null, s: number): Cell => {
    if (v === null) return null;
    if (t === 's') return shared[Number(v)] ?? null;
    if (t === 'inlineStr' || t === 'str' || t === 'e') return v;
    if (t === 'b') return v === '1' || v === 'true';
    if (t === 'd') {
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? v : d;
    }
    const num = Number(v);
    if (v.trim() === '' || !Number.isFinite(num)) return v;
    if (dates.has(s)) return new Date(epoch + Math.round(num * 86_400_000));
    return num;
  };
  try {
    await streamEntry(
      buf,
      sheet,
      (s) => {
        if (!done) p.write(s);
      },
      () => done,
    );
    if (!done) p.close();
  } catch (err) {
    if (err instanceof TableLimitError || err instanceof TableFormatError) throw err;
    throw new TableFormatError('Tệp .xlsx hỏng (trang tính không đọc được)');
  }
  if (tooMany) throw tooMany;
  return { headers, rows };
}

/** Small entries (workbook, relationships, styles) are held whole, but never above 16 MB. */
function inflateSmallBounded(buf: Buffer, e: ZipEntry): string {
  if (e.uncompressedSize > 16 * MB)
    throw new TableLimitError('entryBytes', `Tệp vượt quá 16 MB sau khi giải nén (phần "${e.name}")`);
  return inflateSmall(buf, e);
}

/** The shared string table, streamed (rich text runs joined; phonetic runs left out). */
async function sharedStrings(buf: Buffer, e: ZipEntry | undefined): Promise<string[]> {
  if (!e) return [];
  const out: string[] = [];
  let current: string | null = null;
  let inT = false;
  let inPhonetic = false;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const n = local(t.name);
    if (n === 'si') current = '';
    else if (n === 'rPh') inPhonetic = true;
    else if (n === 't' && !inPhonetic) inT = true;
  });
  p.on('text', (s) => {
    if (inT && current !== null) current += s;
  });
  p.on('closetag', (t) => {
    const n = local(t.name);
    if (n === 't') inT = false;
    else if (n === 'rPh') inPhonetic = false;
    else if (n === 'si') {
      out.push(current ?? '');
      current = null;
    }
  });
  try {
    await streamEntry(
      buf,
      e,
      (s) => p.write(s),
      () => false,
    );
    p.close();
  } catch (err) {
    if (err instanceof TableLimitError || err instanceof TableFormatError) throw err;
    throw new TableFormatError('Tệp .xlsx hỏng (bảng chuỗi không đọc được)');
  }
  return out;
}

/**
 * Splits CSV text into rows with their line numbers (as Excel shows them), blank lines left out; the separator is
 * guessed from the header (Vietnamese-locale Excel writes ';'). Stops after `maxRows + 1` non-blank rows beyond the
 * header, enough to tell that the limit was passed.
 */
export function parseCsv(
  text: string,
  maxRows = Number.POSITIVE_INFINITY,
): { row: number; cells: string[] }[] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const sep = counts.sort((a, b) => b[1] - a[1])[0]![0];
  const rows: { row: number; cells: string[] }[] = [];
  let line = 1;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const push = () => {
    row.push(field);
    if (line === 1 || row.some((c) => c.trim() !== '')) rows.push({ row: line, cells: row });
    row = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      push();
      line++;
      if (rows.length > maxRows + 1) return rows;
    } else field += ch;
  }
  if (field !== '' || row.length) push();
  return rows;
}

/** Reads a .csv (UTF-8) within `limits`. */
export function readCsv(buf: Buffer, limits: ReadLimits): Table {
  if (buf.length > limits.maxFileBytes)
    throw new TableLimitError('fileBytes', `Tệp vượt quá ${mb(limits.maxFileBytes)}`);
  const text = buf.toString('utf8');
  if (text.includes('\u0000')) throw new TableFormatError('Tệp không phải CSV (có ký tự nhị phân)');
  const all = parseCsv(text, limits.maxRows);
  const head = all[0]?.row === 1 ? all.shift()!.cells : [];
  if (all.length > limits.maxRows)
    throw new TableLimitError('rows', `Tệp vượt quá ${count(limits.maxRows)} dòng; chia thành nhiều tệp`);
  if (head.length > limits.maxColumns)
    throw new TableLimitError('columns', `Tệp vượt quá ${count(limits.maxColumns)} cột`);
  return { headers: head, rows: all };
}
