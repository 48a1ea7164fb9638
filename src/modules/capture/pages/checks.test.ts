import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.js';
import { headingsOf, isSafeLink, publishProblems, saveProblems } from './checks.js';
import type { PageDefinitionValue } from './definition.js';
import { slugProblem, hostProblem } from './slug.js';
import { DEFAULT_THEME } from './theme.js';
import { videoEmbedUrl } from './video.js';
import { PAGE_TEMPLATES } from './templates.js';

const page = (blocks: PageDefinitionValue['blocks']): PageDefinitionValue => ({ seo: { title: 'T', description: '', noindex: false }, theme: {}, blocks });

describe('links', () => {
  it('takes http(s), mailto, tel, paths and anchors, and nothing a browser could run', () => {
    for (const ok of ['https://example.com/a?b=c', 'http://x.example', 'mailto:a@example.com', 'tel:+1 (555) 123-4567', '/privacy', '#form']) expect(isSafeLink(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example', 'https://a.example/"onmouseover="x', 'ftp://x', '#1', '']) expect(isSafeLink(bad), bad).toBe(false);
  });
});

describe('videos', () => {
  it('plays YouTube from youtube-nocookie.com and Vimeo with dnt=1, and nothing else', () => {
    expect(videoEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(videoEmbedUrl('https://youtu.be/dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(videoEmbedUrl('https://www.youtube.com/shorts/dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(videoEmbedUrl('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871?dnt=1');
    for (const bad of ['https://evil.example/watch?v=dQw4w9WgXcQ', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'javascript:alert(1)', 'https://www.youtube.com/watch?v=short', 'https://youtu.be/"><script>', 'not a url']) expect(videoEmbedUrl(bad), bad).toBeNull();
  });
});

describe('contrast', () => {
  it('follows WCAG: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});

describe('headings', () => {
  it('counts the first hero as the h1 and block headings as h2, columns in order', () => {
    const def = page([
      { type: 'hero', headline: 'A' },
      { type: 'columns', columns: [[{ type: 'bullets', heading: 'B', items: [{ icon: 'check', text: 'x' }] }], [{ type: 'rich_text', content: [{ type: 'h3', children: [{ text: 'C' }] }] }]] },
      { type: 'hero', headline: 'D' },
    ]);
    expect(headingsOf(def)).toEqual([
      { level: 1, field: 'blocks.0.headline' },
      { level: 2, field: 'blocks.1.columns.0.0.heading' },
      { level: 3, field: 'blocks.1.columns.1.0.content.0' },
      { level: 2, field: 'blocks.2.headline' },
    ]);
    expect(publishProblems(def, DEFAULT_THEME)).toEqual([]);
  });
});

describe('slugs and hosts', () => {
  it('takes lower-case words with hyphens and refuses reserved ones', () => {
    expect(slugProblem('spring-sale-2027')).toBeNull();
    for (const bad of ['Spring', 'a--', '-a', 'a b', 'é', 'p', 'api', 'x'.repeat(81), '..']) expect(slugProblem(bad), bad).not.toBeNull();
    expect(hostProblem('go.example.com')).toBeNull();
    expect(hostProblem('')).toBeNull();
    for (const bad of ['go.example.com:8080', 'https://go.example.com', 'GO.example.com', 'localhost', 'a/b.example']) expect(hostProblem(bad), bad).not.toBeNull();
  });
});

describe('templates', () => {
  it('are all savable, and publishable once their form is chosen', () => {
    for (const t of PAGE_TEMPLATES) {
      expect(saveProblems(t.definition), t.id).toEqual([]);
      const problems = publishProblems(t.definition, DEFAULT_THEME);
      expect(problems.every((p) => p.message === 'choose the form this block shows'), `${t.id}: ${JSON.stringify(problems)}`).toBe(true);
      expect(problems.length > 0, t.id).toBe(t.kind === 'landing');
    }
  });
});
