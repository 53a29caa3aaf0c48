// Launches Debian's Chromium (/usr/bin/chromium) through playwright-core, for the browser tests and
// `pnpm bench form`. Never downloads a browser and never skips. A fresh Debian or Ubuntu machine run as
// root gets Debian's package installed here (what .ci/run does), as the store's tests do for PostgreSQL,
// so the README's test command needs only Node; anywhere else a missing Chromium is an error that says
// how to install it.
import { execFileSync } from 'node:child_process';
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

// Under a file lock, because several test files (and processes) may ask at once.
const INSTALL_LOCK = '/tmp/reuse-pref-chromium-install.lock';
const INSTALL = `
  set -e
  [ -x /usr/bin/chromium ] && exit 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then exit 3; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null`;

export function installDebianChromium() {
  if (process.env.CHROMIUM_PATH) return;
  try {
    execFileSync('flock', ['-w', '900', INSTALL_LOCK, 'sh', '-c', INSTALL], { stdio: 'pipe' });
  } catch {
    // The error below says what to do.
  }
}

export async function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) installDebianChromium();
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium; the tests do it themselves when run as root on Debian or Ubuntu), or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
