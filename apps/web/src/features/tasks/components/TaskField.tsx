import { MultiSelect, Textarea, TextInput } from '@mantine/core';

/** First error for a field or any of its items ("leadUnitIds" or "leadUnitIds.2"). */
export const errorOf = (fe: Record<string, string>, key: string) =>
  fe[key] ?? Object.entries(fe).find(([k]) => k.startsWith(`${key}.`))?.[1];

type Common = {
  /** The body field it edits: the server's error for it (or any of its items) shows under it. */
  name: string;
  label: string;
  /** The field errors of the last save (ApiError.fieldErrors). */
  fe: Record<string, string>;
  required?: boolean;
};
type TaskFieldProps = Common &
  (
    | { kind: 'text'; value: string; onChange: (value: string) => void; placeholder?: string }
    | { kind: 'textarea'; value: string; onChange: (value: string) => void; minRows?: number }
    | {
        kind: 'multi';
        value: string[];
        onChange: (value: string[]) => void;
        data: { value: string; label: string }[];
      }
  );

/**
 * One field of the task forms (add, edit, links): a text line, a growing text or a searchable multi-select, with its
 * label and the server's error for its body field. The forms differ only in which fields they list.
 */
export function TaskField(p: TaskFieldProps) {
  const error = errorOf(p.fe, p.name);
  if (p.kind === 'multi')
    return (
      <MultiSelect
        label={p.label}
        required={p.required}
        searchable
        clearable
        data={p.data}
        value={p.value}
        onChange={p.onChange}
        error={error}
      />
    );
  if (p.kind === 'textarea')
    return (
      <Textarea
        label={p.label}
        required={p.required}
        autosize
        minRows={p.minRows ?? 1}
        value={p.value}
        onChange={(e) => p.onChange(e.currentTarget.value)}
        error={error}
      />
    );
  return (
    <TextInput
      label={p.label}
      required={p.required}
      placeholder={p.placeholder}
      value={p.value}
      onChange={(e) => p.onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** The plan's themes and targets a task links (add, and the links panel). */
export function LinkFields({
  themes,
  targets,
  fe,
  labels,
}: {
  themes: [string[], (ids: string[]) => void, { value: string; label: string }[]];
  targets: [string[], (ids: string[]) => void, { value: string; label: string }[]];
  fe: Record<string, string>;
  labels: { themes: string; targets: string };
}) {
  return (
    <>
      <TaskField
        kind="multi"
        name="themeIds"
        label={labels.themes}
        data={themes[2]}
        value={themes[0]}
        onChange={themes[1]}
        fe={fe}
      />
      <TaskField
        kind="multi"
        name="targetIds"
        label={labels.targets}
        data={targets[2]}
        value={targets[0]}
        onChange={targets[1]}
        fe={fe}
      />
    </>
  );
}
