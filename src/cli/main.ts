import { loadConfig } from '../config.js';
import { readLock } from '../db/data-dir-lock.js';
import { version } from '../paths.js';
import { flags, UsageError } from './args.js';
import { ADMIN_COMMANDS, runThroughServer, type CommandOutput } from './bridge-client.js';
import { describeError } from './describe-error.js';

// The server, the database and the importer are loaded by the commands that need them: a
// command that runs through the running server (or `help`) starts in a fraction of the time.

const HELP = `inflow ${version} — inbound marketing and lead management

usage: inflow <command> [options]

  serve [--no-worker]        run the web server (and, unless told not to, the job worker)
  worker                     run a job worker alone (scale-out on PostgreSQL)
  migrate                    bring the database schema up to date
  user create --email E --password P --workspace W [--name N] [--role R] [--json]
                             create a user (and the workspace, if new) with role R (owner);
                             an existing user is added to the workspace, keeping their password
  user password --email E --password P
                             set a user's password and sign them out everywhere
  apikey create --workspace W [--name N] [--role R] [--json]
                             create an API key; it is printed once
  import contacts FILE.csv [--workspace W] [--tag T]... [--skip-existing] [--keep-existing]
         [--placeholder X]... [--day-first] [--no-new-fields] [--mapping mapping.json] [--json]
                             import contacts from CSV, with a progress bar on stderr and a
                             summary (and the error report's path) on stdout
  import contacts --resume ID  go on with an interrupted import after its last committed row
  import status ID [--json] | import cancel ID
                             an import's progress; stop an import (rows written stay)
  export contacts [--workspace W] [--out FILE] [--tag T]... [--stage S] [--q PREFIX] [--list ID]
                             contacts as CSV, to stdout unless --out; formula-escaped
  help | version

Configuration is read from the environment: see docs/configuration.md.
`;

async function admin(argv: string[]): Promise<CommandOutput> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    // The embedded database belongs to the running server: ask it to do the work.
    if (holder?.port && holder.token) return runThroughServer(holder, argv);
  }
  // `migrate` does the migrating itself, to report what it applied.
  const [{ openForCommand }, { runAdminCommand }] = await Promise.all([import('./serve.js'), import('./admin-commands.js')]);
  const { database, lock } = await openForCommand(config, argv[0]!, { migrate: argv[0] !== 'migrate' });
  try {
    return await runAdminCommand(database.db, argv, { importDir: config.imports.dir });
  } finally {
    await database.close();
    lock?.release();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    if (command === 'serve') {
      const { values } = flags(rest, { 'no-worker': { type: 'boolean' } });
      const { serve } = await import('./serve.js');
      await serve(loadConfig(), { worker: values['no-worker'] !== true });
      return -1;
    }
    if (command === 'worker') {
      flags(rest, {});
      const { work } = await import('./serve.js');
      await work(loadConfig());
      return -1;
    }
    // Import and export draw progress and stream files themselves; they use the bridge their own way.
    if (command === 'import' && rest[0] === 'contacts') return await (await import('./import-client.js')).importContactsCommand(rest.slice(1), loadConfig());
    if (command === 'export' && rest[0] === 'contacts') return await (await import('./export-client.js')).exportContactsCommand(rest.slice(1), loadConfig());
    if ((ADMIN_COMMANDS as readonly string[]).includes(command)) {
      const result = await admin(argv);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      return result.exitCode;
    }
    if (command === 'version' || command === '--version') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    if (command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(HELP);
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    const { message, exitCode } = describeError(err);
    process.stderr.write(`inflow: ${message}\n`);
    if (err instanceof UsageError) process.stderr.write('run `inflow help` for usage\n');
    return exitCode;
  }
}
