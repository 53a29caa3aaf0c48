// Runs once before any test file (vitest globalSetup). The browser tests need Debian's Chromium; on a
// fresh Debian or Ubuntu machine run as root it is installed here, before any test's own time limit
// starts counting (an apt-get install takes minutes, a beforeAll hook gets seconds).
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, installDebianChromium } from '../browser/chromium.mjs';

export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) installDebianChromium();
}
