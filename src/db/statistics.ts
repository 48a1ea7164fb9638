// The planner's statistics of tables that grow fast. A young database that suddenly takes many
// rows (a 1M import, a campaign's burst of form submissions) keeps statistics that say its
// tables are empty until autovacuum's next analyze, up to minutes later. Meanwhile the planner
// reads whole tables to find one row, and the foreign-key checks of every insert, whose plans
// each connection keeps, do the same. An ANALYZE when the rows written pass a threshold tells
// the planner the truth, and invalidates those kept plans.
import { sql, type Kysely } from 'kysely';

export class StatisticsKeeper {
  private written = 0;
  private readonly thresholds: number[];
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly tables: readonly string[],
    thresholds: readonly number[],
    private readonly onError: (err: unknown) => void,
  ) {
    this.thresholds = [...thresholds].sort((a, b) => a - b);
  }

  /** Counts rows written; past the next threshold, analyzes the tables (without waiting). */
  wrote(rows: number): void {
    this.written += rows;
    if (this.running || this.thresholds.length === 0 || this.written < this.thresholds[0]!) return;
    while (this.thresholds.length > 0 && this.written >= this.thresholds[0]!) this.thresholds.shift();
    this.running = sql
      .raw(`analyze ${this.tables.join(', ')}`)
      .execute(this.db)
      .then(() => undefined, this.onError)
      .finally(() => {
        this.running = null;
      });
  }

  /** Waits for an analyze under way (the server stopping). */
  async settled(): Promise<void> {
    await this.running;
  }
}
