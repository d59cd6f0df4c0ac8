/**
 * Sending a workbook over HTTP as it is written: exceljs's streaming writer feeds the
 * response, the producer pauses whenever the client is slower than the database (so a
 * million rows never sit in memory), and the response ends only after `produce` and its
 * follow-up (the audit entry) have finished.
 */
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Resolves when the response can take more; rejects when the client has gone. */
export type WaitForRoom = () => Promise<void>;

export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendXlsxStream(
  reply: FastifyReply,
  fileName: string,
  produce: (out: Writable, room: WaitForRoom) => Promise<void>,
): FastifyReply {
  const body = new PassThrough();
  const zip = new PassThrough();
  zip.pipe(body, { end: false });
  const room: WaitForRoom = () => {
    if (body.destroyed) return Promise.reject(new Error('response closed'));
    if (!body.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        body.off('drain', onDrain);
        body.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new Error('response closed'));
      body.on('drain', onDrain);
      body.on('close', onClose);
    });
  };
  void (async () => {
    try {
      await produce(zip, room);
      await finished(zip);
      body.end();
    } catch (error) {
      reply.log.error(error);
      zip.destroy();
      body.destroy(error as Error);
    }
  })();
  return reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(fileName)).send(body);
}

export function sendXlsxBuffer(reply: FastifyReply, fileName: string, buffer: Buffer): FastifyReply {
  return reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(fileName)).send(buffer);
}
