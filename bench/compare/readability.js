// Comparison runner for `klartext eval --compare`: Mozilla Readability.js on a linkedom DOM.
// Usage: node readability.js LIST.tsv OUT.json, where each LIST line is "id<TAB>path<TAB>url";
// writes {id: {articleBody, title, byline, date, seconds, bytes}} (or {error, ...}). Exit code 3
// means the npm packages are not installed (bash bench/compare/install.sh).
'use strict';
const fs = require('fs');
const zlib = require('zlib');

let Readability, parseHTML;
try {
  ({ Readability } = require('@mozilla/readability'));
  ({ parseHTML } = require('linkedom'));
} catch (e) {
  process.stderr.write('readability.js: ' + e.message + '\n');
  process.exit(3);
}

// The charset a page declares in its first bytes (meta charset or http-equiv content type),
// as browsers pre-scan; UTF-8 when there is none or Node's ICU does not know the label.
function decode(bytes) {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)/i.exec(head);
  let label = m ? m[1].toLowerCase() : 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch (e) {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function main() {
  if (process.argv.length < 4) {
    process.stderr.write('usage: node readability.js LIST.tsv OUT.json\n');
    process.exit(2);
  }
  const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length);
  const out = {};
  for (const line of lines) {
    const [id, path, url] = line.split('\t');
    let bytes = fs.readFileSync(path);
    if (bytes.length > 1 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
    const start = process.hrtime.bigint();
    try {
      const { document } = parseHTML(decode(bytes));
      const article = new Readability(document).parse();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      out[id] = {
        articleBody: article ? article.textContent || '' : '',
        title: article ? article.title || '' : '',
        byline: article ? article.byline || '' : '',
        date: article ? article.publishedTime || '' : '',
        seconds,
        bytes: bytes.length,
        url: url || '',
      };
    } catch (e) {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      out[id] = { error: String(e && e.message), seconds, bytes: bytes.length };
    }
  }
  fs.writeFileSync(process.argv[3], JSON.stringify(out));
}

main();
