import { type Browser, chromium } from "playwright-core";

/** The flags every browser test runs Chromium with (Debian's /usr/bin/chromium, headless, offline-quiet). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--autoplay-policy=no-user-gesture-required",
];

/** Chromium with CHROMIUM_ARGS, plus `extraArgs` for a test that needs more. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
  });
}
