import { AppError, said, validationError, worded } from '@dx/domain';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEFAULT_READ_LIMITS } from '../lib/xlsx-reader';

/**
 * The one way an import file arrives (records, units, reported figures): multipart with one part named `file`,
 * streamed within the reader's file limit, never base64 inside JSON (issue 12).
 */

/** The largest import file (bytes); the reader's own limits (rows, cells) apply after. */
export const UPLOAD_FILE_BYTES = DEFAULT_READ_LIMITS.maxFileBytes;
/** The route's body limit for an upload: the file and the multipart framing around it. */
export const UPLOAD_BODY_LIMIT = UPLOAD_FILE_BYTES + 64 * 1024;

/** Lets the routes of `app` (one feature's plugin) read one uploaded file each. */
export async function registerUpload(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: UPLOAD_FILE_BYTES, files: 1, fields: 0, parts: 1 } });
}

/** The uploaded file, read to memory within UPLOAD_FILE_BYTES; `fallbackName` when the part names no file. */
export async function uploadedFile(
  request: FastifyRequest,
  fallbackName: string,
): Promise<{ fileName: string; content: Buffer }> {
  const part = await request.file({ limits: { fileSize: UPLOAD_FILE_BYTES, files: 1, fields: 0 } });
  if (!part)
    throw validationError(said('file.missing'), [{ path: ['body', 'file'], ...worded('file.chooseSheet') }]);
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  if (part.file.truncated)
    throw new AppError('IMPORT.TOO_LARGE', said('file.tooLarge', { mb: UPLOAD_FILE_BYTES / 1024 / 1024 }), {
      limit: 'fileBytes',
    });
  const fileName =
    part.filename
      .normalize('NFC')
      .replace(/^.*[\\/]/, '')
      .slice(0, 255) || fallbackName;
  return { fileName, content: Buffer.concat(chunks) };
}
