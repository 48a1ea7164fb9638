import {
  IconAlignLeft, IconBrandYoutube, IconClock, IconColumns, IconDownload, IconHelpCircle, IconLayoutBottombar, IconLayoutNavbar, IconList, IconPhoto,
  IconPhotoScan, IconPointer, IconQuote, IconSpacingVertical, IconForms, type Icon,
} from '@tabler/icons-react';
import type { PageBlock } from '../../../api/pages';

export type BlockType = PageBlock['type'];
export type LeafBlock = Exclude<PageBlock, { type: 'columns' }>;

/** Every block type the definition has, with its name, what it is for and its icon; keyed by the generated type, so a new type fails the build until it has them. */
export const BLOCK_KINDS: Record<BlockType, { label: string; description: string; icon: Icon }> = {
  hero: { label: 'Hero', description: 'The headline at the top, with a button', icon: IconLayoutNavbar },
  rich_text: { label: 'Text', description: 'Paragraphs, headings and lists', icon: IconAlignLeft },
  bullets: { label: 'Bullet list', description: 'Benefits, each with an icon', icon: IconList },
  form: { label: 'Form', description: 'One of your published forms', icon: IconForms },
  image: { label: 'Image', description: 'A picture with its description', icon: IconPhoto },
  video: { label: 'Video', description: 'A YouTube or Vimeo video', icon: IconBrandYoutube },
  testimonial: { label: 'Testimonial', description: 'A quote from a customer', icon: IconQuote },
  logos: { label: 'Logos', description: 'A row of customer or partner logos', icon: IconPhotoScan },
  cta: { label: 'Call to action', description: 'A heading, a line and a button', icon: IconPointer },
  columns: { label: 'Columns', description: 'Two or three blocks side by side', icon: IconColumns },
  faq: { label: 'FAQ', description: 'Questions that open to their answers', icon: IconHelpCircle },
  countdown: { label: 'Countdown', description: 'Days and hours until a date', icon: IconClock },
  spacer: { label: 'Spacer', description: 'Room between two blocks', icon: IconSpacingVertical },
  download: { label: 'Download', description: 'Thank-you pages: the file the visitor asked for', icon: IconDownload },
  footer: { label: 'Footer', description: 'Small print and legal links', icon: IconLayoutBottombar },
};
export const BLOCK_ORDER = Object.keys(BLOCK_KINDS) as BlockType[];
export const LEAF_ORDER = BLOCK_ORDER.filter((t): t is LeafBlock['type'] => t !== 'columns');

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A new block of the type, filled enough to show at once (and to save). */
export function newBlock(type: BlockType): PageBlock {
  switch (type) {
    case 'hero': return { type, headline: 'Your headline', subheadline: 'One line on what the visitor gets.' };
    case 'rich_text': return { type, content: [{ type: 'p', children: [{ text: 'Write something here.' }] }] };
    case 'bullets': return { type, items: [{ icon: 'check', text: 'A benefit' }, { icon: 'check', text: 'Another benefit' }] };
    case 'form': return { type, form_id: null };
    case 'image': return { type, image: { url: 'https://', alt: '' } };
    case 'video': return { type, url: 'https://www.youtube.com/watch?v=', title: 'Video' };
    case 'testimonial': return { type, quote: 'What a customer says about you.', name: 'Their name' };
    case 'logos': return { type, logos: [{ image: { url: 'https://', alt: '' } }] };
    case 'cta': return { type, heading: 'Ready to start?', button: { label: 'Get started', url: '#form' } };
    case 'columns': return { type, columns: [[newBlock('rich_text') as LeafBlock], [newBlock('rich_text') as LeafBlock]] };
    case 'faq': return { type, heading: 'Questions', items: [{ question: 'A question people ask', answer: 'Its answer.' }] };
    case 'countdown': return { type, heading: 'Starts in', to: inAWeek(), ended_text: 'It has started.' };
    case 'spacer': return { type, size: 'medium' };
    case 'download': return { type, label: 'Download', asset_id: null, unavailable_text: 'Fill in the form to get the download.' };
    case 'footer': return { type, links: [] };
  }
}

/** A line that tells blocks of one type apart in the list. */
export function blockSummary(block: PageBlock): string {
  switch (block.type) {
    case 'hero': return block.headline;
    case 'rich_text': {
      const first = block.content[0];
      return first ? ('children' in first ? first.children : (first.items[0] ?? [])).map((i) => i.text).join('') : '';
    }
    case 'image': return block.image.alt || block.caption || block.image.url;
    case 'video': return block.title;
    case 'testimonial': return block.name;
    case 'cta': return block.heading ?? block.button.label;
    case 'columns': return `${block.columns.length} columns`;
    case 'spacer': return block.size;
    case 'download': return block.heading ?? block.label;
    case 'footer': return block.text ?? `${block.links.length} links`;
    case 'countdown': return block.heading ?? new Date(block.to).toLocaleDateString();
    default: return block.heading ?? '';
  }
}
