import { IconFileTypeDocx, IconFileTypePdf, IconFileTypePpt, IconFileTypeSvg, IconFileTypeXls, IconFileZip, IconPhoto, type Icon } from '@tabler/icons-react';
import type { Asset } from '../../api/assets';

/** How the library shows each kind the server tells: an icon, a colour, a short label. */
export const KIND_LOOK: Record<Asset['kind'], { icon: Icon; color: string; label: string }> = {
  pdf: { icon: IconFileTypePdf, color: 'red', label: 'PDF' },
  docx: { icon: IconFileTypeDocx, color: 'blue', label: 'Word' },
  xlsx: { icon: IconFileTypeXls, color: 'teal', label: 'Excel' },
  pptx: { icon: IconFileTypePpt, color: 'orange', label: 'PowerPoint' },
  zip: { icon: IconFileZip, color: 'gray', label: 'ZIP' },
  png: { icon: IconPhoto, color: 'grape', label: 'PNG' },
  jpeg: { icon: IconPhoto, color: 'grape', label: 'JPEG' },
  gif: { icon: IconPhoto, color: 'grape', label: 'GIF' },
  webp: { icon: IconPhoto, color: 'grape', label: 'WebP' },
  svg: { icon: IconFileTypeSvg, color: 'violet', label: 'SVG' },
};
