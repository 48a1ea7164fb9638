// The import's progress line on the terminal. Pure: the caller decides when and where to draw it.

const WIDTH = 24;
const number = new Intl.NumberFormat('en-US');

export interface ProgressSnapshot {
  processed: number;
  /** Rows in the file, when known (counted before the first row is written). */
  total: number | null;
  /** Rows per second over the run so far. */
  rate: number;
}

/** `[#########---------]  48%  4,448/9,240 rows  1,530 rows/s` (no bar while the total is unknown). */
export function progressLine({ processed, total, rate }: ProgressSnapshot): string {
  const speed = `${number.format(Math.round(rate))} rows/s`;
  if (!total) return `${number.format(processed)} rows  ${speed}`;
  const share = Math.min(1, processed / total);
  const filled = Math.round(share * WIDTH);
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${percent}  ${number.format(processed)}/${number.format(total)} rows  ${speed}`;
}

/** Rows per second between two readings, for a rate that follows the current speed. */
export function rowsPerSecond(rows: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (rows * 1000) / elapsedMs : 0;
}

/**
 * Draws progress on stderr: redrawn in place on a terminal, a line every few seconds otherwise
 * (a log file or CI), so the output stays readable either way.
 */
export class ProgressPrinter {
  private lastLine = 0;
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly everyMs = 5_000,
  ) {}

  update(snapshot: ProgressSnapshot, now = Date.now()): void {
    const line = progressLine(snapshot);
    if (this.out.isTTY) {
      this.out.write(`\r${line}\x1b[K`);
      this.drawn = true;
    } else if (now - this.lastLine >= this.everyMs) {
      this.out.write(`${line}\n`);
      this.lastLine = now;
    }
  }

  /** The last state, then a line break so what follows starts on its own line. */
  finish(snapshot: ProgressSnapshot): void {
    if (this.out.isTTY) this.out.write(`\r${progressLine(snapshot)}\x1b[K\n`);
    else this.out.write(`${progressLine(snapshot)}\n`);
    this.drawn = false;
  }

  get active(): boolean {
    return this.drawn;
  }
}
