/**
 * A self-contained API reference page: it reads /openapi.json and lists every operation
 * with its parameters and schemas. No CDN, so it works offline and behind strict CSPs.
 */
export function apiReferencePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>BDS Exchange API reference</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1d2a33;background:#f7f7f4}
header{background:#12463b;color:#fff;padding:1rem 1.5rem}header a{color:#cdeee4}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
details{background:#fff;border:1px solid #d6dbd6;border-radius:6px;margin:.5rem 0;padding:.5rem .75rem}
summary{cursor:pointer;font-family:ui-monospace,monospace}
.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
.get{color:#11623b}.post{color:#8a4b00}.put,.patch{color:#4a3fa0}.delete{color:#a11}
pre{background:#f0f2ef;padding:.5rem;overflow:auto;font-size:.8rem}h2{margin-top:2rem}
</style></head>
<body><header><h1>BDS Exchange API</h1>
<p>OpenAPI 3.1 document: <a href="/openapi.json">/openapi.json</a>.
Errors are <code>application/problem+json</code> (RFC 9457).</p></header>
<main id="ops"><p>Loading…</p></main>
<script type="module">
const doc = await (await fetch('/openapi.json')).json();
const main = document.getElementById('ops');
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
const byTag = {};
const json = (v) => esc(JSON.stringify(v, null, 2));
for (const [path, ops] of Object.entries(doc.paths))
  for (const [method, op] of Object.entries(ops)) (byTag[op.tags?.[0] ?? 'other'] ??= []).push({ path, method, op });
main.innerHTML = Object.entries(byTag).map(([tag, ops]) => '<h2>' + esc(tag) + '</h2>' +
  ops.map(({ path, method, op }) =>
  '<details><summary><span class="m ' + method + '">' + method + '</span> ' +
  esc(path) + ' — ' + esc(op.summary ?? '') + '</summary>' +
  (op.description ? '<p>' + esc(op.description) + '</p>' : '') +
  (op.parameters?.length ? '<h4>Parameters</h4><pre>' + esc(JSON.stringify(op.parameters, null, 2)) + '</pre>' : '') +
  (op.requestBody ? '<h4>Body</h4><pre>' + json(op.requestBody.content['application/json'].schema) + '</pre>' : '') +
  '<h4>Responses</h4><pre>' + esc(JSON.stringify(op.responses, null, 2)) + '</pre></details>').join('')).join('');
</script></body></html>`;
}
