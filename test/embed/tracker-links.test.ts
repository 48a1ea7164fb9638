// Which link clicks the tracker records, and as what.
import { describe, expect, it } from 'vitest';
import { linkEvent } from '../../embed/tracker/links.js';

const base = 'https://www.shop.example/blog/post';
const host = 'www.shop.example';

describe('linkEvent', () => {
  it('records a link to another host as a click, with its resolved address', () => {
    expect(linkEvent('https://partner.example/offer?x=1', base, host)).toEqual({ type: 'click', target: 'https://partner.example/offer?x=1' });
    expect(linkEvent('//shop.example/', base, host)).toEqual({ type: 'click', target: 'https://shop.example/' });
  });

  it('ignores links within the site and links that are no web page', () => {
    expect(linkEvent('/pricing', base, host)).toBeNull();
    expect(linkEvent('https://www.shop.example/about', base, host)).toBeNull();
    expect(linkEvent('#comments', base, host)).toBeNull();
    expect(linkEvent('mailto:sales@shop.example', base, host)).toBeNull();
    expect(linkEvent('tel:+15550100', base, host)).toBeNull();
    expect(linkEvent('javascript:void(0)', base, host)).toBeNull();
    expect(linkEvent('http://[bad', base, host)).toBeNull();
  });

  it('records a file as a download, on this host or another, whatever the case of its extension', () => {
    expect(linkEvent('/files/guide.pdf', base, host)).toEqual({ type: 'download', target: 'https://www.shop.example/files/guide.pdf' });
    expect(linkEvent('https://cdn.example/Price-List.XLSX?v=2#top', base, host)).toEqual({ type: 'download', target: 'https://cdn.example/Price-List.XLSX?v=2#top' });
    for (const extension of ['zip', 'doc', 'docx', 'xls', 'pptx', 'csv', 'txt', 'rtf', 'epub', 'mp3', 'mp4', 'mov', 'avi', 'dmg', 'exe', 'msi', 'apk', '7z', 'rar', 'gz', 'tar', 'key', 'numbers', 'pages']) {
      expect(linkEvent(`/files/a.${extension}`, base, host)?.type).toBe('download');
    }
  });

  it('does not take a path that merely ends like an extension, or a query naming a file, for a file', () => {
    expect(linkEvent('/pages', base, host)).toBeNull();
    expect(linkEvent('/docs/pdf', base, host)).toBeNull();
    expect(linkEvent('/get?file=guide.pdf', base, host)).toBeNull();
    expect(linkEvent('/archive.tar.gz.html', base, host)).toBeNull();
  });

  it('records an <a download> as a download, but never a blob or data address', () => {
    expect(linkEvent('/export?format=csv', base, host, true)).toEqual({ type: 'download', target: 'https://www.shop.example/export?format=csv' });
    expect(linkEvent('blob:https://www.shop.example/5d1c', base, host, true)).toBeNull();
    expect(linkEvent('data:text/csv,a,b', base, host, true)).toBeNull();
  });
});
