import { listDataItems as listItems } from '@dx/db';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';
import { presentDataItem } from './data-items.presenter';

/** A province's reported figures (issue 16), read by everyone in the province like its plan and targets. */
export async function listDataItems({ ctx, provinceId }: { ctx: UseCaseContext; provinceId: string }) {
  authorizeProvince(ctx, 'plan.read', provinceId);
  return (await listItems(ctx.db, provinceId)).map(presentDataItem);
}
