import { describe, expect, it } from 'vitest';
import { gifFile, jpegFile, officeFile, pdfFile, pngFile, svgWithScript, webpFile, zipOf } from '../../../../test/helpers/sample-files.js';
import { officeKindOfZip, sniffHead, zipEntryNames } from './sniff.js';

const kindOf = (file: Buffer) => {
  const head = sniffHead(file);
  return head === 'zip' ? officeKindOfZip(zipEntryNames(file, file.length)) : head;
};

describe('telling a file by its bytes', () => {
  it('knows each accepted kind', () => {
    expect([pdfFile(), pngFile(), jpegFile(), gifFile(), webpFile(), svgWithScript()].map(kindOf)).toEqual(['pdf', 'png', 'jpeg', 'gif', 'webp', 'svg']);
    expect(['docx', 'xlsx', 'pptx'].map((k) => kindOf(officeFile(k as 'docx')))).toEqual(['docx', 'xlsx', 'pptx']);
    expect(kindOf(zipOf({ 'a.txt': 'hello', 'b/c.csv': '1,2' }))).toBe('zip');
  });

  it('refuses HTML, scripts and text, whatever they are called', () => {
    for (const text of ['<!doctype html><html><script>alert(1)</script>', '<html><svg></svg></html>', 'MZ\x90\x00', '#!/bin/sh\nrm -rf /', '', '<?xml version="1.0"?><x/>']) {
      expect(sniffHead(Buffer.from(text, 'latin1'))).toBeNull();
    }
  });

  it('reads an SVG past a BOM, a declaration, comments and a DOCTYPE', () => {
    const svg = '\ufeff<?xml version="1.0"?>\n<!-- x --><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg viewBox="0 0 1 1"/>';
    expect(sniffHead(Buffer.from(svg))).toBe('svg');
  });

  it('lists a ZIP’s entries from its central directory without inflating anything, and gives up on a tail that misses it', () => {
    const bomb = zipOf({ 'huge.bin': Buffer.alloc(1000) }, { declaredSize: 0xfffffff0 });
    expect(zipEntryNames(bomb, bomb.length)).toEqual(['huge.bin']);
    const docx = officeFile('docx');
    expect(zipEntryNames(docx.subarray(docx.length - 30), docx.length)).toBeNull();
    expect(officeKindOfZip(null)).toBe('zip');
  });

  it('calls a package with two main parts a plain ZIP', () => {
    expect(officeKindOfZip(['[Content_Types].xml', 'word/document.xml', 'xl/workbook.xml'])).toBe('zip');
    expect(officeKindOfZip(['word/document.xml'])).toBe('zip');
  });
});
