import { statSync } from "node:fs";
import path from "node:path";
import type { ClassifiedResult, DiffSettings } from "../classify/index.js";
import { UsageError } from "../errors.js";
import { decodeText } from "../engine/files.js";
import { parseIsoDate } from "../parse/dates.js";
import type { DocumentParts, PolicyDocument } from "../parse/document.js";
import { blobsAtCommits, commitsSince, fileCommits, type FileCommit } from "./git.js";

/**
 * `policylint log`: the history of one policy read from git, each version compared with the one before it exactly as
 * `policylint diff` compares two versions, and the promises a history can break (a material change with no new date,
 * a date that went backwards, a new date with no change of meaning).
 */

export interface BrokenPromise {
  code: "date-not-bumped" | "date-went-backwards" | "date-bumped-without-change";
  message: string;
}

export interface Version {
  commit: string;
  /** The commit's date (committer, ISO 8601). */
  date: string;
  subject: string;
  /** The file's path in that commit (it may have been renamed since). */
  path: string;
  /** The stated "Last updated" / effective date as written, and as YYYY-MM-DD. */
  stated: string | null;
  lastUpdated: string | null;
  /** Changes from the previous version by significance; null for the first version. */
  summary: { material: number; substantive: number; editorial: number } | null;
  /** One line per material change: its section path and its first reason. */
  material: string[];
  problems: BrokenPromise[];
  /**
   * Why this version could not be read as a policy (a binary file, text that is not UTF-8); only then present. It is
   * listed, not compared: the next version is compared with the last one that could be read.
   */
  unreadable?: string;
  /** The commit this version was compared with, when it is not the version just before (that one was unreadable). */
  against?: string;
}

export interface HistoryOptions {
  cwd?: string;
  /** Only versions after this revision, or from this date (YYYY-MM-DD) on; earlier ones are still compared against. */
  since?: string;
  /** Only versions with material changes. */
  materialOnly?: boolean;
  /** The `diff` key of a configuration: the classifier's extra knowledge, as for `policylint diff`. */
  settings?: DiffSettings;
  /**
   * False: parse every version in this thread. By default, with two cores or more, a worker thread parses the next
   * versions while this one compares (parse/thread.ts); the result is the same either way.
   */
  threads?: boolean;
}

