import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Whether browser tests can run. Without a browser they are skipped with a loud warning,
 * except under CI=true, where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(chromiumPath)) return true;
  const message = `no Chromium at ${chromiumPath} (set CHROMIUM_PATH or \`apt-get install chromium\`)`;
  if (process.env.CI === 'true') throw new Error(`browser tests cannot run under CI: ${message}`);
  console.warn(`\n  !!! BROWSER TESTS SKIPPED: ${message} !!!\n`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
