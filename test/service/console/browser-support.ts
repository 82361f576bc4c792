/** Launching Debian's chromium for the console's browser tests. */
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Skipped on a developer machine without chromium; never in CI, where a missing browser must fail the run. */
export const browserMissing = !existsSync(CHROMIUM) && !process.env.CI;

/**
 * What the callbacks run inside the page touch. The project's tsconfig has no DOM library, so these
 * few globals are typed here.
 */
export interface PageGlobals {
  location: { hash: string };
  getComputedStyle(element: unknown, pseudo: string): { content: string };
  document: {
    activeElement: { id?: string } | null;
    documentElement: { scrollWidth: number; clientWidth: number };
    querySelector(selector: string): { textContent: string | null } | null;
    addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
  };
  __violations?: string[];
}
