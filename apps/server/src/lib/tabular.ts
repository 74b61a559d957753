import type { Cell } from '@dx/domain';
import ExcelJS from 'exceljs';

/** A sheet as rows of cells; row 1 is the header (row numbers as Excel shows them). */
export type Table = { headers: string[]; rows: { row: number; cells: Cell[] }[] };

/** Splits CSV text; the separator is guessed from the header (Vietnamese-locale Excel writes ';'). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const sep = counts.sort((a, b) => b[1] - a[1])[0]![0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
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
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function plainCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return plainCell(v.result as ExcelJS.CellValue);
  return String(v);
}

/** Reads the first sheet of an .xlsx, or a .csv (UTF-8). Null when the bytes are neither. */
export async function readTable(bytes: Buffer, fileName: string): Promise<Table | null> {
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      return null;
    }
    const ws = wb.worksheets[0];
    if (!ws) return null;
    const headers: string[] = [];
    const rows: Table['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      const values = (r.values as ExcelJS.CellValue[]).slice(1).map(plainCell);
      if (n === 1) headers.push(...values.map((v) => (v === null || v === undefined ? '' : String(v))));
      else rows.push({ row: n, cells: values });
    });
    return { headers, rows };
  }
  if (!/\.(csv|txt)$/i.test(fileName)) return null;
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) return null;
  const [head = [], ...rest] = parseCsv(text);
  return {
    headers: head,
    rows: rest.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

/** An .xlsx with one header row (and an example row), the way units receive templates. */
export async function templateXlsx(
  sheetName: string,
  columns: readonly { header: string; example: string }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(columns.map((c) => c.header));
  ws.addRow(columns.map((c) => c.example));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.min(60, Math.max(14, c.header.length + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