export interface History {
  file: string;
  /** The file's path from the top of the repository in its newest version (`file` is as the caller named it). */
  path: string;
  /** Newest first, as `git log` lists them. */
  versions: Version[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Versions read from git at a time: a few first, so that comparing starts at once, then larger batches, each read
 * while the one before it is compared (git works in a process of its own), and never a whole long history in memory.
 */
const FIRST = 8;
const BATCH = 64;

/** The bytes of each commit's version, in order, the next batch read ahead while the caller works on this one. */
async function* versionsOf(commits: FileCommit[], cwd: string): AsyncGenerator<Buffer> {
  const read = (from: number, to: number) => {
    const pending = blobsAtCommits(commits.slice(from, to), cwd);
    // Awaited when its turn comes; a failure meanwhile (or a stop before it) is not an unhandled rejection.
    pending.catch(() => undefined);
    return pending;
  };
  let next = read(0, FIRST);
  for (let from = 0, size = FIRST; from < commits.length; from += size, size = BATCH) {
    const blobs = await next;
    if (from + size < commits.length) next = read(from + size, from + size + BATCH);
    yield* blobs;
  }
}

type Read = { problem: string } | { doc: PolicyDocument };

/**
 * How far the worker thread (parse/thread.ts) parses ahead of the version being compared: 32 versions, and no more
 * than 4 M characters of them, so a history of large versions does not hold many of their documents at once.
 */
const PARSED_AHEAD = 32;
const PARSED_AHEAD_CHARACTERS = 4_000_000;

/**
 * Each version read and parsed, in order: a version that is no text policy as its problem. With a worker thread, the
 * next versions are parsed there while the caller compares; without one, each is parsed here when its turn comes, and
 * so is a text the worker gave back no document for. A read that fails (or a text beyond a limit) is thrown when its
 * version's turn comes, never before a version ahead of it, so the error a history reports is that of its first
 * version that has one. When the caller stops (at an error), what the worker has not sent back is dropped.
 */
async function documentsOf(commits: FileCommit[], cwd: string, threads: boolean): Promise<AsyncGenerator<Read>> {
  const { documentFromParts, parseDocument } = await import("../parse/document.js");
  const { parserAhead } = await import("../parse/thread.js");
  const blobs = versionsOf(commits, cwd);
  const ahead = threads ? parserAhead() : null;
  type Parts = Promise<DocumentParts | null> | null;
  type Pending = { problem: string } | { text: string; label: string; parts: Parts } | { error: unknown };
  const pending: Pending[] = [];
  let taken = 0;
  let failed = false;
  let characters = 0;
  const fill = async (size: number) => {
    while (!failed && pending.length < size && characters < PARSED_AHEAD_CHARACTERS && taken < commits.length) {
      const c = commits[taken++];
      let text: ReturnType<typeof decodeText>;
      try {
        text = decodeText((await blobs.next()).value as Buffer);
      } catch (error) {
        pending.push({ error });
        failed = true;
        return;
      }
      if ("problem" in text) {
        pending.push(text);
        continue;
      }
      const label = `${c.commit.slice(0, 7)}:${c.path}`;
      pending.push({ text: text.text, label, parts: ahead && ahead.parse(text.text, label) });
      characters += text.text.length;
    }
  };
  return (async function* () {
    try {
      while (true) {
        await fill(ahead ? PARSED_AHEAD : 1);
        const next = pending.shift();
        if (!next) return;
        if ("error" in next) throw next.error;
        if ("problem" in next) {
          yield next;
          continue;
        }
        characters -= next.text.length;
        const parts = await next.parts;
        yield { doc: parts ? documentFromParts(parts) : parseDocument(next.text, next.label) };
      }
    } finally {
      ahead?.stop();
    }
  })();
}

/** Reads and compares every version of `file` in git. Each version is parsed once and used for both its pairs. */
export async function history(file: string, options: HistoryOptions = {}): Promise<History> {
  const cwd = options.cwd ?? process.cwd();
  // "2024-13-45" has the shape of a date and names no day: it would have kept every version, or none, unsaid.
  if (options.since && DATE.test(options.since) && !parseIsoDate(options.since)) {
    throw new UsageError(`--since: "${options.since}" is not a real date (use YYYY-MM-DD, e.g. 2026-04-29)`);
  }
  // git logs a folder's commits too, each naming whichever of its files it changed first: a history of no one file.
  if (isDirectory(path.resolve(cwd, file))) {
    throw new UsageError(`${file}: is a directory; policylint log reads the history of one file`);
  }
  const commits = (await fileCommits(file, cwd)).reverse();
  const after = options.since && !DATE.test(options.since) ? await commitsSince(options.since, cwd) : null;
  const { diffDocuments } = await import("../diff/index.js");
  const { findStatedDate } = await import("../parse/stated-date.js");
  const { classify, firstPartyOf } = await import("../classify/index.js");
  const versions: Version[] = [];
  let previous: PolicyDocument | null = null;
  let previousCommit: string | null = null;
  const read = await documentsOf(commits, cwd, options.threads !== false);
  try {
    for (const c of commits) {
      const next = (await read.next()).value as Read;
      // A version git holds that is no text policy stays in the history (it cannot be mended now), as git log lists a
      // binary change; the versions around it are still compared, each with the last one that could be read.
      if ("problem" in next) {
        versions.push({ ...version(c, null, null), unreadable: next.problem });
        continue;
      }
      const doc = next.doc;
      const result: ClassifiedResult | null = previous
        ? classify(diffDocuments(previous, doc), {
            settings: options.settings,
            firstParty: firstPartyOf(doc),
            documents: { old: previous, new: doc },
          }).result
        : null;
      // The first version has no diff to carry its stated date: it is read the way the diff reads it.
      const first = findStatedDate(doc);
      const found = version(c, result, first && { text: first.text, iso: first.isoDate });
      // Compared across an unreadable version just before it: say with which one.
      const skipped = previous && versions.at(-1)?.unreadable !== undefined;
      versions.push(skipped ? { ...found, against: previousCommit! } : found);
      previous = doc;
      previousCommit = c.commit;
    }
  } finally {
    // Stopped early (a comparison that threw): the versions parsed ahead are not needed.
    await read.return(undefined);
  }
  const shown = versions.filter((v, i) => {
    if (options.materialOnly && !v.summary?.material) return false;
    if (after) return after.has(commits[i].commit);
    return !options.since || v.date.slice(0, 10) >= options.since;
  });
  return { file, path: commits[commits.length - 1]?.path ?? file, versions: shown.reverse() };
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    // Not there now (deleted since, or never): git says whether it has a history.
    return false;
  }
}

type Stated = { text: string; iso: string | null } | null;

function version(c: FileCommit, result: ClassifiedResult | null, first: Stated): Version {
  if (!result) {
    const stated = first?.text ?? null;
    return { ...c, stated, lastUpdated: first?.iso ?? null, summary: null, material: [], problems: [] };
  }
  const stated = result.new.stated?.text ?? null;
  const base = { ...c, stated, lastUpdated: result.new.lastUpdated, summary: result.summary };
  const material = result.changes
    .filter((ch) => ch.significance === "material")
    .map((ch) => `${ch.path.join(" › ") || "(top)"}: ${ch.reasons[0]?.message ?? `${ch.kind} ${ch.target}`}`);
  return { ...base, material, problems: promises(result) };
}

/** The promises a version can break, judged from its diff against the version before. */
function promises(result: ClassifiedResult): BrokenPromise[] {
  const out: BrokenPromise[] = [];
  const { old, new: next, summary } = result;
  const moved = old.lastUpdated !== next.lastUpdated || old.stated?.text !== next.stated?.text;
  if (summary.material && !moved) {
    const still = next.stated ? `the stated date is still ${next.stated.text}` : "it states no date";
    const changes = `${summary.material} material change${summary.material === 1 ? "" : "s"}`;
    out.push({ code: "date-not-bumped", message: `${changes}, but ${still}` });
  }
  if (old.lastUpdated && next.lastUpdated && next.lastUpdated < old.lastUpdated) {
    const message = `the stated date went back from ${old.stated?.text} to ${next.stated?.text}`;
    out.push({ code: "date-went-backwards", message });
  }
  if (moved && next.stated && !summary.material && !summary.substantive) {
    const from = old.stated ? `from ${old.stated.text} ` : "";
    const message = `the stated date moved ${from}to ${next.stated.text} with no change of meaning`;
    out.push({ code: "date-bumped-without-change", message });
  }
  return out;
}
