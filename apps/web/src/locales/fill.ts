/** A catalogue word with its {{placeholders}} filled in (the one helper every namespace uses). */
export const fill = (s: string, values: Record<string, string | number>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
