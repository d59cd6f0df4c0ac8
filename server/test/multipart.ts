/** A multipart/form-data body as a browser sends it: text fields first, then one file. */
import crypto from 'node:crypto';

export function multipartBody(file: { name: string; content: Buffer | string; type?: string }, fields: Record<string, string> = {}): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----huimin${crypto.randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  const body = Buffer.concat([
    ...parts,
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The smallest valid PNG (1×1), padded to a size when a test needs a large file. */
export function pngBytes(size = 0): Buffer {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');
  return size > png.length ? Buffer.concat([png, Buffer.alloc(size - png.length)]) : png;
}
