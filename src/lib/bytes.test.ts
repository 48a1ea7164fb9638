import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [900_000, '879 KB'],
    [5 * 2 ** 20, '5.0 MB'],
    [1.25 * 2 ** 30, '1.25 GB'],
    [-5, '0 B'],
  ])('%d bytes read as %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
