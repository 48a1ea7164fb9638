import type { Config } from '../config.js';
import type { DatabaseTarget } from '../db/database.js';

export function databaseTarget(config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir' | 'pgliteSharedBuffersMb' | 'diskReserveMb'>): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
    : { kind: 'pglite', dataDir: config.dataDir, sharedBuffersMb: config.pgliteSharedBuffersMb, diskReserveMb: config.diskReserveMb };
}
