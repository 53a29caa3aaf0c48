// Launches Debian's Chromium (/usr/bin/chromium, installed by .ci/run) through playwright-core, for the
// browser tests and `pnpm bench form`. Never downloads a browser and never skips: a missing Chromium is
// an error that says how to install it.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Without the networking flags Chromium keeps calling Google's services, which this machine's closed
 * network refuses many times a second. No --user-data-dir here: playwright's launch() gives every browser
 * a fresh temporary one (and refuses one in args), so no two runs share a profile.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium), as .ci/run does, or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
