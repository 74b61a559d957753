import {
  type AddProvinceOut,
  addProvinceBody,
  addProvinceOut,
  provinceCatalogueOut,
  provinceCatalogueQuery,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { addProvince } from './add-province';
import { listProvinceCatalogue } from './list-catalogue';

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
};
