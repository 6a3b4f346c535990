import { describe, expect, it } from "vitest";
import { moveStatedDate, restyle } from "../src/cli/date-fix.js";

describe("diff --fix writes today's date in the style of the stated one", () => {
  it.each([
    ["2026-03-01", "2026-11-28"],
    ["March 1, 2026", "November 28, 2026"],
    ["March 1st, 2026", "November 28th, 2026"],
    ["Mar. 1, 2026", "Nov. 28, 2026"],
    ["Sept 3, 2021", "Nov 28, 2026"],
    ["Sept 3, 2021 (September)", null],
    ["1 March 2026", "28 November 2026"],
    ["1st of March 2026", "28th of November 2026"],
    ["March 2026", "November 2026"],
  ])("%s → %s", (stated, expected) => {
    expect(restyle(stated, "2026-11-28")).toBe(expected);
  });

  it("leaves a style it does not know alone, and says so", () => {
    expect(restyle("03/01/2026", "2026-11-28")).toBeNull();
    expect(moveStatedDate("Last updated: 03/01/2026\n", { text: "03/01/2026", line: 1 }, "2026-11-28")).toEqual({
      problem: 'the stated date "03/01/2026" is in a style --fix does not write; move it by hand',
    });
  });

  it("replaces the date on its line only, keeping the line's other words and the file's line ends", () => {
    const text = "# Privacy\r\n\r\nMarch 1, 2026 was a Sunday.\r\nLast updated: March 1, 2026\r\n";
    expect(moveStatedDate(text, { text: "March 1, 2026", line: 4 }, "2026-04-02")).toEqual({
      text: "# Privacy\r\n\r\nMarch 1, 2026 was a Sunday.\r\nLast updated: April 2, 2026\r\n",
      date: "April 2, 2026",
    });
  });
});
