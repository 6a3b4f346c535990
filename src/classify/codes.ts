import type { Significance } from "./types.js";

/**
 * Every reason code, the significance it implies, and how a notice introduces it. A change is as significant as its
 * most significant reason. The README's reasons table is this table.
 */
export const CODES: Record<string, { significance: Significance; notice?: string; about: string }> = {
  "new-recipient": { significance: "material", notice: "New recipients of your information", about: "a recipient, sub-processor or partner added" },
  "new-processing-location": { significance: "material", notice: "New places where your information is processed", about: "a new country or region where data is processed or stored" },
  "new-purpose": { significance: "material", notice: "New uses of your information", about: "a new use of data" },
  "new-data-category": { significance: "material", notice: "New information we collect", about: "a new kind of data collected (a cookie, an identifier)" },
  "retention-extended": { significance: "material", notice: "How long we keep your information", about: "a longer retention period" },
  "right-removed": { significance: "material", notice: "Rights and choices removed", about: "a right or a choice removed" },
  "protection-removed": { significance: "material", notice: "Promises we no longer make", about: "a protective promise removed (\"we do not sell\", a transfer safeguard, notice)" },
  "protection-narrowed": { significance: "material", notice: "Promises that now cover less", about: "a promise qualified so that it covers less (\"GitHub employees may only access\")" },
  "limit-lowered": { significance: "material", notice: "Less that the service gives you", about: "a quantity the service gives (storage, upload size, seats, users) lowered" },
  "modal-weakened": { significance: "material", notice: "Commitments that are weaker", about: "a firmer verb replaced by a weaker one (\"will not\" → \"may\")" },
  "new-binding-term": { significance: "material", notice: "New terms that bind you", about: "arbitration, a waiver, a fee, an obligation or other binding term added" },
  "binding-term-changed": { significance: "material", notice: "Changed terms that bind you", about: "a payment term reworded in a payment section (\"If you choose to purchase\" → \"to use\" … \"you pay\")" },
  "material-section": { significance: "material", notice: "Other changes", about: "any non-editorial change under a heading configured in diff.materialSections" },
  "material-term": { significance: "material", notice: "Other changes", about: "a term configured in diff.material added" },
  "recipient-removed": { significance: "substantive", about: "a recipient removed" },
  "location-removed": { significance: "substantive", about: "a processing location removed" },
  "purpose-removed": { significance: "substantive", about: "a use of data removed" },
  "data-category-removed": { significance: "substantive", about: "a kind of data no longer collected" },
  "retention-shortened": { significance: "substantive", about: "a shorter retention period" },
  "right-added": { significance: "substantive", about: "a right or choice added or widened" },
  "protection-added": { significance: "substantive", about: "a protective promise added" },
  "modal-strengthened": { significance: "substantive", about: "a weaker verb replaced by a firmer one" },
  "binding-term-removed": { significance: "substantive", about: "a binding term or obligation removed" },
  "contact-changed": { significance: "substantive", about: "an address, e-mail or other contact detail changed" },
  "scope-changed": { significance: "substantive", about: "what the policy covers changed" },
  "cross-reference-changed": { significance: "substantive", about: "a reference to another section changed" },
  "link-changed": { significance: "substantive", about: "a link added to or removed from unchanged words that name a right or choice (an opt-out, \"Do Not Sell or Share\", a request form)" },
  clarification: { significance: "substantive", about: "any other change of wording: a person should read it" },
  typo: { significance: "editorial", about: "a misspelt word corrected, a stray small word added or dropped" },
  "spelling-variant": { significance: "editorial", about: "organisation/organization, e-mail/email, a declared equivalent" },
  capitalisation: { significance: "editorial", about: "capital letters only" },
  punctuation: { significance: "editorial", about: "punctuation or typographic quotes only" },
  whitespace: { significance: "editorial", about: "spacing only" },
  "link-target": { significance: "editorial", about: "a link's target changed under the same text" },
  moved: { significance: "editorial", about: "a section, item or row moved, unchanged; or text re-nested under other headings, every sentence kept" },
  "link-markup": { significance: "editorial", about: "a link added to or removed from unchanged words (the words are the same to a reader)" },
  furniture: { significance: "editorial", about: "page furniture of a captured web page (a menu, a logo, the site footer) came, went or changed" },
  "heading-renamed": { significance: "editorial", about: "a heading renamed over an unchanged body" },
  "heading-level": { significance: "editorial", about: "a heading's level changed" },
  "date-bump": { significance: "editorial", about: "the stated date changed" },
  "front-matter": { significance: "editorial", about: "front matter changed" },
  "change-log": { significance: "editorial", about: "an entry in a change log or table of contents kept in the policy" },
};

export function significanceOf(code: string): Significance {
  return CODES[code]?.significance ?? "substantive";
}
