import { describe, expect, it } from 'vitest';
import { attachmentDisposition, requestedRange, servedFileName } from './served-file.js';

describe('the name a file is served under', () => {
  it('keeps no folders, controls or direction marks, and ends with the real type’s extension', () => {
    expect(servedFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(servedFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.exe.pdf');
    expect(servedFileName('a\r\nSet-Cookie: x=1.pdf', 'pdf')).toBe('aSet-Cookie: x=1.pdf');
    expect(servedFileName('evil.html', 'svg')).toBe('evil.html.svg');
    expect(servedFileName('photo.JPEG', 'jpeg')).toBe('photo.JPEG');
    expect(servedFileName('...', 'zip')).toBe('download.zip');
  });

  it('quotes an ASCII fallback and spells the exact name as RFC 8187', () => {
    expect(attachmentDisposition('"; filename=evil.html.pdf')).toBe(`attachment; filename="__ filename=evil.html.pdf"; filename*=UTF-8''%22%3B%20filename%3Devil.html.pdf`);
    expect(attachmentDisposition('Relatório 2026.pdf')).toBe(`attachment; filename="Relat_rio 2026.pdf"; filename*=UTF-8''Relat%C3%B3rio%202026.pdf`);
  });
});

describe('a Range header', () => {
  it('gives one range within the file, or none', () => {
    expect(requestedRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(requestedRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(requestedRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(requestedRange('bytes=0-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(requestedRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(requestedRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(requestedRange('items=1-2', 1000)).toBeNull();
    expect(requestedRange(undefined, 1000)).toBeNull();
  });
});
