import { detectLegacyEncoding, legacyTextMessage } from '../legacy-encoding';
import type { Cell } from './import';

/*
 * Text cells of every import: decomposed (NFD) text is read as NFC by the cell readers; text typed in a legacy
 * font (TCVN3, VNI) is refused cell by cell with its Unicode reading offered, so it is never stored as is.
 */

/** Reports each text cell typed in a legacy font through `add(column, message)`. */
export function legacyTextIssues(
  cells: Record<string, Cell>,
  add: (column: string, message: string) => void,
): void {
  for (const [column, cell] of Object.entries(cells)) {
    if (typeof cell !== 'string') continue;
    const found = detectLegacyEncoding(cell);
    if (found) add(column, legacyTextMessage(cell.trim(), found));
  }
}
