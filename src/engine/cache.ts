import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RuleSettings } from "../config/load.js";
import { PACKAGE_ROOT } from "./data.js";
import type { LintMessage } from "./types.js";
import { errorReason } from "./file-errors.js";
import { writeWholeSync, WriteProblem } from "./whole-file.js";

interface Entry {
  key: string;
  /** A checksum of key and messages: an entry edited by hand or damaged on disk is a miss, never trusted. */
  sum: string;
  messages: LintMessage[];
}

type Entries = Record<string, Entry>;

/**
 * `--cache`: results keyed by a hash of the file's content and everything else that decides them (policylint's
 * version and build, the rule data, the file's rule settings, the date rules compare against). A hit returns the
 * stored messages unchanged, so cached output is byte-identical to a fresh run.
 *
 * The cache is only ever a speed-up: a cache that cannot be read, is not one of ours, or cannot be written costs a
 * warning and a full check, never the report. Runs sharing a cache never corrupt it (each writes a whole new file and
 * renames it into place) but may lose each other's newest entries: the last to save keeps its own results and those
 * it finds on disk at that moment, and a result lost that way is only checked again next time.
 */
export class ResultCache {
  private entries: Entries = {};
  private readonly written: Entries = {};
  private readonly environment: string;
  private readonly settingsKeys = new WeakMap<RuleSettings, string>();
  private unusable = false;
  private warnedDamaged = false;

  constructor(
    private readonly file: string,
    version: string,
    /** What else decides the results: --today, and how unused directives are reported. */
    run: string,
    /** Told of a problem with the cache itself, in one line; the run goes on. */
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.environment = hash(JSON.stringify([version, buildStamp(), ruleDataStamp(), run]));
    const stored = this.read();
    if (stored.problem === "unreadable") {
      this.unusable = true;
      this.warn(`cannot be read (${stored.reason}); every file is checked and nothing is cached`);
    } else if (stored.problem) {
      this.warn(`${stored.reason}; it is discarded and rebuilt`);
    } else {
      this.entries = stored.entries;
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
    const entry: unknown = this.entries[filePath];
    if (entry === undefined) return undefined;
    if (!isEntry(entry)) {
      if (!this.warnedDamaged)
        this.warn(`the entry for ${filePath} is damaged (edited or corrupted); damaged entries are checked again`);
      this.warnedDamaged = true;
      return undefined;
    }
    return entry.key === key ? entry.messages : undefined;
  }

  set(filePath: string, key: string, messages: LintMessage[]): void {
    this.written[filePath] = { key, sum: checksum(key, messages), messages };
  }

  /**
   * Written whole (engine/whole-file.ts). What another run saved since this one read the cache is kept, this run's
   * own results over it; a cache that cannot be written is a warning.
   */
  save(): void {
    if (this.unusable || !Object.keys(this.written).length) return;
    const onDisk = this.read();
    const entries = { ...this.entries, ...(onDisk.problem ? {} : onDisk.entries), ...this.written };
    try {
      // No fsync: a cache lost to a power cut is discarded and rebuilt, and a hook should not wait on the disk.
      writeWholeSync(this.file, JSON.stringify({ environment: this.environment, entries }), { durable: false });
    } catch (error) {
      if (!(error instanceof WriteProblem)) throw error;
      this.warn(`${error.message}; the results were not cached`);
    }
  }

  /** The entries on disk for this environment; another environment's (an older policylint, another --today) is none. */
  private read(): { problem?: undefined; entries: Entries } | { problem: "unreadable" | "invalid"; reason: string } {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { entries: {} };
      return { problem: "unreadable", reason: errorReason(error) };
    }
    let stored: unknown;
    try {
      stored = JSON.parse(text);
    } catch {
      return { problem: "invalid", reason: "is not valid JSON (truncated or corrupted)" };
    }
    if (!isPlainObject(stored) || typeof stored.environment !== "string" || !isPlainObject(stored.entries)) {
      return { problem: "invalid", reason: "is not a policylint cache (it has not the shape of one)" };
    }
    return { entries: stored.environment === this.environment ? (stored.entries as Entries) : {} };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An entry as this class wrote it: the right shape, and its checksum matching its key and messages. */
function isEntry(value: unknown): value is Entry {
  if (!isPlainObject(value) || typeof value.key !== "string" || typeof value.sum !== "string") return false;
  if (!Array.isArray(value.messages) || !value.messages.every(isMessage)) return false;
  return value.sum === checksum(value.key, value.messages);
}

function isMessage(value: unknown): value is LintMessage {
  if (!isPlainObject(value)) return false;
  const { ruleId, severity, message, fatal } = value;
  return (
    (ruleId === null || typeof ruleId === "string") &&
    (severity === 1 || severity === 2) &&
    typeof message === "string" &&
    [value.line, value.column, value.endLine, value.endColumn].every((n) => Number.isInteger(n)) &&
    (fatal === undefined || typeof fatal === "boolean") &&
    (value.suppressions === undefined || Array.isArray(value.suppressions))
  );
}

function checksum(key: string, messages: LintMessage[]): string {
  return hash(`${key}\0${JSON.stringify(messages)}`);
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
