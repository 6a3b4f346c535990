import type { Change } from "../diff/types.js";
import { explainEditorial } from "./editorial.js";
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
const isFirstParty = (name: string, ctx: TextContext) => ctx.firstParty.some((f) => name.toLowerCase().startsWith(f.toLowerCase()));

/** A table row that came or went, read through its header. */
export function rowFindings(change: Change, ctx: TextContext, side: "added" | "removed", header = change.columns, text = (change.new ?? change.old)!.text): Finding[] {
  const cells = cellsOf(text);
  const roles = (header ?? []).map((h) => columnRole(h, ctx.k));
  const cell = (role: Role) => cells.filter((_, i) => roles[i] === role).filter(Boolean);
  const keyRole = change.keyColumn ? columnRole(change.keyColumn, ctx.k) : null;
  const recipient = cell("recipient")[0] ?? (keyRole === null && ctx.categories.has("sharing") ? (change.row ?? cells[0]) : undefined);
  const purpose = cell("purpose")[0];
  const where = [...new Set(cell("location").flatMap((c) => c.split(/,|;|<br\s*\/?>/i).map((x) => x.trim())).filter(Boolean))];
  const data = cell("data");
  const found: Finding[] = [];
  const extra = [purpose && `for ${lowerFirst(purpose)}`, where.length && `in ${where.join(", ")}`].filter(Boolean).join(", ");
  if (recipient && !isFirstParty(recipient, ctx)) {
    found.push(
      side === "added"
        ? { code: "new-recipient", message: `adds the recipient ${quote(recipient)}${extra ? ` (${extra})` : ""}`, family: "recipient", key: recipient.toLowerCase(), direction: "added", reader: `We now share your information with ${recipient}${purpose ? ` (${lowerFirst(purpose)})` : ""}${where.length ? `, processed in ${where.join(", ")}` : ""}${data.length ? `; it receives: ${data.map(lowerFirst).join("; ")}` : ""}.` }
        : { code: "recipient-removed", message: `removes the recipient ${quote(recipient)}`, family: "recipient", key: recipient.toLowerCase(), direction: "removed" },
    );
  }
  if (keyRole === "data" || (!recipient && data.length)) {
    const what = change.row ?? data[0] ?? cells[0];
    const why = purpose ?? cells.find((c, i) => roles[i] !== "data" && c !== what && c.length > 20);
    found.push(
      side === "added"
        ? { code: "new-data-category", message: `adds ${quote(what)}${why ? `: ${quote(why)}` : ""}`, family: "data", key: what.toLowerCase(), direction: "added", reader: `We now collect ${what}${why ? ` (${lowerFirst(why.replace(/\.$/, ""))})` : ""}.` }
        : { code: "data-category-removed", message: `removes ${quote(what)}`, family: "data", key: what.toLowerCase(), direction: "removed" },
    );
  }
  if (!found.length && purpose && !recipient && side === "added") {
    found.push({ code: "new-purpose", message: `adds the purpose ${quote(purpose)}`, family: "purpose", key: purpose.toLowerCase(), direction: "added", reader: `We now use information for ${lowerFirst(purpose)}.` });
  }
  return found;
}

/** One changed cell, by its column's role: new places, purposes or data in a provider's row. */
export function cellFindings(change: Change, ctx: TextContext): Finding[] | null {
  const role = columnRole(change.column ?? "", ctx.k);
  if (!role || !change.old || !change.new) return null;
  const items = (t: string) => t.split(/,|;|\/|<br\s*\/?>|\n|\band\b|&/i).map((x) => x.trim()).filter(Boolean);
  const before = items(change.old.text);
  const after = items(change.new.text);
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || explainEditorial(a, b, ctx.k) !== null;
  const came = after.filter((x) => !before.some((y) => same(x, y)));
  const went = before.filter((x) => !after.some((y) => same(x, y)));
  const row = change.row ? ` for ${quote(change.row)}` : "";
  const list = (xs: string[]) => xs.map((x) => quote(x)).join(", ");
  if (role === "retention") return [compareRetention(periodsIn(change.old.text, ctx.k), periodsIn(change.new.text, ctx.k), `${change.row ?? ""}: ${change.new.text}`)].filter((f): f is Finding => f !== null);
  if (role === "recipient") {
    if (sameCompany(change.old.text, change.new.text, ctx.k)) {
      return [{ code: "spelling-variant", message: `the same recipient, written differently: ${quote(change.old.text)} → ${quote(change.new.text)}` }];
    }
    if (!came.length) return [];
    return [{ code: "new-recipient", message: `the recipient${row} is now ${quote(change.new.text)} (was ${quote(change.old.text)})`, family: "recipient", key: change.new.text.toLowerCase(), direction: "added", reader: `We now share your information with ${change.new.text} (instead of ${change.old.text}).` }];
  }
  const codes: Record<Exclude<Role, "retention" | "recipient">, [string, string, string]> = {
    location: ["new-processing-location", "location-removed", "processed in"],
    purpose: ["new-purpose", "purpose-removed", "used for"],
    data: ["new-data-category", "data-category-removed", "receives"],
  };
  const [up, down, verb] = codes[role];
  if (came.length && came.some((x) => hasContent(ctx.k, x))) {
    const reader =
      role === "location"
        ? `Your information may now be processed in ${came.join(", ")}${change.row ? ` by ${change.row}` : ""}.`
        : role === "purpose"
          ? `${change.row ?? "A provider"} now also processes your information for: ${came.map(lowerFirst).join(", ")}.`
          : `${change.row ?? "A provider"} now also receives: ${came.map(lowerFirst).join(", ")}.`;
    return [{ code: up, message: `${verb} ${list(came)}${row}: ${quote(change.old.text)} → ${quote(change.new.text)}`, family: role, key: came[0].toLowerCase(), direction: "added", reader }];
  }
  if (went.length) return [{ code: down, message: `no longer ${verb} ${list(went)}${row}`, family: role, key: went[0].toLowerCase(), direction: "removed" }];
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
    return change.kind === "added"
      ? [{ code: "new-recipient", message: `adds the recipient ${quote(lead.name)}${what ? ` (${quote(what)})` : ""}`, family: "recipient", key: lead.name.toLowerCase(), direction: "added", reader: `We now share your information with ${lead.name}${what ? ` (${lowerFirst(what)})` : ""}.` }]
      : [{ code: "recipient-removed", message: `removes the recipient ${quote(lead.name)}`, family: "recipient", key: lead.name.toLowerCase(), direction: "removed" }];
  }
  if (change.kind !== "modified" || !change.old || !change.new) return null;
  const before = leadOf(change.old.text, k);
  const after = leadOf(change.new.text, k);
  if (!before || !after || explainEditorial(before.name, after.name, k) === null) return null;
  if (explainEditorial(before.rest, after.rest, k) !== null) return [];
  return [{ code: "new-purpose", message: `${quote(after.name)} now: ${quote(after.rest)} (was ${quote(before.rest)})`, family: "purpose", key: `${after.name}:${after.rest}`.toLowerCase(), direction: "added", reader: `${after.name} now processes your information for: ${lowerFirst(after.rest.replace(/\.$/, ""))} (before: ${lowerFirst(before.rest.replace(/\.$/, ""))}).` }];
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
