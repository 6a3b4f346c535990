import type { Change } from "../diff/types.js";
import { explainEditorial } from "./editorial.js";
import { finding } from "./finding.js";
import type { Knowledge } from "./knowledge.js";
import { compareRetention, periodsIn } from "./retention.js";
import type { TextContext } from "./text.js";
import type { Finding } from "./types.js";
import { hasContent, lowerFirst, quote } from "./words.js";

/**
 * Lists and tables that name recipients. A sub-processor list item ("Zapier. Software integration service.") or a
 * provider table row is read by its parts: the name (a new recipient), what it does (a purpose), where (a location),
 * what it gets (data categories). Column roles come from their headers, matched against the knowledge's column names.
 */

type Role = "recipient" | "location" | "purpose" | "data" | "retention";
const ROLES: Role[] = ["recipient", "location", "data", "retention", "purpose"];

export function columnRole(header: string, k: Knowledge): Role | null {
  return ROLES.find((r) => k.columns[r].test(header)) ?? null;
}

/** The name a list item leads with and what follows it: "Zapier. Software integration service." */
export function leadOf(text: string, k: Knowledge): { name: string; rest: string } | null {
  const m = /^\s*(?!\s)((?:[^.:(–—]|\.(?!\s))+?)(?:\.\s+|:\s+|(?<!\s)\s+[-–—]\s+|(?<!\s)\s*\()(.*)$/su.exec(text);
  // Spaces and then a separator lead with an empty name. (The name may not start with a space, so that the spaces
  // are not split between the two in every way when nothing follows: that was quadratic in their number.)
  if (!m && /^\s+(?:[.:]\s|\s[-–—]\s|\()/.test(text)) return null;
  const name = (m?.[1] ?? text).trim();
  const first = name.split(/\s+/)[0]?.toLowerCase() ?? "";
  if (name.split(/\s+/).length > 6 || !/\p{Lu}/u.test(name) || k.stopNames.has(first)) return null;
  return { name, rest: (m?.[2] ?? "").trim() };
}

const cellsOf = (text: string): string[] => text.split(" | ").map((c) => c.trim());
const isFirstParty = (name: string, ctx: TextContext) =>
  ctx.firstParty.some((f) => name.toLowerCase().startsWith(f.toLowerCase()));

/** A table row that came or went, read through its header. */
export function rowFindings(
  change: Change,
  ctx: TextContext,
  side: "added" | "removed",
  header = change.columns,
  text = (change.new ?? change.old)!.text,
): Finding[] {
  const cells = cellsOf(text);
  const roles = (header ?? []).map((h) => columnRole(h, ctx.k));
  const cell = (role: Role) => cells.filter((_, i) => roles[i] === role).filter(Boolean);
  const keyRole = change.keyColumn ? columnRole(change.keyColumn, ctx.k) : null;
  const recipient =
    cell("recipient")[0] ?? (keyRole === null && ctx.categories.has("sharing") ? (change.row ?? cells[0]) : undefined);
  const purpose = cell("purpose")[0];
  const where = [
    ...new Set(
      cell("location")
        .flatMap((c) => c.split(/,|;|<br\s*\/?>/i).map((x) => x.trim()))
        .filter(Boolean),
    ),
  ];
  const data = cell("data");
  const found: Finding[] = [];
  const extra = [purpose && `for ${lowerFirst(purpose)}`, where.length && `in ${where.join(", ")}`]
    .filter(Boolean)
    .join(", ");
  if (recipient && !isFirstParty(recipient, ctx)) {
    const facts = { family: "recipient", key: recipient.toLowerCase() };
    found.push(
      side === "added"
        ? finding(
            "new-recipient",
            "added",
            {
              recipient: quote(recipient),
              extra: extra ? ` (${extra})` : "",
              name: recipient,
              purpose: purpose ? ` (${lowerFirst(purpose)})` : "",
              where: where.length ? `, processed in ${where.join(", ")}` : "",
              receives: data.length ? `; it receives: ${data.map(lowerFirst).join("; ")}` : "",
            },
            { ...facts, direction: "added" },
          )
        : finding("recipient-removed", "removed", { recipient: quote(recipient) }, { ...facts, direction: "removed" }),
    );
  }
  if (keyRole === "data" || (!recipient && data.length)) {
    const what = change.row ?? data[0] ?? cells[0];
    const why = purpose ?? cells.find((c, i) => roles[i] !== "data" && c !== what && c.length > 20);
    const facts = { family: "data", key: what.toLowerCase() };
    found.push(
      side === "added"
        ? finding(
            "new-data-category",
            "row",
            {
              what: quote(what),
              why: why ? `: ${quote(why)}` : "",
              name: what,
              purpose: why ? ` (${lowerFirst(why.replace(/\.$/, ""))})` : "",
            },
            { ...facts, direction: "added" },
          )
        : finding("data-category-removed", "row", { what: quote(what) }, { ...facts, direction: "removed" }),
    );
  }
  if (!found.length && purpose && !recipient && side === "added") {
    const facts = { family: "purpose", key: purpose.toLowerCase(), direction: "added" } as const;
    found.push(finding("new-purpose", "row", { purpose: quote(purpose), use: lowerFirst(purpose) }, facts));
  }
  return found;
}

/** One changed cell, by its column's role: new places, purposes or data in a provider's row. */
export function cellFindings(change: Change, ctx: TextContext): Finding[] | null {
  const role = columnRole(change.column ?? "", ctx.k);
  if (!role || !change.old || !change.new) return null;
  const items = (t: string) =>
    t
      .split(/,|;|\/|<br\s*\/?>|\n|\band\b|&/i)
      .map((x) => x.trim())
      .filter(Boolean);
  const before = items(change.old.text);
  const after = items(change.new.text);
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || explainEditorial(a, b, ctx.k) !== null;
  const came = after.filter((x) => !before.some((y) => same(x, y)));
  const went = before.filter((x) => !after.some((y) => same(x, y)));
  const row = change.row ? ` for ${quote(change.row)}` : "";
  const list = (xs: string[]) => xs.map((x) => quote(x)).join(", ");
  if (role === "retention")
    return [
      compareRetention(
        periodsIn(change.old.text, ctx.k),
        periodsIn(change.new.text, ctx.k),
        `${change.row ?? ""}: ${change.new.text}`,
      ),
    ].filter((f): f is Finding => f !== null);
  if (role === "recipient") {
    if (sameCompany(change.old.text, change.new.text, ctx.k)) {
      return [finding("spelling-variant", "recipient", { was: quote(change.old.text), now: quote(change.new.text) })];
    }
    if (!came.length) return [];
    const names = { nowName: change.new.text, wasName: change.old.text };
    const data = { row, now: quote(change.new.text), was: quote(change.old.text), ...names };
    const facts = { family: "recipient", key: change.new.text.toLowerCase(), direction: "added" } as const;
    return [finding("new-recipient", "cell", data, facts)];
  }
  const codes = {
    location: ["new-processing-location", "location-removed"],
    purpose: ["new-purpose", "purpose-removed"],
    data: ["new-data-category", "data-category-removed"],
  } as const;
  const [up, down] = codes[role];
  if (came.length && came.some((x) => hasContent(ctx.k, x))) {
    const data = {
      list: list(came),
      row,
      was: quote(change.old.text),
      now: quote(change.new.text),
      places: came.join(", "),
      by: change.row ? ` by ${change.row}` : "",
      provider: change.row ?? "A provider",
      items: came.map(lowerFirst).join(", "),
    };
    return [finding(up, "cell", data, { family: role, key: came[0].toLowerCase(), direction: "added" })];
  }
  if (went.length) {
    const facts = { family: role, key: went[0].toLowerCase(), direction: "removed" } as const;
    return [finding(down, "cell", { list: list(went), row }, facts)];
  }
  return [];
}

/** "Amazon Web Services (AWS)" and "Amazon Web Services Inc (AWS)", "Azure (Microsoft)" and "Microsoft (Azure)". */
export function sameCompany(a: string, b: string, k: Knowledge): boolean {
  const bag = (name: string) =>
    name
      .toLowerCase()
      .split(/[\s,()]+/)
      .map((w) => w.replace(/\.$/, ""))
      .filter((w) => w && !k.corporateSuffixes.has(w) && !k.corporateSuffixes.has(`${w}.`))
      .sort()
      .join(" ");
  return bag(a) === bag(b);
}

/** A list item in a recipients section, read by the name it leads with. */
export function itemFindings(change: Change, ctx: TextContext): Finding[] | null {
  if (!ctx.categories.has("sharing")) return null;
  const k = ctx.k;
  if (change.kind === "added" || change.kind === "removed") {
    const text = (change.new ?? change.old)!.text;
    const lead = leadOf(text, k);
    if (!lead || isFirstParty(lead.name, ctx)) return null;
    const what = lead.rest.replace(/\.$/, "");
    const facts = { family: "recipient", key: lead.name.toLowerCase() };
    if (change.kind === "removed") {
      const data = { recipient: quote(lead.name) };
      return [finding("recipient-removed", "removed", data, { ...facts, direction: "removed" })];
    }
    const data = {
      recipient: quote(lead.name),
      extra: what ? ` (${quote(what)})` : "",
      name: lead.name,
      purpose: what ? ` (${lowerFirst(what)})` : "",
      where: "",
      receives: "",
    };
    return [finding("new-recipient", "added", data, { ...facts, direction: "added" })];
  }
  if (change.kind !== "modified" || !change.old || !change.new) return null;
  const before = leadOf(change.old.text, k);
  const after = leadOf(change.new.text, k);
  if (!before || !after || explainEditorial(before.name, after.name, k) === null) return null;
  if (explainEditorial(before.rest, after.rest, k) !== null) return [];
  const data = {
    name: quote(after.name),
    rest: quote(after.rest),
    before: quote(before.rest),
    provider: after.name,
    use: lowerFirst(after.rest.replace(/\.$/, "")),
    used: lowerFirst(before.rest.replace(/\.$/, "")),
  };
  const facts = { family: "purpose", key: `${after.name}:${after.rest}`.toLowerCase(), direction: "added" } as const;
  return [finding("new-purpose", "item", data, facts)];
}

/** Tables inside the content of an added or removed section: header line, then one row a line. */
export function tablesIn(content: string): { header: string[]; rows: string[] }[] {
  const tables: { header: string[]; rows: string[] }[] = [];
  let current: { header: string[]; rows: string[] } | null = null;
  for (const line of content.split("\n")) {
    if (line.includes(" | ")) {
      if (current) current.rows.push(line);
      else tables.push((current = { header: cellsOf(line), rows: [] }));
    } else current = null;
  }
  return tables;
}
