/**
 * The exported page's only stylesheet, inline (the page's CSP allows inline styles and nothing
 * else): the app's colours and type, light and dark by the reader's system setting, and the
 * app's highlight.js token colours. No fonts are fetched: the system's own are used.
 */
export const PAGE_CSS = `
:root{color-scheme:light dark;--bg:#f7f7f8;--panel:#fff;--sunken:#f0f1f3;--line:#e3e5e8;--fg:#17181c;--muted:#5b606b;--faint:#676c75;--accent:#0f766e;--warn:#a15c07;--warn-soft:#fffaeb;
--k:#b42378;--s:#067647;--n:#b54708;--t:#1d4ed8;--v:#0e7490;--c:#6a737d;--d:#b42318}
@media (prefers-color-scheme:dark){:root{--bg:#0f1013;--panel:#15171b;--sunken:#0b0c0f;--line:#2a2e35;--fg:#e8e9ec;--muted:#a2a7b1;--faint:#8b909b;--accent:#2dd4bf;--warn:#fdb022;--warn-soft:#2a2111;
--k:#f472b6;--s:#86efac;--n:#fdba74;--t:#93c5fd;--v:#67e8f9;--c:#8b949e;--d:#f97066}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.6 ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;-webkit-font-smoothing:antialiased}
main{max-width:880px;margin:0 auto;padding:36px 20px 24px}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.page-head{border-bottom:1px solid var(--line);padding-bottom:16px;margin-bottom:20px}
.page-head h1{font-size:22px;line-height:1.3;font-weight:650;margin:0 0 10px;overflow-wrap:anywhere}
.meta{display:flex;flex-wrap:wrap;gap:6px 22px;margin:0;font-size:12.5px}
.meta div{display:flex;gap:6px;min-width:0}.meta dt{color:var(--faint)}.meta dd{margin:0;overflow-wrap:anywhere}
.message{background:var(--panel);border:1px solid var(--line);border-radius:12px;padding:12px 18px 14px;margin:12px 0}
.message.user{background:var(--sunken)}
.who{display:flex;align-items:baseline;gap:8px;font-size:12px;margin-bottom:6px}
.role{font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:var(--muted)}
.assistant .role{color:var(--accent)}.who .name,.who .model{color:var(--faint)}.who .model{font-family:ui-monospace,Menlo,monospace}
.plain-text{white-space:pre-wrap;overflow-wrap:anywhere}
.md{line-height:1.6;overflow-wrap:anywhere}.md>*{margin:0}.md>*+*{margin-top:.75em}
.md li>p{margin:0}.md h1,.md h2,.md h3,.md h4,.md h5,.md h6{margin:1em 0 0;font-weight:650;line-height:1.3}
.md h1{font-size:1.35em}.md h2{font-size:1.2em}.md h3,.md h4{font-size:1.05em}.md>h1:first-child,.md>h2:first-child,.md>h3:first-child{margin-top:0}
.md ul,.md ol{margin:0;padding-left:1.5em}.md li+li{margin-top:.2em}.md li>ul,.md li>ol{margin-top:.2em}
.md a{color:var(--accent);text-decoration:underline;text-underline-offset:2px}
.md blockquote{margin-left:0;border-left:3px solid var(--line);padding-left:.8em;color:var(--muted)}
.md :not(pre)>code{font-size:.88em;background:var(--sunken);border:1px solid var(--line);border-radius:4px;padding:.05em .3em}
.md table{border-collapse:collapse;display:block;overflow-x:auto;font-size:.94em}
.md th,.md td{border:1px solid var(--line);padding:.3em .6em;text-align:left}.md th{background:var(--sunken);font-weight:600}
.md hr{border:0;border-top:1px solid var(--line)}.md img{max-width:100%}
.code-block{border:1px solid var(--line);border-radius:8px;background:var(--sunken);overflow:hidden;margin:.75em 0}
.code-head{padding:3px 12px;border-bottom:1px solid var(--line);font:11px/1.6 ui-monospace,Menlo,monospace;color:var(--faint)}
.code-block pre{margin:0;padding:10px 12px;overflow-x:auto;font-size:12.5px;line-height:1.55}
.real-host{margin-left:4px;border-radius:4px;background:var(--sunken);padding:0 4px;font:11px ui-monospace,Menlo,monospace;color:var(--muted)}
.blocked-link{text-decoration:underline dotted var(--faint)}
.remote-image{display:inline-block;border:1px solid var(--line);border-radius:4px;background:var(--sunken);padding:1px 8px;font-size:12px;color:var(--muted)!important;text-decoration:none!important}
img{max-width:100%;border:1px solid var(--line);border-radius:6px}.parts{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}.parts img{max-height:320px}
.note{color:var(--faint);font-size:12.5px}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap}
.footnotes{margin-top:1em;padding-top:.5em;border-top:1px solid var(--line);font-size:.92em;color:var(--muted)}.plain p{white-space:pre-wrap;margin:0}
details.reasoning{border:1px solid var(--line);border-radius:8px;background:var(--sunken);margin:0 0 10px}
details.reasoning summary{cursor:pointer;padding:5px 12px;font-size:12px;font-weight:500;color:var(--muted)}
details.reasoning summary span{font-weight:400;color:var(--faint)}
.reasoning-text{border-top:1px solid var(--line);padding:8px 12px;white-space:pre-wrap;font-size:12.5px;color:var(--muted)}
.refusal{margin-top:8px;border:1px solid color-mix(in srgb,var(--warn) 40%,transparent);border-radius:6px;background:var(--warn-soft);color:var(--warn);padding:8px 12px;font-size:13px}
.tool-call{margin-top:10px;border:1px solid var(--line);border-radius:8px;background:var(--sunken);overflow:hidden}
.tool-head{display:flex;gap:10px;align-items:baseline;padding:5px 12px;border-bottom:1px solid var(--line);font-size:12px}
.tool-head strong{font-weight:600}.tool-head code{color:var(--faint)}.tool-head .warn{margin-left:auto;color:var(--warn)}
.tool-call pre{margin:0;padding:8px 12px;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font-size:12px}
.tool-call .code-block{border:0;border-radius:0;margin:0}.tool-call .code-head{display:none}
.status{margin:8px 0 0;color:var(--warn);font-size:12.5px}
.answers{margin-top:4px;font:11px ui-monospace,Menlo,monospace;color:var(--faint)}
.usage{display:flex;flex-wrap:wrap;gap:4px 14px;margin-top:10px;padding-top:8px;border-top:1px solid var(--line);font-size:11.5px;color:var(--faint)}
.usage b{font-weight:600;color:var(--muted);font-variant-numeric:tabular-nums}
footer{max-width:880px;margin:0 auto;padding:8px 20px 40px;color:var(--faint);font-size:11.5px}
.hljs-comment,.hljs-quote{color:var(--c);font-style:italic}.hljs-keyword,.hljs-selector-tag,.hljs-built_in,.hljs-type{color:var(--k)}
.hljs-string,.hljs-regexp,.hljs-addition,.hljs-attribute{color:var(--s)}.hljs-number,.hljs-literal,.hljs-symbol,.hljs-bullet{color:var(--n)}
.hljs-title,.hljs-section{color:var(--t)}.hljs-attr,.hljs-variable,.hljs-template-variable,.hljs-property{color:var(--v)}.hljs-deletion{color:var(--d)}
math{font-size:1.08em}.katex-display{display:block;margin:.75em 0;overflow-x:auto}
@media print{body{background:#fff}.message{break-inside:avoid}}
`;
