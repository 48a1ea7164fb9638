// `inflow export contacts`: CSV to standard output or --out FILE, streamed.
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import { readLock } from '../db/data-dir-lock.js';
import { contactsCsv } from '../modules/contacts/export/export-stream.js';
import { runThroughServer } from './bridge-client.js';
import { openForCommand } from './serve.js';
import { EXPORT_FLAGS, exportToFile, parseCommand, resolveWorkspace } from './transfer-commands.js';

/** Copies text chunks to standard output, waiting when the reader is slower than us. */
async function toStdout(chunks: AsyncIterable<string | Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}

export async function exportContactsCommand(argv: readonly string[], config: Config): Promise<number> {
  const { values } = parseCommand(argv, EXPORT_FLAGS, 0);
  const out = values.out ? path.resolve(values.out) : null;
  const holder = config.databaseUrl ? null : readLock(config.dataDir);
  if (holder?.port && holder.token) {
    // The server writes the file (it is on this machine); for standard output, a private
    // temporary file that this process copies out and removes.
    const target = out ?? path.join(os.tmpdir(), `inflow-export-${randomBytes(8).toString('hex')}.csv`);
    const argvForServer = ['export', 'contacts', `--out=${target}`];
    if (values.workspace) argvForServer.push(`--workspace=${values.workspace}`);
    for (const tag of values.tag ?? []) argvForServer.push(`--tag=${tag}`);
    for (const name of ['stage', 'q', 'list'] as const) if (values[name]) argvForServer.push(`--${name}=${values[name]}`);
    try {
      const result = await runThroughServer(holder, argvForServer);
      if (result.exitCode !== 0) {
        process.stderr.write(result.stderr);
        return result.exitCode;
      }
      if (!out) await toStdout(createReadStream(target));
    } finally {
      if (!out) await unlink(target).catch(() => undefined);
    }
    return 0;
  }
  const { database, lock } = await openForCommand(config, 'export');
  try {
    if (out) await exportToFile(database.db, values, out);
    else {
      const workspace = await resolveWorkspace(database.db, values.workspace);
      await toStdout(await contactsCsv(database.db, workspace.id, { tag: values.tag, stage: values.stage, q: values.q, list: values.list, custom: {} }));
    }
    return 0;
  } finally {
    await database.close();
    lock?.release();
  }
}
