// @vitest-environment happy-dom
import type { IndicatorPreviewOut, TargetDefinitionOut } from '@dx/contracts';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RuleEditor } from './RuleEditor';
import type { Choices } from './rule-draft';

/*
 * The rule editor (issue 16) against a stubbed API: codes are picked from the province's vocabulary by their names,
 * the preview is asked for once the rule holds together (debounced: not for every click), its warnings are shown as
 * alerts, and saving sends the rule without the goal (the goal lives on the plan).
 */

const PLAN = '11111111-1111-4111-8111-111111111111';
const TARGET = '22222222-2222-4222-8222-222222222222';

const definition: TargetDefinitionOut = {
  planTargetId: TARGET,
  planId: PLAN,
  code: 'I.2.g',
  letter: 'g',
  text: '100% cán bộ, công chức cấp xã được tập huấn kỹ năng số',
  goal: { comparator: 'eq', value: 100, unit: 'percent' },
  goalText: '100%',
  rule: null,
  version: null,
  formula: null,
  formulaEn: null,
};

const term = (
  vocabulary: 'person_role' | 'training_tag',
  code: string,
  labelVi: string,
  validTo = null as string | null,
) => ({
  vocabulary,
  code,
  labelVi,
  labelEn: '',
  position: 0,
  validFrom: null,
  validTo,
});
const choices: Choices = {
  terms: [
    term('person_role', 'reporter', 'phóng viên'),
    term('person_role', 'commune_official', 'cán bộ, công chức cấp xã'),
    term('person_role', 'old_role', 'vai trò đã bỏ', '2025-01-01'),
    term('training_tag', 'digital_skills', 'kỹ năng số'),
  ],
  items: [],
  groups: [],
  themes: [],
  today: '2026-12-07',
};

const previewAnswer: IndicatorPreviewOut = {
  period: { from: '2023-01-01', to: '2023-12-31' },
  asOf: '2023-12-31',
  value: null,
  population: 0,
  due: 0,
  achieved: 0,
  numerator: null,
  denominator: null,
  sample: [],
  formula: {
    vi: 'Tỷ lệ người vai trò cán bộ, công chức cấp xã đã tham gia lớp tập huấn',
    en: 'Share of people',
  },
  warnings: [
    {
      code: 'UNUSED_CODE',
      path: ['population', 'filters', 0, 'in', 0],
      message: 'Chưa có hồ sơ nào dùng giá trị "commune_official": điều kiện này chưa thể đạt',
      messageEn: 'No record uses "commune_official" yet: this filter cannot be met',
    },
    {
      code: 'EMPTY_POPULATION',
      path: ['population'],
      message: 'Không có đối tượng nào để tính: chỉ tiêu không bao giờ đạt',
      messageEn: 'The population is empty',
    },
  ],
};

type Call = { method: string; url: string; body: Record<string, unknown> | null };
let calls: Call[] = [];

beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
      calls.push({ method: init.method ?? 'GET', url, body });
      const answer =
        init.method === 'PUT' ? { ...definition, version: 1, rule: body?.rule ?? null } : previewAnswer;
      return new Response(JSON.stringify(answer), {
        status: 200,
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
        <RuleEditor planId={PLAN} definition={definition} choices={choices} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const previews = () => calls.filter((c) => c.url.endsWith('/indicators/preview'));

describe('RuleEditor', () => {
  it('builds "commune officials trained in digital skills" from names, previews the finished rule, shows the warning, saves', async () => {
    renderEditor();
    const population = screen.getByRole('region', { name: 'Đối tượng tính' });
    const condition = screen.getByRole('region', { name: 'Điều kiện để được tính là đạt' });

    // A fresh rule: people, at least one training attended, a share — it already holds together.
    fireEvent.change(within(population).getByRole('combobox', { name: /Thêm điều kiện lọc/ }), {
      target: { value: 'role' },
    });
    // Picked by name; a retired role is not offered; codes are not the text shown.
    expect(within(population).queryByRole('checkbox', { name: 'vai trò đã bỏ' })).toBeNull();
    expect(within(population).queryByText('commune_official')).toBeNull();
    // A filter with no value picked: the rule is incomplete, no preview is asked for it.
    expect(await screen.findByText('Cách tính chưa đủ, chưa xem trước được:')).toBeTruthy();
    fireEvent.click(within(population).getByRole('checkbox', { name: 'cán bộ, công chức cấp xã' }));
    fireEvent.change(
      within(condition).getByRole('combobox', { name: /Thêm điều kiện lọc — Hồ sơ liên kết/ }),
      { target: { value: 'tag' } },
    );
    fireEvent.click(within(condition).getByRole('checkbox', { name: 'kỹ năng số' }));

    const preview = screen.getByRole('region', { name: 'Xem trước' });
    expect(
      await within(preview).findByText('Không có đối tượng nào để tính: chỉ tiêu không bao giờ đạt'),
    ).toBeTruthy();
    expect(within(preview).getByTestId('preview-population').textContent).toBe('0');
    expect(within(preview).getByTestId('preview-formula').textContent).toContain('cán bộ, công chức cấp xã');
    // Warnings are alerts, and a code in one is named by its label.
    const alerts = within(preview)
      .getAllByRole('alert')
      .map((a) => a.textContent);
    expect(alerts).toEqual([
      'Chưa có hồ sơ nào dùng giá trị "cán bộ, công chức cấp xã": điều kiện này chưa thể đạt',
      'Không có đối tượng nào để tính: chỉ tiêu không bao giờ đạt',
    ]);

    // Debounced: the clicks in quick succession asked for the finished rule, never for an incomplete one.
    const finished = {
      planTargetId: TARGET,
      rule: {
        population: { record: 'person', filters: [{ field: 'role', in: ['commune_official'] }] },
        condition: {
          type: 'linked',
          link: 'attended_trainings',
          filters: [{ field: 'tag', in: ['digital_skills'] }],
          atLeast: 1,
          every: null,
          subject: [],
        },
        value: { type: 'share' },
        period: { type: 'plan_year' },
        asOf: null,
        goal: { comparator: 'eq', value: 100, unit: 'percent' },
      },
    };
    // The machine may be slow: the debounced preview of the last click can take longer than waitFor's default second.
    await waitFor(() => expect(previews().at(-1)?.body).toEqual(finished), { timeout: 5000 });
    const asked = previews().map((c) => c.body);
    for (const b of asked) {
      const rule = b?.rule as { population: { filters: { in: string[] }[] } };
      expect(rule.population.filters.every((f) => f.in.length > 0)).toBe(true);
    }
    expect(asked.length).toBeLessThan(4);

    // Saved: the definition's PUT carries the parts without the goal, version null (first definition).
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cách tính' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe(`/api/plans/${PLAN}/targets/${TARGET}/definition`);
    expect(put.body).toEqual({
      version: null,
      rule: {
        population: { record: 'person', filters: [{ field: 'role', in: ['commune_official'] }] },
        condition: {
          type: 'linked',
          link: 'attended_trainings',
          filters: [{ field: 'tag', in: ['digital_skills'] }],
          atLeast: 1,
          every: null,
          subject: [],
        },
        value: { type: 'share' },
        period: { type: 'plan_year' },
        asOf: null,
      },
    });
    // The goal did not change: the plan is not written.
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('edits the period, the population date, a requirement on the member and predecessors’ records', async () => {
    renderEditor();
    const population = screen.getByRole('region', { name: 'Đối tượng tính' });
    const condition = screen.getByRole('region', { name: 'Điều kiện để được tính là đạt' });
    const period = screen.getByRole('region', { name: 'Thời gian tính' });
    // Units that organised at least one event in every quarter, counting merged units' records or not.
    fireEvent.change(within(population).getByRole('combobox', { name: 'Loại đối tượng' }), {
      target: { value: 'unit' },
    });
    fireEvent.change(within(condition).getByRole('combobox', { name: 'Hồ sơ liên kết' }), {
      target: { value: 'organised_events' },
    });
    fireEvent.change(within(condition).getByRole('combobox', { name: 'Trong mỗi kỳ' }), {
      target: { value: 'quarter' },
    });
    // A requirement on the member itself: communes only.
    fireEvent.change(
      within(condition).getByRole('combobox', { name: /Thêm điều kiện lọc — Bản thân đối tượng/ }),
      { target: { value: 'kind' } },
    );
    fireEvent.click(within(condition).getByRole('checkbox', { name: 'xã, phường, thị trấn' }));
    const pred = within(condition).getByRole('checkbox', {
      name: 'Tính cả hồ sơ của đơn vị đã sáp nhập vào đơn vị này',
    }) as HTMLInputElement;
    expect(pred.checked).toBe(true);
    fireEvent.click(pred);
    // Another period and a population date, typed as documents write dates.
    fireEvent.click(within(period).getByText('Khoảng thời gian khác'));
    const type = (name: string, text: string) => {
      const box = within(period).getByRole('textbox', { name });
      fireEvent.change(box, { target: { value: text } });
      fireEvent.blur(box);
    };
    type('Từ ngày', '01/07/2023');
    type('Đến ngày', '31/12/2023');
    type('Ngày chốt đối tượng', '30/06/2023');
    await waitFor(
      () =>
        expect(previews().at(-1)?.body?.rule).toMatchObject({
          population: { record: 'unit', filters: [] },
          condition: {
            type: 'linked',
            link: 'organised_events',
            every: 'quarter',
            subject: [{ field: 'kind', in: ['commune'] }],
            includePredecessors: false,
          },
          period: { type: 'range', from: '2023-07-01', to: '2023-12-31' },
          asOf: '2023-06-30',
        }),
      { timeout: 5000 },
    );
  });

  it('picks reported figures by name from the province’s items; the goal takes the figure’s unit', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const withItems: Choices = {
      ...choices,
      items: [
        {
          code: 'people_reached',
          nameVi: 'Số người được tiếp cận',
          nameEn: 'People reached',
          unitOfMeasure: 'people',
          validTo: null,
        },
        {
          code: 'population',
          nameVi: 'Dân số',
          nameEn: 'Population',
          unitOfMeasure: 'people',
          validTo: null,
        },
        {
          code: 'old_item',
          nameVi: 'Số liệu đã bỏ',
          nameEn: '',
          unitOfMeasure: 'count',
          validTo: '2024-01-01',
        },
      ],
    };
    render(
      <MantineProvider>
        <QueryClientProvider client={client}>
          <RuleEditor planId={PLAN} definition={definition} choices={withItems} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Loại đối tượng' }), { target: { value: 'unit' } });
    const value = screen.getByRole('region', { name: 'Giá trị của chỉ tiêu' });
    fireEvent.change(within(value).getByRole('combobox', { name: 'Giá trị của chỉ tiêu' }), {
      target: { value: 'figure' },
    });
    const item = within(value).getByRole('combobox', { name: 'Số liệu báo cáo' }) as HTMLSelectElement;
    // Named, never coded; an ended item is not offered.
    expect([...item.options].map((o) => o.textContent)).toEqual([
      '— Chọn số liệu —',
      'Số người được tiếp cận',
      'Dân số',
    ]);
    fireEvent.change(item, { target: { value: 'people_reached' } });
    const unit = screen.getByRole('combobox', { name: 'Đơn vị tính' }) as HTMLSelectElement;
    expect(unit.value).toBe('people');
    // A ratio of two figures: both picked by name.
    fireEvent.change(within(value).getByRole('combobox', { name: 'Giá trị của chỉ tiêu' }), {
      target: { value: 'ratio' },
    });
    fireEvent.change(within(value).getByRole('combobox', { name: 'Số liệu ở tử số' }), {
      target: { value: 'people_reached' },
    });
    fireEvent.change(within(value).getByRole('combobox', { name: 'Số liệu ở mẫu số' }), {
      target: { value: 'population' },
    });
    fireEvent.change(unit, { target: { value: 'percent' } });
    await waitFor(
      () =>
        expect(previews().at(-1)?.body?.rule).toMatchObject({
          population: { record: 'unit' },
          condition: { type: 'none' },
          value: {
            type: 'ratio',
            numerator: { item: 'people_reached' },
            denominator: { item: 'population' },
          },
        }),
      { timeout: 5000 },
    );
  });
});
