// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Estimate } from '../../../api/budget';
import { ProvinceProvider } from '../../../lib/province';
import { LinesEditor } from './LinesEditor';

/*
 * The budget lines form (issue 6, split out in issue 18) against a stubbed API: amounts are unit cost × quantity as
 * typed, the total follows, the save sends the lines with the version read, and a 409 keeps what was typed on screen
 * with the conflict explained (never a silent overwrite).
 */

const ESTIMATE = '33333333-3333-4333-8333-333333333333';
const LINE = '44444444-4444-4444-8444-444444444444';
const estimate = {
  id: ESTIMATE,
  planId: '11111111-1111-4111-8111-111111111111',
  version: 3,
  lines: [
    {
      id: LINE,
      taskId: null,
      content: 'In tờ rơi',
      unitCost: 2_000,
      quantity: 1_000,
      fundingSource: 'unit_regular',
    },
  ],
} as unknown as Estimate;

type Call = { method: string; url: string; body: Record<string, unknown> | null };
let calls: Call[] = [];
let putAnswer: { status: number; body: unknown } = { status: 200, body: estimate };

beforeEach(() => {
  calls = [];
  putAnswer = { status: 200, body: estimate };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
      calls.push({ method: init.method ?? 'GET', url, body });
      const answer =
        init.method === 'PUT'
          ? putAnswer
          : { status: 200, body: url.includes('/tasks') ? { items: [], total: 0 } : { items: [] } };
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <ProvinceProvider>
          <LinesEditor e={estimate} />
        </ProvinceProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const money = (s: string | null | undefined) => (s ?? '').replace(/\s/g, ' ');

describe('LinesEditor (budget lines)', () => {
  it('adds a line, shows its amount and the total, saves the lines with the version read', async () => {
    renderEditor();
    expect(money(screen.getByText(/^Tổng cộng:/).textContent)).toBe('Tổng cộng: 2.000.000 ₫');
    const save = screen.getByRole('button', { name: 'Lưu dự toán' });
    expect((save as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Thêm dòng' }));
    const line2 = screen.getByRole('group', { name: 'Dòng 2' });
    fireEvent.change(within(line2).getByRole('textbox', { name: 'Nội dung chi' }), {
      target: { value: 'Sản xuất video' },
    });
    fireEvent.change(within(line2).getByRole('textbox', { name: 'Đơn giá (đồng)' }), {
      target: { value: '1.500.000' },
    });
    fireEvent.change(within(line2).getByRole('textbox', { name: 'Số lượng' }), { target: { value: '2' } });
    await waitFor(() => expect(money(within(line2).getByText(/₫$/).textContent)).toBe('3.000.000 ₫'));
    expect(money(screen.getByText(/^Tổng cộng:/).textContent)).toBe('Tổng cộng: 5.000.000 ₫');
    expect(screen.getByText('Có thay đổi chưa lưu — lưu trước khi gửi.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Lưu dự toán' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe(`/api/budget-estimates/${ESTIMATE}/lines`);
    expect(put.body).toEqual({
      version: 3,
      lines: [
        {
          id: LINE,
          taskId: null,
          content: 'In tờ rơi',
          unitCost: 2_000,
          quantity: 1_000,
          fundingSource: 'unit_regular',
        },
        {
          taskId: null,
          content: 'Sản xuất video',
          unitCost: 1_500_000,
          quantity: 2,
          fundingSource: 'unit_regular',
        },
      ],
    });
  });

  it('a stale save (409) keeps what was typed and says someone else saved first', async () => {
    putAnswer = {
      status: 409,
      body: {
        error: { code: 'RESOURCE.VERSION_CONFLICT', message: 'Bản ghi vừa được người khác cập nhật.' },
      },
    };
    renderEditor();
    const line1 = screen.getByRole('group', { name: 'Dòng 1' });
    fireEvent.change(within(line1).getByRole('textbox', { name: 'Nội dung chi' }), {
      target: { value: 'In tờ rơi khổ A4' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu dự toán' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Người khác vừa cập nhật dự toán này');
    expect((within(line1).getByRole('textbox', { name: 'Nội dung chi' }) as HTMLInputElement).value).toBe(
      'In tờ rơi khổ A4',
    );
  });
});
