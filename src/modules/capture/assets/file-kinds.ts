/**
 * The files an asset may be, each told by its bytes (never by its name or the type the client
 * claims): the one list the sniffer, the served headers and the API's error text share.
 */
export const ASSET_KINDS = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'Word (DOCX)' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', label: 'Excel (XLSX)' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', label: 'PowerPoint (PPTX)' },
  zip: { contentType: 'application/zip', extension: 'zip', label: 'ZIP' },
  png: { contentType: 'image/png', extension: 'png', label: 'PNG' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  gif: { contentType: 'image/gif', extension: 'gif', label: 'GIF' },
  webp: { contentType: 'image/webp', extension: 'webp', label: 'WebP' },
  svg: { contentType: 'image/svg+xml', extension: 'svg', label: 'SVG' },
} as const;

export type AssetKind = keyof typeof ASSET_KINDS;
export const ASSET_KIND_NAMES = Object.keys(ASSET_KINDS) as AssetKind[];

/** "PDF, Word (DOCX), …": what a refusal tells the uploader. */
export const ACCEPTED_KINDS_TEXT = ASSET_KIND_NAMES.map((kind) => ASSET_KINDS[kind].label).join(', ');
