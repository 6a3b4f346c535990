const TAG = /<[^>]*>/g;

/**
 * `text.replace(/<[^>]*>/g, replacement)` in linear time. Past the last ">" no tag can close, and there the regex
 * would scan to the end from every "<" ("<a<a<a…" is quadratic); before it, every "<" it tries finds its ">".
 */
export function replaceTags(text: string, replacement: string | ((tag: string) => string)): string {
  const end = text.lastIndexOf(">") + 1;
  if (end === 0) return text;
  const head = text.slice(0, end);
  return (
    (typeof replacement === "string" ? head.replace(TAG, replacement) : head.replace(TAG, replacement)) +
    text.slice(end)
  );
}
