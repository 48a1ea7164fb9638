import { ASSET_KINDS, type AssetKind } from './file-kinds.js';

// C0 and C1 controls, and the bidirectional marks that make "invoice‮fdp.exe" read as a PDF.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a file is handed out under: the stored name (kept as the uploader gave it) without
 * folders, controls or direction marks, ending with the extension of what its bytes are, so
 * `evil.html` that is a PDF downloads as `evil.html.pdf`.
 */
export function servedFileName(fileName: string, kind: AssetKind): string {
  const extension = ASSET_KINDS[kind].extension;
  const base = (fileName.split(/[/\\]/).pop() ?? '').replace(UNSAFE_CHARS, '').trim().replace(/^\.+/, '').slice(0, 200) || 'download';
  const own = base.toLowerCase().split('.').pop();
  const matches = own === extension || (kind === 'jpeg' && own === 'jpeg');
  return matches ? base : `${base}.${extension}`;
}

/**
 * `Content-Disposition: attachment` with the name twice (RFC 6266): an ASCII fallback, quoted,
 * and the exact name as RFC 8187 `filename*`. Always an attachment: nothing an uploader sent is
 * ever shown inline from our origin.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The headers every served asset carries: the browser never sniffs, runs or frames it. */
export function servedFileHeaders(kind: AssetKind, fileName: string, sha256: string | null): Record<string, string> {
  return {
    'content-type': ASSET_KINDS[kind].contentType,
    'content-disposition': attachmentDisposition(servedFileName(fileName, kind)),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cross-origin-resource-policy': 'same-origin',
    'accept-ranges': 'bytes',
    ...(sha256 ? { etag: `"${sha256.slice(0, 32)}"` } : {}),
  };
}

export type ByteRange = { start: number; end: number };

/**
 * The one byte range a `Range` header asks of a file of `size` bytes (RFC 9110 §14.1.2): null
 * when there is none or it is not one we serve (several ranges, other units: the whole file is
 * sent), `unsatisfiable` when it lies past the end.
 */
export function requestedRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}
