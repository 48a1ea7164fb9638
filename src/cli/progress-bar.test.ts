import { describe, expect, it } from 'vitest';
import { progressLine, rowsPerSecond } from './progress-bar.js';

describe('progressLine', () => {
  it('draws a bar, the share, the rows and the speed', () => {
    expect(progressLine({ processed: 4448, total: 9240, rate: 1530.4 })).toBe('[############------------]  48%  4,448/9,240 rows  1,530 rows/s');
    expect(progressLine({ processed: 9240, total: 9240, rate: 2000 })).toBe('[########################] 100%  9,240/9,240 rows  2,000 rows/s');
  });
  it('shows rows and speed alone while the total is unknown, and never passes 100%', () => {
    expect(progressLine({ processed: 10, total: null, rate: 5 })).toBe('10 rows  5 rows/s');
    expect(progressLine({ processed: 12, total: 10, rate: 0 })).toContain('100%');
  });
  it('measures rows per second', () => {
    expect(rowsPerSecond(500, 250)).toBe(2000);
    expect(rowsPerSecond(5, 0)).toBe(0);
  });
});
