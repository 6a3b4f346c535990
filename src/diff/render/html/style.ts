import { createHash } from "node:crypto";

/**
 * The page's only style and script, inline: the file is read offline, mailed, attached to a ticket. Colour is never
 * the only signal: deletions are struck, insertions underlined, and every mark carries a label; the pseudo-element
 * words are read by screen readers, which announce neither <ins> nor <del> on their own.
 */
export const CSS = `
:root{color-scheme:light;--ins:#dafbe1;--del:#ffebe9;--mat:#b42318;--sub:#8a5a00;--edi:#3b5b7a;
  font:16px/1.5 system-ui,sans-serif}
body{margin:0;display:grid;grid-template-columns:minmax(16rem,24rem) 1fr;color:#1f2328;background:#fff}
#changes{position:sticky;top:0;height:100vh;overflow:auto;border-right:1px solid #d0d7de;padding:1rem;
  box-sizing:border-box;background:#f6f8fa}
main{padding:1rem 2rem;max-width:52rem;overflow-wrap:anywhere}
h1.title{font-size:1.3rem;margin:.2rem 0}
.versions{font-size:.9rem;margin:.5rem 0}
.versions dt{font-weight:600}.versions dd{margin:0 0 .4rem}
.problems{border-left:4px solid var(--mat);padding:.3rem .6rem;background:#fff;font-size:.9rem}
fieldset{border:1px solid #d0d7de;font-size:.9rem}
ol.list{padding-left:1.4rem;font-size:.9rem}
ol.list li{margin:.4rem 0}
ol.list .where{display:block;color:#57606a}
ol.list .reasons{margin:.2rem 0 0;padding-left:1rem}
.sig{font-weight:700;text-transform:uppercase;font-size:.75rem;letter-spacing:.03em}
.sig-material .sig{color:var(--mat)}.sig-substantive .sig{color:var(--sub)}.sig-editorial .sig{color:var(--edi)}
ins{background:var(--ins);text-decoration:underline;text-decoration-thickness:2px}
del{background:var(--del);text-decoration:line-through;text-decoration-thickness:2px}
ins.block,del.block,div.block{display:block;border-left:4px solid;padding:.2rem .8rem;margin:.6rem 0}
ins.block{border-color:#1a7f37}del.block{border-color:#cf222e}div.block{border-color:#8250df;border-left-style:double}
del.block *,del.block{text-decoration:line-through}
ins::before{content:" [inserted: "}ins::after{content:"] "}del::before{content:" [deleted: "}del::after{content:"] "}
ins::before,ins::after,del::before,del::after{clip-path:inset(100%);clip:rect(0 0 0 0);height:1px;width:1px;
  overflow:hidden;position:absolute;white-space:nowrap}
.label{display:inline-block;font:600 .72rem/1.4 system-ui,sans-serif;background:#fff;border:1px solid #8c959f;
  border-radius:3px;padding:0 .3rem;margin-right:.4rem;color:#1f2328;text-decoration:none}
.mark:focus,.mark:target{outline:3px solid #0969da;outline-offset:2px}
.moved-note{font-style:italic;color:#57606a;font-size:.9rem}
a.stood{font-size:.8rem}
.was{font-size:.9rem;color:#57606a}
table{border-collapse:collapse;margin:.6rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;vertical-align:top}
pre{white-space:pre-wrap}
.apart{border:1px dashed #8c959f;padding:.5rem 1rem;margin:1rem 0}
.hint{font-size:.8rem;color:#57606a}
body:has(#show-material:not(:checked)) ol.list .sig-material,
body:has(#show-substantive:not(:checked)) ol.list .sig-substantive,
body:has(#show-editorial:not(:checked)) ol.list .sig-editorial{display:none}
@media (max-width:50rem){
  body{display:block}
  #changes{position:static;height:auto;border-right:0;border-bottom:1px solid #d0d7de}
  main{padding:1rem}
}
@media print{
  @page{margin:15mm}
  :root{font-size:11pt}
  body{display:block}
  #changes{position:static;height:auto;overflow:visible;border:0;background:none;break-after:page}
  fieldset,.hint{display:none}
  main{max-width:none;padding:0}
  ol.list li,tr,.label{break-inside:avoid}
  ins,del{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/** n / j: next change, p / k: previous; the change list's links move focus the same way. */
export const SCRIPT = `(() => {
  const marks = [...document.querySelectorAll("main [data-change]")];
  let at = -1;
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    const step = { n: 1, j: 1, p: -1, k: -1 }[e.key];
    if (!step || !marks.length) return;
    e.preventDefault();
    const here = marks.indexOf(document.activeElement);
    at = Math.min(marks.length - 1, Math.max(0, (here >= 0 ? here : at) + step));
    marks[at].focus();
    marks[at].scrollIntoView({ block: "center" });
  });
  for (const a of document.querySelectorAll("#changes a[href^='#change-']")) {
    a.addEventListener("click", () => {
      const target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) {
        at = marks.indexOf(target);
        setTimeout(() => target.focus(), 0);
      }
    });
  }
})();`;

/** The Content-Security-Policy: nothing may be fetched, and only this exact script may run. */
export function contentSecurityPolicy(): string {
  const hash = createHash("sha256").update(SCRIPT).digest("base64");
  const script = `script-src 'sha256-${hash}'`;
  return `default-src 'none'; style-src 'unsafe-inline'; ${script}; base-uri 'none'; form-action 'none'`;
}
