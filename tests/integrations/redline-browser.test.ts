import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launch } from "../helpers/browser.js";
import { HAS_CORPUS } from "../helpers/fixtures.js";
import { corpusVersion, OUTPUT, redline, seedPair, writeTemp } from "../helpers/redline.js";

if (!CHROMIUM)
  console.warn("redline browser tests skipped: no chromium on PATH (apt-get install chromium; .ci/run does)");
if (CHROMIUM && !HAS_CORPUS) console.warn("redline corpus pairs skipped: ../shared/corpus is not present");

/** A page opened from its file, with every console error, page error and request other than the file itself. */
async function open(
  browser: Browser,
  file: string,
  width = 1280,
): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const url = `file://${file}`;
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => r.url() !== url && requests.push(r.url()));
  await page.goto(url);
  return { page, errors, requests };
}

/** What the issue asks of every redline: each change of the JSON has its mark, each list link lands, nothing else. */
async function checkRedline(
  browser: Browser,
  name: string,
  oldFile: string,
  newFile: string,
): Promise<{ page: Page; kinds: string[] }> {
  const { json, page: file } = redline(name, oldFile, newFile);
  const { page, errors, requests } = await open(browser, file);
  expect(json.changes.length).toBeGreaterThan(0);
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll("main [data-change]")].map((e) => ({
      id: e.id,
      change: e.getAttribute("data-change"),
    })),
  );
  json.changes.forEach((change, i) => expect(marks).toContainEqual({ id: `change-${i + 1}`, change: change.id }));
  const links = await page.evaluate(() =>
    [...document.querySelectorAll("#changes a[href]")].map((a) => {
      const target = document.getElementById(a.getAttribute("href")!.slice(1));
      return { href: a.getAttribute("href"), lands: Boolean(target && target.closest("main")) };
    }),
  );
  expect(links).toHaveLength(json.changes.length);
  for (const link of links) expect(link).toEqual({ href: link.href, lands: true });
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  return { page, kinds: json.changes.map((c) => c.kind) };
}

let seedFile: string | undefined;
/** The seed pair's page, made once: three tests read it. */
function seedPage(): string {
  const pair = seedPair();
  seedFile ??= redline("seed", writeTemp("seed-old.md", pair.old), writeTemp("seed-new.md", pair.new)).page;
  return seedFile;
}

