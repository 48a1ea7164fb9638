import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter.js';

describe('detectDelimiter', () => {
  it('takes the separator of the header row, outside quotes', () => {
    expect(detectDelimiter('email,name\na;b;c;d\n')).toBe(',');
    expect(detectDelimiter('email;nome;"cidade, estado"\n')).toBe(';');
    expect(detectDelimiter('email\tname\n')).toBe('\t');
    expect(detectDelimiter('"a,b,c";d\n')).toBe(';');
  });
  it('is a comma for one column or a tie', () => {
    expect(detectDelimiter('email\n')).toBe(',');
    expect(detectDelimiter('a,b;c\n')).toBe(',');
  });
});
