import type { Browser } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
/** Debian's Chromium through playwright-core; throws (never skips) when it is missing. */
export declare function launchChromium(): Promise<Browser>;
