// Typst 0.14.2 (npm @myriaddreamin/typst-ts-node-compiler 0.7.0) on the
// benchmark book: converts the Markdown book of make-corpus.py to Typst
// markup (the subset that generator writes: headings, paragraphs, nested
// lists, bold, italics, links, block quotes), compiles it and writes the PDF,
// best of RUNS, in this process (the compiler and its fonts made once).
//
//   node bench/typst.mjs BOOK.md OUT.pdf [--standard ua-1|a-2a|...] [--untagged]
//        [--runs N] [--typ OUT.typ]
//
// Prints one line: "typst: <ms> ms compile+pdf (best of N), <create> ms
// setup, <pages> pages, <bytes> B".  Typst tags its PDFs unless --untagged.
import { readFileSync, writeFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const standard = opt('--standard', null);
const runs = Number(opt('--runs', '3'));
const typOut = opt('--typ', null);
const untagged = flag('--untagged');
if (args.length !== 2) {
  console.error('usage: node bench/typst.mjs BOOK.md OUT.pdf [--standard S] [--untagged] [--runs N] [--typ F]');
  process.exit(2);
}
const [bookPath, outPath] = args;

// ---- Markdown (make-corpus's subset) to Typst ------------------------------
const SPECIAL = /[\\#*_`$<>@[\]/~=+\-]/g;
const esc = (s) => s.replace(SPECIAL, (c) => '\\' + c);

function inline(s) {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('**', i)) {
      const j = s.indexOf('**', i + 2);
      if (j > i + 2) { out += '#strong[' + inline(s.slice(i + 2, j)) + ']'; i = j + 2; continue; }
    }
    if (s[i] === '*') {
      const j = s.indexOf('*', i + 1);
      if (j > i + 1) { out += '#emph[' + inline(s.slice(i + 1, j)) + ']'; i = j + 1; continue; }
    }
    if (s[i] === '[') {
      const m = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(s.slice(i));
      if (m) {
        let url = m[2];
        if (!/^https?:/.test(url)) url = 'https://example.org/' + url.replace(/^\//, '');
        out += '#link("' + url.replace(/["\\]/g, '\\$&') + '")[' + inline(m[1]) + ']';
        i += m[0].length;
        continue;
      }
    }
    out += esc(s[i]);
    i++;
  }
  return out;
}

function toTypst(md, lang) {
  let text = md;
  if (text.startsWith('---\n')) text = text.slice(text.indexOf('\n---\n', 4) + 5);
  const out = [
    '#set document(title: "Livre")',
    `#set text(lang: "${lang}", font: "Liberation Serif", size: 10.5pt)`,
    '#set page(paper: "a4", margin: 2cm)',
    '#set par(justify: true)',
    '#show heading: set text(font: "Liberation Sans")',
    '',
  ];
  const lines = text.split('\n');
  let para = [];
  let quote = [];
  const flushPara = () => {
    if (para.length) out.push(inline(para.join(' ')), '');
    para = [];
  };
  const flushQuote = () => {
    if (quote.length) out.push('#quote(block: true)[' + inline(quote.join(' ')) + ']', '');
    quote = [];
  };
  for (const line of lines) {
    let m;
    if (/^\s*$/.test(line)) { flushPara(); flushQuote(); continue; }
    if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
      flushPara(); flushQuote();
      out.push('='.repeat(m[1].length) + ' ' + inline(m[2]), '');
      continue;
    }
    if ((m = /^>\s?(.*)$/.exec(line))) { flushPara(); quote.push(m[1]); continue; }
    if ((m = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line))) {
      flushPara(); flushQuote();
      const depth = Math.floor(m[1].length / 2);
      out.push('  '.repeat(depth) + (/\d/.test(m[2]) ? '+ ' : '- ') + inline(m[3]));
      continue;
    }
    if (quote.length) { quote.push(line.trim()); continue; }
    para.push(line.trim());
  }
  flushPara(); flushQuote();
  return out.join('\n') + '\n';
}

const md = readFileSync(bookPath, 'utf8');
const lang = (/^lang:\s*(\w+)/m.exec(md) || [, 'fr'])[1];
const typ = toTypst(md, lang);
if (typOut) writeFileSync(typOut, typ);

const t0 = performance.now();
const compiler = NodeCompiler.create({
  fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype/liberation2'] }],
});
const setup = performance.now() - t0;
const pdfOpts = { pdfTags: !untagged };
if (standard) pdfOpts.pdfStandard = standard;
let best = Infinity;
let pdf = null;
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  // resetRead: the source is read anew, as a fresh run of the CLI would
  const res = compiler.compile({ mainFileContent: typ, resetRead: true });
  if (res.hasError()) {
    res.printErrors();
    process.exit(1);
  }
  pdf = compiler.pdf(res.result, pdfOpts);
  best = Math.min(best, performance.now() - t);
  compiler.evictCache?.(0);
}
writeFileSync(outPath, pdf);
const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
console.log(`typst: ${best.toFixed(0)} ms compile+pdf (best of ${runs}), ${setup.toFixed(0)} ms setup, ${pages} pages, ${pdf.length} B`);
