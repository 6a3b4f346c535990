import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RuleSettings } from "../config/load.js";
import { PACKAGE_ROOT } from "./data.js";
import type { LintMessage } from "./types.js";

/**
 * `--cache`: results keyed by a hash of the file's content and everything else that decides them (policylint's
 * version and build, the rule data, the file's rule settings, the date rules compare against). A hit returns the
 * stored messages unchanged, so cached output is byte-identical to a fresh run.
 */
export class ResultCache {
  private entries: Record<string, { key: string; messages: LintMessage[] }> = {};
  private dirty = false;
  private readonly environment: string;
  private readonly settingsKeys = new WeakMap<RuleSettings, string>();

  constructor(
    private readonly file: string,
    version: string,
    today: string,
  ) {
    this.environment = hash(JSON.stringify([version, buildStamp(), ruleDataStamp(), today]));
    try {
      const stored = JSON.parse(readFileSync(file, "utf8"));
      if (stored?.environment === this.environment && stored.entries && typeof stored.entries === "object") this.entries = stored.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  key(text: string, settings: RuleSettings): string {
    let settingsKey = this.settingsKeys.get(settings);
    if (!settingsKey) {
      settingsKey = hash(JSON.stringify([...settings].sort(([a], [b]) => (a < b ? -1 : 1))));
      this.settingsKeys.set(settings, settingsKey);
    }
    return hash(`${settingsKey}\0${text}`);
  }

  get(filePath: string, key: string): LintMessage[] | undefined {
    const entry = this.entries[filePath];
    return entry?.key === key ? entry.messages : undefined;
  }

  set(filePath: string, key: string, messages: LintMessage[]): void {
    this.entries[filePath] = { key, messages };
    this.dirty = true;
  }

  /** Written whole to a temporary file and renamed, so a run that is killed never leaves half a cache. */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ environment: this.environment, entries: this.entries }));
    renameSync(temporary, this.file);
  }
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** Changes whenever the code running is rebuilt, so a developer's cache never outlives the rules that filled it. */
function buildStamp(): string {
  const stat = statSync(fileURLToPath(import.meta.url));
  return `${stat.size}:${stat.mtimeMs}`;
}

/** The rule vocabularies and disclosure lists, by content: editing one invalidates every entry. */
function ruleDataStamp(): string {
  const digest = createHash("sha256");
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".json")) digest.update(entry.name).update(readFileSync(full));
    }
  };
  walk(path.join(PACKAGE_ROOT, "rules", "data"));
  return digest.digest("hex");
}
