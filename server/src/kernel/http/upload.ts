/** Reading one uploaded file from a multipart request, with the size limit as a clear error. */
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export function fileTooLarge(limitBytes: number, advice = '请拆分后分批导入'): AppError {
  const mb = Math.round((limitBytes / 1024 / 1024) * 10) / 10;
  return new AppError('file_too_large', { zh: `最大 ${mb} MB${advice ? `，${advice}` : ''}`, en: `The limit is ${mb} MB`, field: 'file' });
}

export interface Upload {
  fileName: string;
  buffer: Buffer;
  /** The other form fields sent before the file. */
  fields: Record<string, string>;
}

export async function readUpload(request: FastifyRequest, limitBytes: number, advice?: string): Promise<Upload> {
  let part;
  try {
    part = await request.file({ limits: { fileSize: limitBytes, files: 1 } });
  } catch (error: any) {
    if (error?.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new AppError('validation_failed', { zh: '请以 multipart/form-data 方式上传文件', en: 'Upload the file as multipart/form-data', field: 'file' });
    }
    throw error;
  }
  if (!part) throw new AppError('validation_failed', { zh: '请选择要上传的文件', en: 'No file was uploaded', field: 'file' });
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (error: any) {
    if (error?.code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(limitBytes, advice);
    throw error;
  }
  if (part.file.truncated) throw fileTooLarge(limitBytes, advice);
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields ?? {})) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field' && typeof value.value === 'string') fields[name] = value.value;
  }
  return { fileName: path.basename(part.filename || 'upload'), buffer, fields };
}
