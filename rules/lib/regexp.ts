/** A literal string as a regular-expression pattern: rule vocabularies are words, not patterns. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
