import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gitIn, scratchRepo } from "./git.js";

export interface Step {
  text: string;
  /** Rename the file to this path in this commit (git log --follow must follow it). */
  renameTo?: string;
}

/**
 * A scratch git repository holding one policy's versions committed in order, one a day from 2024-01-01 (fixed
 * dates, so commits and output are the same on every run). Returns the folder and the file's last path.
 */
export function versionsRepo(steps: Step[], file = "policy.md"): { dir: string; file: string } {
  const { dir, git } = scratchRepo();
  const on = (day: number) => gitIn(dir, { GIT_AUTHOR_DATE: date(day), GIT_COMMITTER_DATE: date(day) });
  let current = file;
  steps.forEach((step, i) => {
    if (step.renameTo) {
      mkdirSync(path.dirname(path.join(dir, step.renameTo)), { recursive: true });
      renameSync(path.join(dir, current), path.join(dir, step.renameTo));
      git("add", "-A");
      current = step.renameTo;
    }
    writeFileSync(path.join(dir, current), step.text);
    git("add", "-A");
    on(i)("commit", "-q", "--allow-empty", "-m", `version ${i + 1}`);
  });
  return { dir, file: current };
}

function date(day: number): string {
  return new Date(Date.UTC(2024, 0, 1 + day, 12)).toISOString();
}

/** A corpus document's versions in order: the files of its folder, sorted by their number. */
export function corpusTexts(folder: string): { name: string; text: string }[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(folder, name), "utf8") }));
}
