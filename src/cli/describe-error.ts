import { ConfigError } from '../config.js';
import { DataDirBusy } from '../db/data-dir-lock.js';
import { AppError } from '../errors.js';
import { UsageError } from './args.js';

/** What the CLI prints for a failure, and its exit code: 2 for usage, 1 for everything else. */
export function describeError(err: unknown): { message: string; exitCode: number } {
  if (err instanceof UsageError) return { message: err.message, exitCode: 2 };
  if (err instanceof AppError) {
    const fields = err.fields.map((f) => `${f.field} ${f.message}`).join('; ');
    return { message: fields ? `${err.message} (${fields})` : err.message, exitCode: 1 };
  }
  if (err instanceof ConfigError || err instanceof DataDirBusy) return { message: err.message, exitCode: 1 };
  return { message: err instanceof Error ? err.message : String(err), exitCode: 1 };
}
