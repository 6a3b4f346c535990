/**
 * Colour only on a terminal, never under NO_COLOR (https://no-color.org), unless forced with --color;
 * FORCE_COLOR is honoured as chalk and most CLIs do.
 */
export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (flag === false) return false;
  if (flag === true && process.argv.includes("--color")) return true;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}
