import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blobAtCommit, blobsAtCommits } from "../src/git/git.js";
import { DEFAULT_MAX_FILE_MB, setMaxFileSize } from "../src/engine/files.js";
import { scratchRepo } from "./helpers/git.js";

/** A repository whose commits hold the given versions of policy.md, and one file whose name has a line break. */
function repo(versions: (string | Buffer)[]) {
  const { dir, git } = scratchRepo();
  const commits: string[] = [];
  for (const [i, text] of versions.entries()) {
    scratchWrite(dir, "policy.md", text);
    scratchWrite(dir, "odd\nname.md", `odd ${i}\n`);
    git("add", "-A");
    git("commit", "-q", "-m", `v${i}`);
    commits.push(git("rev-parse", "HEAD").trim());
  }
  return { dir, commits };
}

const scratchWrite = (dir: string, file: string, text: string | Buffer) => writeFileSync(path.join(dir, file), text);

describe("blobsAtCommits: many versions in two git processes (policylint log)", () => {
  // Bytes as they are: CRLF, a byte order mark, NUL, invalid UTF-8, an empty file and one ending without a newline.
  const versions = ["# A\r\n\r\nOne.\r\n", Buffer.from([0xef, 0xbb, 0xbf, 0x23, 0x0a]), "", "x\u0000y", "no newline"];
  versions.push(Buffer.from([0xff, 0xfe, 0x0a, 0x0a]));

  it("gives each version's bytes in order, the same as reading them one at a time", async () => {
    const { dir, commits } = repo(versions);
    const wanted = commits.map((commit) => ({ commit, path: "policy.md" }));
    const batch = await blobsAtCommits(wanted, dir);
    const single = await Promise.all(wanted.map((w) => blobAtCommit(w.commit, w.path, dir)));
    expect(batch).toEqual(single);
    expect(batch.map((b) => b.toString("latin1"))).toEqual(versions.map((v) => Buffer.from(v).toString("latin1")));
  });

  it("reads a path with a line break (git's batch input is line-based) one blob at a time", async () => {
    const { dir, commits } = repo(versions.slice(0, 2));
    const odd = await blobsAtCommits([{ commit: commits[1], path: "odd\nname.md" }], dir);
    expect(odd.map(String)).toEqual(["odd 1\n"]);
  });

  it("refuses a path the commit does not hold, and a version beyond --max-file-size, naming it", async () => {
    const { dir, commits } = repo(["small\n", "x".repeat(2 * 1024 * 1024)]);
    const short = commits[1].slice(0, 7);
    await expect(blobsAtCommits([{ commit: commits[0], path: "gone.md" }], dir)).rejects.toThrow(
      `${commits[0].slice(0, 7)}:gone.md: git could not read it (missing)`,
    );
    setMaxFileSize(1);
    try {
      const both = commits.map((commit) => ({ commit, path: "policy.md" }));
      await expect(blobsAtCommits(both, dir)).rejects.toThrow(`${short}:policy.md: `);
      await expect(blobsAtCommits(both.slice(0, 1), dir)).resolves.toHaveLength(1);
    } finally {
      setMaxFileSize(DEFAULT_MAX_FILE_MB);
    }
  });
});
