/**
 * Debian's headless Chromium for browser tests, driven by playwright-core (never a downloaded browser).
 * Launched as a server so the test owns the browser process: Chromium now and then never exits after its
 * close command (a known upstream hang), which would hold the test process until tap's timeout. Then it is
 * killed, and standard error says so.
 */
import { type Browser, chromium } from 'playwright-core';
import type { Test } from 'tap';
import { withTimeout } from '../../engine/errors/mod.ts';
import { CLOSE_MS } from './services.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A healthy Chromium exits in well under a second. */
const CHROMIUM_CLOSE_MS = 10_000;

/** A connected headless Chromium, closed (or killed) with the test. */
export async function headlessChromium(t: Test): Promise<Browser> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  t.teardown(async () => {
    try {
      await withTimeout(server.close(), CHROMIUM_CLOSE_MS, 'closing Chromium');
    } catch (err) {
      process.stderr.write(`${(err as Error).message}: killing it (pid ${server.process().pid})\n`);
      await withTimeout(server.kill(), CLOSE_MS, 'killing Chromium');
    }
  });
  const browser = await chromium.connect(server.wsEndpoint());
  t.teardown(() => withTimeout(browser.close(), CLOSE_MS, 'closing the browser connection'));
  return browser;
}
