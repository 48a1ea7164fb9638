import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/**
 * How long an action waits for its element. The browser shares two cores with the database
 * tests running beside it; under CI that machine is slower still, and a page can take seconds
 * to settle (one run waited more than 8 s for a button to hold still).
 */
export const actionTimeout = process.env.CI === 'true' ? 20_000 : 10_000;

/** A dashboard tab: a laptop's viewport, no transitions (modals and notifications open at once). */
export async function openDashboardPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  page.setDefaultTimeout(actionTimeout);
  return page;
}
