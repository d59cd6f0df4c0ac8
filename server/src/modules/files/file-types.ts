/**
 * Which files may be attached, decided by their first bytes: a name ending in .jpg proves
 * nothing, and a browser shown an HTML page called photo.jpg would run it. Only photos and
 * PDF scans are accepted — what evidence and visit photos are.
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': { extensions: ['jpg', 'jpeg'], label: 'JPEG 图片' },
  'image/png': { extensions: ['png'], label: 'PNG 图片' },
  'image/webp': { extensions: ['webp'], label: 'WebP 图片' },
  'application/pdf': { extensions: ['pdf'], label: 'PDF 文件' },
} as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type the bytes are, or null when they are none of the accepted ones. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export const ACCEPTED_LABEL = Object.values(ATTACHMENT_TYPES).map((t) => t.label).join('、');

/** A name safe to store and to send back: no path, no control or quoting characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim().slice(-120);
  return cleaned || 'file';
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}
