import { z } from 'zod';

/*
 * Reported figures (issue 16): figures no record holds (people reached by a campaign, households visited) that
 * units report per period, on the road of periodic reports (draft → submitted → returned | accepted; plan 54
 * V.1.a). Only accepted values feed targets.
 */

export const DATA_ITEM_UNITS = ['count', 'people', 'households', 'percent', 'vnd'] as const;
export type DataItemUnit = (typeof DATA_ITEM_UNITS)[number];
export const DATA_ITEM_FREQUENCIES = ['month', 'quarter', 'half_year', 'year'] as const;
/** How a unit's values over the period add up: sum, average, or the last period's value (a stock, not a flow). */
export const DATA_ITEM_AGGREGATIONS = ['sum', 'avg', 'last'] as const;
export type DataItemAggregation = (typeof DATA_ITEM_AGGREGATIONS)[number];

/** A value a unit enters for an item and a period. */
export const dataValueInput = z.object({
  value: z.number('Nhập số liệu').finite().min(0, 'Số liệu không được âm'),
  note: z.string().trim().max(2000).default(''),
});

/**
 * Why a value is impossible, or null: a share above 100%, or more than the population it is a part of (people
 * reached above the commune's population) when the item may not exceed it.
 */
export function impossibleDataValue(
  item: { unitOfMeasure: DataItemUnit; mayExceedPopulation: boolean },
  value: number,
  population: number | null,
): { code: 'DATA_VALUE.ABOVE_100' | 'DATA_VALUE.ABOVE_POPULATION'; message: string } | null {
  if (item.unitOfMeasure === 'percent' && value > 100)
    return { code: 'DATA_VALUE.ABOVE_100', message: 'Tỷ lệ không vượt quá 100%' };
  if (!item.mayExceedPopulation && population !== null && value > population)
    return {
      code: 'DATA_VALUE.ABOVE_POPULATION',
      message: `Số liệu (${value}) lớn hơn tổng số của đơn vị (${population})`,
    };
  return null;
}
