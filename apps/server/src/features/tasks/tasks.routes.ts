import {
  appendixImportOut,
  createTaskBody,
  deleteTaskQuery,
  importAppendixBody,
  postTaskUpdateBody,
  taskAttachmentParams,
  taskDetailOut,
  taskListOut,
  taskOut,
  taskParams,
  taskPlanParams,
  tasksQuery,
  taskUpdateOut,
  updateTaskBody,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { createTask } from './create-task';
import { deleteTask } from './delete-task';
import { exportAppendix } from './export-appendix';
import { exportOverdueTasks } from './export-overdue-tasks';
import { getTask } from './get-task';
import { getTaskAttachment } from './get-task-attachment';
import { importAppendix } from './import-appendix';
import { listTasks } from './list-tasks';
import { postTaskUpdate } from './post-task-update';
import { updateTask } from './update-task';

const planParams = taskPlanParams;

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:planId/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary:
          'Nhiệm vụ của kế hoạch (Phụ lục), lọc theo đơn vị, tình trạng, nội dung, thời hạn; "việc của tôi"',
        params: planParams,
        querystring: tasksQuery,
        response: { 200: taskListOut, ...errorResponses },
      },
    },
    async (request) => {
      const { mine, ...filter } = request.query;
      const result = await listTasks({
        ctx: contextOf(request),
        planId: request.params.planId,
        filter: { ...filter, mine: mine === 'true' },
      });
      return { items: result.items, total: result.total, today: result.today };
    },
  );

  app.post(
    '/plans/:planId/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Thêm một nhiệm vụ (nhập tay)',
        params: planParams,
        body: createTaskBody,
        response: { 201: taskOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await createTask({
        ctx: contextOf(request),
        planId: request.params.planId,
        input: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/plans/:planId/tasks/import',
    {
      schema: {
        tags: ['tasks'],
        summary:
          'Nhập Phụ lục nhiệm vụ từ Excel: chạy thử (confirm=false) rồi xác nhận với cùng tệp (confirm=true)',
        description:
          'JSON body: the .xlsx/.csv as base64 in `contentBase64`. The dry run returns every row as understood (leads ' +
          'resolved to units and groups, period and due date) with problems by column; `answers` maps a questioned ' +
          'text to the unit or group meant. Confirm saves every valid row in one transaction.',
        params: planParams,
        body: importAppendixBody,
        response: { 200: appendixImportOut, ...errorResponses },
      },
    },
    async (request) =>
      importAppendix({
        ctx: contextOf(request),
        planId: request.params.planId,
        fileName: request.body.fileName,
        content: Buffer.from(request.body.contentBase64, 'base64'),
        confirm: request.body.confirm,
        answers: request.body.answers,
      }),
  );

  app.get(
    '/plans/:planId/tasks/export.xlsx',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Tải Phụ lục nhiệm vụ kèm tình hình thực hiện của từng đơn vị (.xlsx)',
        params: planParams,
        response: { 200: z.unknown().describe('Tệp XLSX'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const out = await exportAppendix({ ctx: contextOf(request), planId: request.params.planId });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(out.bytes);
    },
  );

  app.get(
    '/plans/:planId/tasks/overdue.xlsx',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Tải danh sách đơn vị có nhiệm vụ quá hạn (.xlsx), kèm ngày tính và tiêu chí',
        params: planParams,
        response: { 200: z.unknown().describe('Tệp XLSX'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const out = await exportOverdueTasks({ ctx: contextOf(request), planId: request.params.planId });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(out.bytes);
    },
  );

  app.get(
    '/tasks/:taskId',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Một nhiệm vụ: phần việc từng đơn vị, cập nhật tiến độ, ý kiến, minh chứng, các lần đôn đốc',
        params: taskParams,
        response: { 200: taskDetailOut, ...errorResponses },
      },
    },
    async (request) => getTask({ ctx: contextOf(request), taskId: request.params.taskId }),
  );

  app.patch(
    '/tasks/:taskId',
    {
      schema: {
        tags: ['tasks'],
        summary:
          'Sửa nhiệm vụ (nội dung, sản phẩm, thời gian, kinh phí, ghi chú) và gắn với nội dung tuyên truyền, chỉ tiêu; 409 nếu phiên bản đã cũ',
        description:
          'Only the fields sent change; `themeIds` / `targetIds` replace the lists when sent. A new `timeFrame` text is ' +
          're-parsed (period and due date follow). Leads and coordinators are not edited here: the per-unit parts ' +
          'are not re-expanded.',
        params: taskParams,
        body: updateTaskBody,
        response: { 200: taskOut, ...errorResponses },
      },
    },
    async (request) => {
      const { version, ...edit } = request.body;
      return updateTask({
        ctx: contextOf(request),
        taskId: request.params.taskId,
        expectedVersion: version,
        edit,
      });
    },
  );

  app.delete(
    '/tasks/:taskId',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Xoá nhiệm vụ chưa có cập nhật tiến độ hay ý kiến; 409 nếu đã có hoặc phiên bản đã cũ',
        params: taskParams,
        querystring: deleteTaskQuery,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteTask({
        ctx: contextOf(request),
        taskId: request.params.taskId,
        expectedVersion: request.query.version,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/tasks/:taskId/updates',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Cập nhật tiến độ phần việc của đơn vị (kèm minh chứng) hoặc gửi ý kiến',
        params: taskParams,
        body: postTaskUpdateBody,
        response: { 201: taskUpdateOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { files, ...rest } = request.body;
      const saved = await postTaskUpdate({
        ctx: contextOf(request),
        taskId: request.params.taskId,
        input: {
          ...rest,
          files: files.map((f) => ({
            fileName: f.fileName,
            contentType: f.contentType,
            content: Buffer.from(f.contentBase64, 'base64'),
          })),
        },
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/task-attachments/:attachmentId',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Tải tệp minh chứng',
        params: taskAttachmentParams,
        response: { 200: z.unknown().describe('Tệp'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const f = await getTaskAttachment({
        ctx: contextOf(request),
        attachmentId: request.params.attachmentId,
      });
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(f.content);
    },
  );
};
