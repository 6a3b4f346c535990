import type { Significance } from "./types.js";

/** What one reason code declares. */
export interface CodeSpec {
  significance: Significance;
  /** The heading a notice gives a material reason that has no reader sentence of its own. */
  notice?: string;
  /** One line for the README's reasons table. */
  about: string;
  /**
   * The sentences the JSON carries, by message id, as ESLint's `meta.messages`: `{{name}}` is filled from the data a
   * finding is built with (finding.ts), which arrives ready to print (quoted where the sentence quotes policy words).
   */
  messages: Record<string, string>;
  /** The same fact in words a policy's reader understands (`policylint notice`), by message id; filled alike. */
  readers?: Record<string, string>;
}

/**
 * Every reason code, the significance it implies, how a notice introduces it and the sentences that say it. A change
 * is as significant as its most significant reason. The README's reasons table is this table. Conventions of the
 * data: `excerpt` is the changed sentence with its changed words marked, `short` the same cut for a reader,
 * `was`/`now` the old and new words, `kind` what happened to the change (added, removed, moved, …).
 */
const DECLARED = {
  "new-recipient": {
    significance: "material",
    notice: "New recipients of your information",
    about: "a recipient, sub-processor or partner added",
    messages: {
      added: "adds the recipient {{recipient}}{{extra}}",
      cell: "the recipient{{row}} is now {{now}} (was {{was}})",
      sentence: "shares data with {{list}}: {{excerpt}}",
    },
    readers: {
      added: "We now share your information with {{name}}{{purpose}}{{where}}{{receives}}.",
      cell: "We now share your information with {{nowName}} (instead of {{wasName}}).",
      sentence: "We now share information with {{names}}: {{short}}",
    },
  },
  "new-processing-location": {
    significance: "material",
    notice: "New places where your information is processed",
    about: "a new country or region where data is processed or stored",
    messages: {
      cell: "processed in {{list}}{{row}}: {{was}} → {{now}}",
      sentence: "data now processed in {{list}}: {{excerpt}}",
    },
    readers: {
      cell: "Your information may now be processed in {{places}}{{by}}.",
      sentence: "Your information may now be processed in {{places}}: {{short}}",
    },
  },
  "new-purpose": {
    significance: "material",
    notice: "New uses of your information",
    about: "a new use of data",
    messages: {
      row: "adds the purpose {{purpose}}",
      cell: "used for {{list}}{{row}}: {{was}} → {{now}}",
      item: "{{name}} now: {{rest}} (was {{before}})",
      aim: "uses data for {{what}}{{where}}",
      sentence: "uses data for {{what}}{{where}}",
    },
    readers: {
      row: "We now use information for {{use}}.",
      cell: "{{provider}} now also processes your information for: {{items}}.",
      item: "{{provider}} now processes your information for: {{use}} (before: {{used}}).",
      aim: "We now also use your information {{aim}}.",
      sentence: "We now use your information as follows: {{sentence}}",
    },
  },
  "new-data-category": {
    significance: "material",
    notice: "New information we collect",
    about: "a new kind of data collected (a cookie, an identifier)",
    messages: {
      row: "adds {{what}}{{why}}",
      cell: "receives {{list}}{{row}}: {{was}} → {{now}}",
      sentence: "collects {{list}}: {{excerpt}}",
    },
    readers: {
      row: "We now collect {{name}}{{purpose}}.",
      cell: "{{provider}} now also receives: {{items}}.",
      sentence: "We now collect {{names}}: {{short}}",
    },
  },
  // Found by its phrases alone (materiality.json phraseReasons, phrases.ts): its messages are filled from PHRASE_DATA.
  "ai-training": {
    significance: "material",
    notice: "Your information used to train AI",
    about: "a use of the reader's content or data to train AI or machine-learning models added",
    messages: { added: "uses content or data to train AI ({{phrase}}): {{text}}" },
    readers: { added: "We may now use your content or information to train AI models: {{short}}" },
  },
  "retention-extended": {
    significance: "material",
    notice: "How long we keep your information",
    about: "a longer retention period",
    messages: { longer: "keeps data longer: {{was}} → {{now}} in {{context}}" },
    readers: { longer: "We keep information longer: {{now}} instead of {{was}} ({{short}})" },
  },
  "right-removed": {
    significance: "material",
    notice: "Rights and choices removed",
    about: "a right or a choice removed",
    messages: {
      sentence: "removes a right or choice: {{right}} from {{excerpt}}",
      list: "removes {{right}} from {{excerpt}}",
    },
    readers: {
      sentence: "We removed {{right}}: {{short}}",
      list: "We removed {{right}} from: {{short}}",
    },
  },
  "protection-removed": {
    significance: "material",
    notice: "Promises we no longer make",
    about: 'a protective promise removed ("we do not sell", a transfer safeguard, notice)',
    messages: {
      negation: "no longer promises {{promise}}",
      phrase: "removes the protection {{protection}} from {{excerpt}}",
      retention: "no longer says how long data is kept: {{period}} is gone from {{text}}",
    },
    readers: {
      negation: "We no longer say {{short}}",
      phrase: "We removed {{protection}} from: {{short}}",
      retention: "We no longer say how long we keep it: {{short}}",
    },
  },
  "protection-narrowed": {
    significance: "material",
    notice: "Promises that now cover less",
    about: 'a promise qualified so that it covers less ("GitHub employees may only access"), or opened to more people',
    messages: {
      dropped: "the promise {{promise}} no longer covers {{words}}",
      qualified: "the promise {{promise}} now covers less: {{words}} was added",
      group: "the promise {{promise}} now lets more people in: {{was}} became {{now}}",
    },
    readers: {
      dropped: "We changed {{old}} to {{new}}",
      qualified: "We changed {{old}} to {{new}}",
      group: "We changed {{old}} to {{new}}",
    },
  },
  "limit-lowered": {
    significance: "material",
    notice: "Less that the service gives you",
    about: "a quantity the service gives (storage, upload size, seats, users) lowered",
    messages: { quantity: "gives less: {{was}} → {{now}} in {{excerpt}}" },
    readers: { quantity: "The service now gives less: {{now}} instead of {{was}} ({{short}})" },
  },
  "modal-weakened": {
    significance: "material",
    notice: "Commitments that are weaker",
    about: 'a firmer verb replaced by a weaker one ("will not" → "may")',
    messages: { modal: "weaker commitment: {{was}} became {{now}}" },
    readers: { modal: "We changed {{old}} to {{new}}" },
  },
  "new-binding-term": {
    significance: "material",
    notice: "New terms that bind you",
    about: "arbitration, a waiver, a fee, an obligation or other binding term added",
    messages: {
      term: "adds {{term}}: {{words}} in {{excerpt}}",
      age: "fewer people may use the service: the age {{age}} is now required in {{excerpt}}",
      obligation: "adds an obligation: {{words}} in {{excerpt}}",
    },
    readers: {
      term: "New terms apply to you: {{short}}",
      age: "A higher minimum age now applies: {{short}}",
      obligation: "New terms apply to you: {{short}}",
    },
  },
  "binding-term-changed": {
    significance: "material",
    notice: "Changed terms that bind you",
    about: 'a payment term reworded in a payment section ("If you choose to purchase" → "to use" … "you pay")',
    messages: {
      forum: "changes where disputes are heard or which law governs: {{was}} became {{now}} in {{excerpt}}",
      condition: "changes when an obligation applies: {{was}} became {{now}} in {{excerpt}}",
      payment: "changes the wording of a payment term ({{term}}): {{was}} became {{now}} in {{excerpt}}",
    },
    readers: {
      forum: "Disputes are now heard or governed elsewhere: {{short}} (before: {{old}})",
      condition: "These terms now apply in other cases: {{short}} (before: {{old}})",
      payment: "These terms change: {{short}} (before: {{old}})",
    },
  },
  "material-section": {
    significance: "material",
    notice: "Other changes",
    about: "any non-editorial change under a heading configured in diff.materialSections",
    messages: { section: "changes {{heading}}, a section configured as material" },
    readers: { section: "We changed the section {{heading}}: {{text}}" },
  },
  "material-term": {
    significance: "material",
    notice: "Other changes",
    about: "a term configured in diff.material added",
    messages: { term: "adds {{term}}, a term configured as material: {{excerpt}}" },
    readers: { term: "We added: {{short}}" },
  },
  "recipient-removed": {
    significance: "substantive",
    about: "a recipient removed",
    messages: {
      removed: "removes the recipient {{recipient}}",
      sentence: "no longer names {{list}} as a recipient: {{excerpt}}",
    },
  },
  "location-removed": {
    significance: "substantive",
    about: "a processing location removed",
    messages: {
      cell: "no longer processed in {{list}}{{row}}",
      sentence: "no longer names {{list}}: {{excerpt}}",
    },
  },
  "purpose-removed": {
    significance: "substantive",
    about: "a use of data removed",
    messages: {
      cell: "no longer used for {{list}}{{row}}",
      sentence: "no longer uses data for {{what}}",
    },
  },
  "data-category-removed": {
    significance: "substantive",
    about: "a kind of data no longer collected",
    messages: {
      row: "removes {{what}}",
      cell: "no longer receives {{list}}{{row}}",
      sentence: "no longer mentions collecting {{list}}: {{excerpt}}",
    },
  },
  "retention-shortened": {
    significance: "substantive",
    about: "a shorter retention period",
    messages: {
      unstated: "no longer states {{was}} as a retention period: {{context}}",
      shorter: "keeps some data for less time: {{shorter}} (before: {{was}}) in {{context}}",
    },
  },
  "right-added": {
    significance: "substantive",
    about: "a right or choice added or widened",
    messages: {
      sentence: "adds a right or choice: {{right}} in {{excerpt}}",
      widened: "widens a right or choice with {{words}}",
    },
  },
  "protection-added": {
    significance: "substantive",
    about: "a protective promise added",
    messages: {
      negation: "new promise: {{promise}}",
      phrase: "adds the protection {{protection}}: {{excerpt}}",
      wider: "the promise {{promise}} now also covers {{words}}",
    },
  },
  "modal-strengthened": {
    significance: "substantive",
    about: "a weaker verb replaced by a firmer one",
    messages: { modal: "firmer commitment: {{was}} became {{now}}" },
  },
  "binding-term-removed": {
    significance: "substantive",
    about: "a binding term or obligation removed",
    messages: { term: "removes {{term}}: {{words}} from {{excerpt}}" },
  },
  "contact-changed": {
    significance: "substantive",
    about: "an address, e-mail or other contact detail changed",
    messages: {
      details: "contact details changed: {{was}} → {{now}}",
      address: "the address a reader sees changed: {{was}} → {{now}}",
      section: "contact information {{kind}}: {{what}}",
    },
  },
  "scope-changed": {
    significance: "substantive",
    about: "what the policy covers changed",
    messages: {
      reworded: "what the policy covers changed: {{what}}",
      other: "what the policy covers {{kind}}: {{what}}",
    },
  },
  "cross-reference-changed": {
    significance: "substantive",
    about: "a reference to another section changed",
    messages: { reference: "a cross-reference changed: {{was}} → {{now}}" },
  },
  "link-changed": {
    significance: "substantive",
    about:
      'a link added to or removed from unchanged words that name a right or choice (an opt-out, "Do Not Sell or ' +
      'Share", a request form)',
    messages: { link: "a link {{kind}} under {{words}}" },
  },
  clarification: {
    significance: "substantive",
    about: "any other change of wording: a person should read it",
    messages: {
      reworded: "reworded: {{what}}",
      other: "{{kind}}: {{what}}",
      address: "the address a reader sees changed: {{was}} → {{now}}",
      cancelled: "reworded: {{text}}; another change in the same section says the same thing in other words",
    },
  },
  typo: {
    significance: "editorial",
    about: "a misspelt word corrected, a stray small word added or dropped",
    messages: {
      editorial: "typo: {{what}}",
      "own-name": "the policy owner's name written in or out: {{words}}",
    },
  },
  "spelling-variant": {
    significance: "editorial",
    about: "organisation/organization, e-mail/email, a declared equivalent",
    messages: {
      editorial: "spelling variant: {{what}}",
      recipient: "the same recipient, written differently: {{was}} → {{now}}",
    },
  },
  capitalisation: {
    significance: "editorial",
    about: "capital letters only",
    messages: { editorial: "capitalisation: {{what}}" },
  },
  punctuation: {
    significance: "editorial",
    about: "punctuation or typographic quotes only",
    messages: { editorial: "punctuation: {{what}}" },
  },
  whitespace: {
    significance: "editorial",
    about: "spacing only",
    messages: { editorial: "whitespace: {{what}}" },
  },
  "link-target": {
    significance: "editorial",
    about: "a link's target changed under the same text",
    messages: {
      target: "the link under {{words}} now points to {{target}}",
      shown: "the link under unchanged words now points to {{target}}",
    },
  },
  moved: {
    significance: "editorial",
    about: "a section, item or row moved, unchanged; or text re-nested under other headings, every sentence kept",
    messages: {
      unchanged: "moved, unchanged: {{text}}",
      edited: "moved: {{text}}",
      restructured: "restructured, not reworded: every sentence of it stands in the other version too: {{text}}",
    },
  },
  "link-markup": {
    significance: "editorial",
    about: "a link added to or removed from unchanged words (the words are the same to a reader)",
    messages: { link: "a link {{kind}} under {{words}}" },
  },
  furniture: {
    significance: "editorial",
    about: "page furniture of a captured web page (a menu, a logo, the site footer) came, went or changed",
    messages: {
      page: "page furniture {{kind}}: {{text}}",
      interface: "a web page's interface words {{kind}}: {{words}}",
      script: "a script's leftover {{kind}}: {{text}}",
    },
  },
  "heading-renamed": {
    significance: "editorial",
    about: "a heading renamed over an unchanged body",
    messages: { renamed: "heading renamed over an unchanged body: {{was}} → {{now}}" },
  },
  "heading-level": {
    significance: "editorial",
    about: "a heading's level changed",
    messages: { level: "heading level {{was}} → {{now}}: {{text}}" },
  },
  "date-bump": {
    significance: "editorial",
    about: "the stated date changed",
    messages: {
      date: "the stated date changed: {{was}} → {{now}}",
      note: "a note dating this version {{kind}}: {{text}}",
    },
  },
  "front-matter": {
    significance: "editorial",
    about: "front matter changed",
    messages: { field: "front matter {{field}} {{kind}}" },
  },
  "change-log": {
    significance: "editorial",
    about: "an entry in a change log or table of contents kept in the policy",
    messages: { entry: "a {{kind}} entry in a change log or table of contents" },
  },
} as const satisfies Record<string, CodeSpec>;

export type Code = keyof typeof DECLARED;
export type Declared = typeof DECLARED;

/** The table by code, for readers that look a code up as a string (the JSON, the notice, the README). */
export const CODES: Readonly<Record<string, CodeSpec>> = DECLARED;

export function significanceOf(code: string): Significance {
  return CODES[code]?.significance ?? "substantive";
}
