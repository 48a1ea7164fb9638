import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedDataDir, startServerProcess, type ServerProcess } from '../helpers/process.js';

const ADMIN_KEY = 'inf_full_disk_test_admin_key_0000001';
const RESERVE_MB = 64;
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-small-disk-'));

/** A small disk of its own (tmpfs), when this machine lets us mount one (root in CI). */
function mountSmallDisk(): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const mounted = mountSmallDisk();
if (!mounted) fs.rmSync(mountPoint, { recursive: true, force: true });
const free = () => {
  const stats = fs.statfsSync(mountPoint);
  return stats.bavail * stats.bsize;
};
const filler = path.join(mountPoint, 'filler');

let server: ServerProcess;
const api = (route: string, init: RequestInit = {}) =>
  fetch(`${server.url}${route}`, { ...init, headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, signal: AbortSignal.timeout(15_000) });
const batch = (round: number) =>
  api('/api/v1/contacts/batch', {
    method: 'POST',
    body: JSON.stringify({ contacts: Array.from({ length: 500 }, (_, i) => ({ email: `r${round}-${i}@example.com`, first_name: 'x'.repeat(100), last_name: 'y'.repeat(100) })) }),
  });

// The embedded database used to spin for ever at ~94 % of a full disk: every request hung,
// /healthz too, even after space was freed.
describe.runIf(mounted)('inflow serve on PGlite when its disk fills', () => {
  beforeAll(async () => {
    server = await startServerProcess({
      INFLOW_DATA_DIR: migratedDataDir(path.join(mountPoint, 'data')),
      INFLOW_ADMIN_PASSWORD: 'owner-password',
      INFLOW_ADMIN_API_KEY: ADMIN_KEY,
      INFLOW_DISK_RESERVE_MB: String(RESERVE_MB),
      DATABASE_URL: '',
    });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    execFileSync('umount', [mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });

  it('refuses writes with 507 before the disk is full, keeps reading, says so in /healthz, and recovers when space returns', async () => {
    // Something else on the disk leaves a little more than the reserve.
    fs.writeFileSync(filler, Buffer.alloc(free() - (RESERVE_MB + 12) * 2 ** 20));
    const statuses: number[] = [];
    for (let round = 0; round < 60 && !statuses.includes(507); round++) statuses.push((await batch(round)).status);
    expect(statuses.at(-1)).toBe(507);
    expect(new Set(statuses)).toEqual(new Set([200, 507]));

    const refused = await batch(1000);
    expect(refused.status).toBe(507);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await refused.json()).detail).toMatch(/almost full .* less than 64.0 MB is free \(INFLOW_DISK_RESERVE_MB\)/);
    expect((await api('/api/v1/contacts?limit=1')).status).toBe(200);
    const health = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(503);
    expect((await health.json()).detail).toMatch(/almost full/);

    fs.rmSync(filler);
    await sleep(1_100);
    expect((await batch(2000)).status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 120_000);
});
