// `npm run bench -- [NAME…] [--smoke]`: runs the named benchmarks (all by default) against the
// built product and prints one JSON document. --smoke runs each briefly, to check it works.
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import coldStart from './cold-start.mjs';
import contactsBatchUpsert from './contacts-batch-upsert.mjs';
import contactsImport from './contacts-import.mjs';
import contactsSearch from './contacts-search.mjs';
import eventsDispatch from './events-dispatch.mjs';
import formsEmbed from './forms-embed.mjs';
import formsSubmit from './forms-submit.mjs';
import idleMemory from './idle-memory.mjs';
import { machine } from './lib.mjs';
import pagesLcp from './pages-lcp.mjs';
import pagesServe from './pages-serve.mjs';
import requestOverhead from './request-overhead.mjs';
import trackingIngest from './tracking-ingest.mjs';
import trackingScript from './tracking-script.mjs';

const benchmarks = {
  'cold-start': (smoke) => coldStart(smoke ? { runs: 1 } : {}),
  'idle-memory': (smoke) => idleMemory(smoke ? { idleSeconds: 1 } : {}),
  'request-overhead': (smoke) => requestOverhead(smoke ? { seconds: 1 } : {}),
  'contacts-batch-upsert': (smoke) => contactsBatchUpsert(smoke ? { total: 2_000, concurrency: 2 } : {}),
  'contacts-search': (smoke) => contactsSearch(smoke ? { total: 5_000, requests: 5 } : {}),
  'contacts-import': (smoke) => contactsImport(smoke ? { total: 2_000 } : {}),
  'events-dispatch': (smoke) => eventsDispatch(smoke ? { total: 1_000, runs: 1 } : {}),
  'forms-submit': (smoke) => formsSubmit(smoke ? { seconds: 2, connections: 5, smoke: true } : {}),
  'forms-embed': (smoke) => formsEmbed(smoke ? { loads: 2 } : {}),
  'pages-serve': (smoke) => pagesServe(smoke ? { seconds: 1 } : {}),
  'pages-lcp': (smoke) => pagesLcp(smoke ? { loads: 1, templates: 2 } : {}),
  'tracking-ingest': (smoke) => trackingIngest(smoke ? { seconds: 2, smoke: true } : {}),
  'tracking-script': (smoke) => trackingScript(smoke ? { loads: 1 } : {}),
};

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !(n in benchmarks));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

await buildIfStale(['server', 'embed', 'dashboard'], (line) => console.error(line));
const results = [];
for (const name of names.length ? names : Object.keys(benchmarks)) {
  console.error(`running ${name}${smoke ? ' (smoke)' : ''}…`);
  results.push(await benchmarks[name](smoke));
}
console.log(JSON.stringify({ date: new Date().toISOString(), machine: machine(), smoke, results }, null, 2));
// A figure that could not be measured here (pass: null, e.g. no PostgreSQL) does not fail the run.
process.exit(results.every((r) => r.pass !== false) || smoke ? 0 : 1);
