import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { resolveConfig } from "../src/config/load.js";
import { checkPaths } from "../src/engine/run.js";
import { tempProject } from "./helpers/cli.js";
import { ROOT } from "./helpers/fixtures.js";

// What happens, in order: each file read, each file linted (the lint itself is replaced: only the order matters here).
const events: string[] = [];
vi.mock("../src/engine/files.js", async (original) => {
  const actual = await original<typeof import("../src/engine/files.js")>();
  return {
    ...actual,
    readPolicyFile: async (file: string, cwd: string) => {
      events.push(`read ${file}`);
      return actual.readPolicyFile(file, cwd);
    },
  };
});
vi.mock("../src/engine/pool.js", async (original) => {
  const actual = await original<typeof import("../src/engine/pool.js")>();
  return {
    ...actual,
    lintTask: (task: { index: number; displayPath: string }) => {
      events.push(`lint ${task.displayPath}`);
      return { index: task.index, messages: [] };
    },
  };
});

describe("check holds one batch of texts at a time", () => {
  it("lints the files read so far once they pass 32 M characters, before reading more (it read every file first)", async () => {
    const dir = tempProject({});
    try {
      const text = "We keep your data safe.\n".repeat(Math.ceil((20 * 1024 * 1024) / 24));
      for (const name of ["a.md", "b.md", "c.md"]) writeFileSync(path.join(dir, name), text);
      const config = resolveConfig({ extends: "policylint:recommended" }, null, ROOT);
      const { results } = await checkPaths(["a.md", "b.md", "c.md"], { cwd: dir, config, today: "2026-11-25" });
      expect(results.map((r) => r.filePath)).toEqual(["a.md", "b.md", "c.md"]);
      expect(events).toEqual(["read a.md", "read b.md", "lint a.md", "lint b.md", "read c.md", "lint c.md"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
