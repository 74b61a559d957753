// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, TaskField } from './TaskField';

/* The one field of the task forms (TaskForms.tsx): what is typed reaches the form, the server's error shows under it. */

afterEach(cleanup);
// happy-dom has no FontFaceSet; Mantine's growing textarea listens on document.fonts for fonts that finish loading.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => {}, removeEventListener: () => {} },
  });

function Harness({ fe, seen }: { fe: Record<string, string>; seen: string[] }) {
  const [title, setTitle] = useState('');
  return (
    <MantineProvider>
      <TaskField
        kind="textarea"
        name="title"
        label="Tên nhiệm vụ"
        required
        value={title}
        onChange={(v) => {
          seen.push(v);
          setTitle(v);
        }}
        fe={fe}
      />
      <TaskField
        kind="text"
        name="leadUnitIds"
        label="Cơ quan chủ trì"
        value=""
        onChange={() => {}}
        fe={fe}
      />
    </MantineProvider>
  );
}

describe('TaskField', () => {
  it('passes what is typed to the form and shows the error of its field or of any of its items', () => {
    const seen: string[] = [];
    render(<Harness fe={{ 'leadUnitIds.2': 'Đơn vị không còn hoạt động' }} seen={seen} />);
    const title = screen.getByRole('textbox', { name: /Tên nhiệm vụ/ });
    fireEvent.change(title, { target: { value: 'Tập huấn kỹ năng số' } });
    expect(seen).toEqual(['Tập huấn kỹ năng số']);
    expect((title as HTMLTextAreaElement).value).toBe('Tập huấn kỹ năng số');
    expect(screen.getByText('Đơn vị không còn hoạt động')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('errorOf prefers the field itself, then its first item', () => {
    expect(errorOf({ title: 'a', 'title.0': 'b' }, 'title')).toBe('a');
    expect(errorOf({ 'themeIds.1': 'b' }, 'themeIds')).toBe('b');
    expect(errorOf({ themeIdsX: 'c' }, 'themeIds')).toBeUndefined();
  });
});
