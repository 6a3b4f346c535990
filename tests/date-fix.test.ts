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

  it.each([
    ["MARCH 1, 2026", "NOVEMBER 28, 2026"],
    ["Sunday, March 1, 2026", "Saturday, November 28, 2026"],
    ["Sun., 1 Mar. 2026", "Sat., 28 Nov. 2026"],
    ["2026/3/1", "2026/11/28"],
    ["2026.03.01", "2026.11.28"],
    ["13/03/2026", "28/11/2026"],
    ["03.13.26", "11.28.26"],
    ["3-13-2026", "11-28-2026"],
  ])("the style readDate recorded: %s → %s", (stated, expected) => {
    expect(restyle(stated, "2026-11-28")).toBe(expected);
  });

  it("pads a number as the other number of the date is padded, and writes a weekday's abbreviation as written", () => {
    expect(restyle("2026-12-10", "2027-01-05")).toBe("2027-01-05");
    expect(restyle("13/1/2026", "2027-01-05")).toBe("5/1/2027");
    expect(restyle("Tues, March 3, 2026", "2026-11-26")).toBe("Thurs, November 26, 2026");
    expect(restyle("Sept 3, 2021", "2026-09-01")).toBe("Sept 1, 2026");
  });

  it("leaves a style it does not know alone, and says so", () => {
    expect(restyle("03/01/2026", "2026-11-28")).toBeNull();
    expect(moveStatedDate("Last updated: 03/01/2026\n", "2026-11-28")).toEqual({
      problem: 'the stated date "03/01/2026" is in a style --fix does not write; move it by hand',
    });
    expect(moveStatedDate("# Privacy\n\nWe collect data.\n", "2026-11-28")).toEqual({
      problem: "it states no date for --fix to move",
    });
  });

  it("replaces the stated date only, keeping the other words, the line ends and a byte order mark", () => {
    const text = "\uFEFF# Privacy\r\n\r\nMarch 1, 2026 was a Sunday.\r\n\r\nLast updated: March 1, 2026\r\n";
    expect(moveStatedDate(text, "2026-04-02")).toEqual({
      text: "\uFEFF# Privacy\r\n\r\nMarch 1, 2026 was a Sunday.\r\n\r\nLast updated: April 2, 2026\r\n",
      date: "April 2, 2026",
      was: "March 1, 2026",
    });
  });
});
