import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pageDocument } from './page-document.js';
import { DEFAULT_THEME, themeCss } from './theme.js';

const base = { theme: DEFAULT_THEME, canonicalUrl: 'https://leads.example.com/p/offer', origin: 'https://leads.example.com', forms: new Map(), noindex: false, now: new Date('2027-01-01T00:00:00Z') };

describe('pageDocument', () => {
  it('writes the SEO, canonical, Open Graph and Twitter tags, and allows its one style by hash', () => {
    const doc = pageDocument({ ...base, def: { seo: { title: 'Offer', description: 'Get it', noindex: false, image: { url: '/og.png', alt: 'Cover' } }, theme: {}, blocks: [{ type: 'hero', headline: 'Offer' }] } });
    for (const tag of [
      '<title>Offer</title>', '<meta name="description" content="Get it">', '<link rel="canonical" href="https://leads.example.com/p/offer">',
      '<meta property="og:image" content="https://leads.example.com/og.png">', '<meta property="og:image:alt" content="Cover">',
      '<meta name="twitter:card" content="summary_large_image">',
    ]) expect(doc.html).toContain(tag);
    expect(doc.html).not.toContain('robots');
    expect(doc.html).not.toContain('<script');
    const hash = createHash('sha256').update(themeCss(DEFAULT_THEME)).digest('base64');
    expect(doc.policy).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(doc.policy).toContain("frame-src https://www.youtube-nocookie.com https://player.vimeo.com");
  });

  it('shows the SEO title as the h1 without a hero, and a countdown that has ended its ended text', () => {
    const doc = pageDocument({ ...base, noindex: true, def: { seo: { title: 'Thanks <b>', description: '', noindex: true }, theme: {}, blocks: [{ type: 'countdown', to: '2026-01-01T00:00:00Z', ended_text: 'It happened' }, { type: 'faq', items: [{ question: 'Q?', answer: 'A.' }] }] } });
    expect(doc.html).toContain('<h1 class="pg-h1">Thanks &lt;b&gt;</h1>');
    expect(doc.html).toContain('<p class="pg-countdown-ended">It happened</p>');
    expect(doc.html).toContain('<details><summary>Q?</summary><p>A.</p></details>');
    expect(doc.html).toContain('<meta name="robots" content="noindex, nofollow">');
  });
});