describe.skipIf(!CHROMIUM)("policylint diff --format html in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the seed policy against an edited copy: row, purpose, move and typo each marked in the text", async () => {
    const pair = seedPair();
    const { page } = await checkRedline(
      browser,
      "seed",
      writeTemp("seed-old.md", pair.old),
      writeTemp("seed-new.md", pair.new),
    );
    seedFile = path.join(OUTPUT, "seed.html");
    const text = (selector: string) => page.locator(selector).first().innerText();
    expect(await text("main tr.mark-added")).toContain("Sentry");
    expect(await text("main p.mark-added ins")).toContain("train and improve our image generation models");
    expect(await text("main .mark-moved")).toContain("We do not sell personal information.");
    expect(await page.locator("main .moved-note").innerText()).toContain("moved from here to");
    // Linked both ways: the note to the moved paragraph, the paragraph back to the note.
    expect(await page.locator("main .moved-note a").getAttribute("href")).toBe("#change-3");
    expect(await page.locator("#change-3 a.stood").getAttribute("href")).toBe("#change-3-from");
    expect(await text("main .mark-modified del")).toBe("Servce");
    expect(await text("main .mark-modified ins")).toBe("Service");
    expect(await page.locator("#changes .problems").innerText()).toContain("date-not-bumped");
    await page.locator("#change-2").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT, "redline.png") });
  });

  it("n and p move the focus from change to change; the filters hide a significance from the list", async () => {
    const { page } = await open(browser, seedPage());
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press("n");
    expect(await focused()).toBe("change-1");
    await page.keyboard.press("n");
    await page.keyboard.press("n");
    expect(await focused()).toBe("change-3");
    await page.keyboard.press("p");
    expect(await focused()).toBe("change-2");
    await page.locator("#show-editorial").uncheck();
    expect(await page.locator("#changes ol.list > li.sig-editorial").first().isVisible()).toBe(false);
    expect(await page.locator("#changes ol.list > li.sig-material").first().isVisible()).toBe(true);
  });

  it("prints with the change list on a page of its own (A4 and Letter), and stacks in a narrow window", async () => {
    const { page } = await open(browser, seedPage(), 380);
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    expect((await box("#changes")).y + (await box("#changes")).height).toBeLessThanOrEqual((await box("main")).y + 1);
    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate(() => getComputedStyle(document.getElementById("changes")!).breakAfter)).toBe("page");
    for (const format of ["A4", "Letter"]) expect((await page.pdf({ format })).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("a hostile policy runs nothing and fetches nothing", async () => {
    const hostile = [
      "# Privacy",
      "",
      "<script>window.__pwned = 'script'</script>",
      "",
      "Click [here](javascript:window.__pwned='link') or [there](JAVASCRIPT:window.__pwned='upper').",
      "",
      '<img src="https://tracker.invalid/x.png" onerror="window.__pwned=\'img\'">',
      "",
      '<div onmouseover="window.__pwned=\'hover\'" style="position:fixed;inset:0">cover</div>',
      "",
      "![pixel](https://tracker.invalid/pixel.gif) and <iframe src=\"javascript:parent.__pwned='frame'\"></iframe>",
      "",
    ].join("\n");
    const oldFile = writeTemp("hostile-old.md", `${hostile}\nRemoved: <svg onload="window.__pwned='svg'"></svg>\n`);
    const newFile = writeTemp("hostile-new.md", `${hostile}\nAdded <b onclick="window.__pwned='b'">text</b>.\n`);
    const { page } = await checkRedline(browser, "hostile", oldFile, newFile);
    for (const link of await page.locator("main a").all()) await link.click({ trial: false }).catch(() => undefined);
    await page.mouse.move(400, 300);
    await page.locator("main b").first().click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    const attributes = await page.evaluate(() =>
      [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`)),
    );
    expect(attributes.filter((a) => /^on/i.test(a) || /javascript:/i.test(a) || /^(src|srcset)=/.test(a))).toEqual([]);
  });

  describe.skipIf(!HAS_CORPUS)("real corpus pairs", () => {
    it("a sub-processor table change: rows added, removed and moved, cells changed in their row", async () => {
      const doc = "github-site-policy/subprocessors";
      const { page } = await checkRedline(
        browser,
        "subprocessors",
        corpusVersion(doc, "009"),
        corpusVersion(doc, "010"),
      );
      expect(await page.locator("main tr.mark-removed").count()).toBe(2);
      expect(await page.locator("main td.mark-modified").count()).toBeGreaterThan(5);
      expect(await page.locator("main tr.mark-moved").count()).toBeGreaterThan(0);
    });

    it("a prose rewrite: words struck and inserted inside the paragraphs", async () => {
      const doc = "basecamp-policies/privacy";
      const { page } = await checkRedline(browser, "prose", corpusVersion(doc, "080"), corpusVersion(doc, "081"));
      expect(await page.locator("main p.mark-modified del").count()).toBeGreaterThan(5);
      expect(await page.locator("main p.mark-modified ins").count()).toBeGreaterThan(5);
    });

    it("a restructuring: moved sections shown once, with a note where each stood", async () => {
      const doc = "automattic-legalmattic/wpcom-terms-of-service";
      const { page, kinds } = await checkRedline(
        browser,
        "moves",
        corpusVersion(doc, "056"),
        corpusVersion(doc, "057"),
      );
      const moved = kinds.filter((k) => k === "moved").length;
      expect(moved).toBeGreaterThan(2);
      expect(await page.locator("main .mark-moved").count()).toBe(moved);
      expect(await page.locator("main div.mark-moved").count()).toBeGreaterThan(0);
      expect(await page.locator("main .moved-note").count()).toBe(moved);
    });
  });
});
