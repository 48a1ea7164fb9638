import { randomFillSync } from 'node:crypto';

// Random bytes are drawn a few kilobytes at a time: a system call per id was a third of the
// cost of creating ids in bulk (imports create two per row).
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7 (RFC 9562): time-ordered, so new rows land at the end of B-tree indexes and keyset
 * pagination by id follows creation order. Generated here because PostgreSQL 15 has no uuidv7().
 */
export function newId(now: number = Date.now()): string {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = new Array<number>(16);
  for (let i = 5, t = now; i >= 0; i--, t = Math.floor(t / 256)) bytes[i] = t % 256;
  for (let i = 6; i < 16; i++) bytes[i] = pool[poolOffset++]!;
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const h = bytes.map((b) => HEX[b]!);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids that are not UUIDs can match nothing; checking first avoids a cast error from SQL. */
export function isId(value: string): boolean {
  return UUID.test(value);
}
