import type { AssetKind } from './file-kinds.js';

/** How many leading bytes `sniffHead` needs (fewer only when the file is shorter). */
export const HEAD_BYTES = 8192;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function startsWith(head: Buffer, magic: Buffer | string, at = 0): boolean {
  const bytes = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : magic;
  return head.length >= at + bytes.length && head.subarray(at, at + bytes.length).equals(bytes);
}

/**
 * The kind a file's first bytes say it is, or null for anything not accepted. ZIP files are
 * `zip` here: which Office format one is needs its central directory, at the end
 * (`officeKindOfZip`).
 */
export function sniffHead(head: Buffer): AssetKind | null {
  if (startsWith(head, '%PDF-')) return 'pdf';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, Buffer.from([0xff, 0xd8, 0xff]))) return 'jpeg';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'gif';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'webp';
  // A local file header, or the end record of an empty archive.
  if (startsWith(head, 'PK\x03\x04') || startsWith(head, 'PK\x05\x06')) return 'zip';
  if (isSvg(head)) return 'svg';
  return null;
}

// What may come before the root element of an SVG document: a BOM, white space, the XML
// declaration, comments, processing instructions and a DOCTYPE (its internal subset included).
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+svg(?:\s[^[>]*)?(?:\[[\s\S]*?\])?\s*>)/i;

/** An XML document whose root element is `<svg>`, judged from its head alone. */
function isSvg(head: Buffer): boolean {
  let text = head.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  for (let step = 0; step < 100; step++) {
    const prolog = PROLOG.exec(text);
    if (!prolog) break;
    text = text.slice(prolog[0].length);
  }
  return /^<svg[\s>/]/.test(text) || /^<svg:svg[\s>/]/.test(text);
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const MAX_ENTRIES_READ = 50_000;

/**
 * The names in a ZIP file's central directory, read from the last bytes of the file (`tail`,
 * which ends where the file ends; `fileSize` is the whole file's). Headers only: nothing is
 * inflated, so a zip bomb stays packed. Null when the directory is not within the tail, or
 * is ZIP64 or damaged.
 */
export function zipEntryNames(tail: Buffer, fileSize: number): string[] | null {
  const tailStart = fileSize - tail.length;
  const lowest = Math.max(0, tail.length - EOCD_SIZE - MAX_COMMENT);
  let eocd = -1;
  for (let at = tail.length - EOCD_SIZE; at >= lowest; at--) {
    if (tail.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
  let at = offset - tailStart;
  if (at < 0 || at + size > eocd) return null;
  const names: string[] = [];
  while (names.length < Math.min(entries, MAX_ENTRIES_READ)) {
    if (at + 46 > eocd || tail.readUInt32LE(at) !== CENTRAL_ENTRY) return null;
    const nameLength = tail.readUInt16LE(at + 28);
    const extraLength = tail.readUInt16LE(at + 30);
    const commentLength = tail.readUInt16LE(at + 32);
    if (at + 46 + nameLength > eocd) return null;
    names.push(tail.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

// The main part each Office Open XML format has under its conventional name (ECMA-376 part 2).
const OFFICE_PARTS: [string, AssetKind][] = [
  ['word/document.xml', 'docx'],
  ['xl/workbook.xml', 'xlsx'],
  ['ppt/presentation.xml', 'pptx'],
];

/** docx, xlsx or pptx when the archive's entries are those of one; else a plain `zip`. */
export function officeKindOfZip(names: readonly string[] | null): AssetKind {
  if (!names || !names.includes('[Content_Types].xml')) return 'zip';
  const found = OFFICE_PARTS.filter(([part]) => names.includes(part));
  return found.length === 1 ? found[0]![1] : 'zip';
}
