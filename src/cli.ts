import { main } from './cli/main.js';

// Long-running commands (serve, worker) return -1 and keep the process alive.
const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
