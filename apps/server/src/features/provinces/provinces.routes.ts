import {
  type AddProvinceOut,
  addProvinceBody,
  addProvinceOut,
  type ProvinceSettingsOut,
  provinceCatalogueOut,
  provinceCatalogueQuery,
  provinceSettingsOut,
  provinceSettingsParams,
  putProvinceSettingsBody,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { addProvince } from './add-province';
import { listProvinceCatalogue } from './list-catalogue';
import { getProvinceSettings, saveProvinceSettings } from './province-settings';

export const provinceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/province-catalogue',
    {
      schema: {
        tags: ['provinces'],
        summary: 'Danh mục tỉnh, thành phố của cả nước qua thời gian (63 đến 30/06/2025, 34 từ 01/07/2025)',
        querystring: provinceCatalogueQuery,
        response: { 200: provinceCatalogueOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: await listProvinceCatalogue({ ctx: contextOf(request), asOf: request.query.asOf }),
    }),
  );

  app.post(
    '/provinces',
    {
      schema: {
        tags: ['provinces'],
        summary: 'Thêm một tỉnh, thành phố từ danh mục (quản trị hệ thống), kèm các nhóm đơn vị mặc định',
        body: addProvinceBody,
        response: { 201: addProvinceOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await addProvince({ ctx: contextOf(request), catalogueId: request.body.catalogueId });
      return reply.status(201).send(result satisfies AddProvinceOut);
    },
  );

  app.get(
    '/provinces/:provinceId/settings',
    {
      schema: {
        tags: ['provinces'],
        summary:
          'Thiết lập của tỉnh, thành phố (tên gọi, cơ quan, nơi nhận, chữ ký…) theo thời gian, kèm số phiên bản',
        params: provinceSettingsParams,
        response: { 200: provinceSettingsOut, ...errorResponses },
      },
    },
    async (request) =>
      (await getProvinceSettings({
        ctx: contextOf(request),
        provinceId: request.params.provinceId,
      })) satisfies ProvinceSettingsOut,
  );

  app.put(
    '/provinces/:provinceId/settings',
    {
      schema: {
        tags: ['provinces'],
        summary:
          'Lưu toàn bộ thiết lập của tỉnh, thành phố (quản trị của tỉnh); 409 khi đã có người lưu trước',
        params: provinceSettingsParams,
        body: putProvinceSettingsBody,
        response: { 200: provinceSettingsOut, ...errorResponses },
      },
    },
    async (request) =>
      (await saveProvinceSettings({
        ctx: contextOf(request),
        provinceId: request.params.provinceId,
        revision: request.body.revision,
        settings: request.body.settings,
      })) satisfies ProvinceSettingsOut,
  );
};
