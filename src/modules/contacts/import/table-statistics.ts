// The planner chooses indexes from a table's statistics. While an import grows contacts from a
// few rows to a million they go stale (autovacuum analyzes a minute later at best, PGlite never):
// looking up a chunk's emails then reads every contact of the workspace instead of probing the
// email index, once per chunk, and the import turns quadratic. So the import analyzes the table
// each time it has doubled since the statistics were taken.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Below this many new rows the old statistics still lead to the right plans. */
const MIN_GROWTH = 5_000;

export interface GrowthAnalyzer {
  /** Rows were added; analyzes (in the background) once they outgrow the statistics. */
  grew(rows: number): void;
  /** Waits for an analyze under way. */
  settle(): Promise<void>;
}

export async function analyzeAsContactsGrow(db: Kysely<DB>): Promise<GrowthAnalyzer> {
  const { rows } = await sql<{ estimate: number }>`select greatest(reltuples, 0)::float8 as estimate from pg_class where oid = 'contacts'::regclass`.execute(db);
  let analyzedAt = rows[0]?.estimate ?? 0;
  let added = 0;
  let running: Promise<void> | null = null;
  return {
    grew(rows) {
      added += rows;
      if (running || added < Math.max(MIN_GROWTH, analyzedAt)) return;
      const size = analyzedAt + added;
      // Statistics only steer plans: an analyze that fails leaves the import slower, not wrong.
      running = sql`analyze contacts`
        .execute(db)
        .then(() => {
          analyzedAt = size;
          added = 0;
        })
        .catch(() => undefined)
        .finally(() => {
          running = null;
        });
    },
    async settle() {
      await running;
    },
  };
}
