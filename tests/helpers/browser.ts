import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

/**
 * The system's Chromium (Debian's `chromium` package; .ci/run installs it), driven by playwright-core: no browser is
 * downloaded. POLICYLINT_CHROMIUM names another binary. Null when there is none, and the browser suites skip with
 * the reason printed.
 */
export const CHROMIUM: string | null = findChromium();

function findChromium(): string | null {
  const named = process.env.POLICYLINT_CHROMIUM;
  if (named) return existsSync(named) ? named : null;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on PATH: try the next name
    }
  }
  return null;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  // --no-sandbox: CI containers run as root, where Chromium refuses its sandbox.
  return chromium.launch({ executablePath: CHROMIUM!, args: ["--no-sandbox"] });
}
