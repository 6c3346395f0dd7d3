// Filled PDF forms as a user sees them in pdf.js (Firefox's viewer) and in
// Chromium's own PDF viewer (PDFium), driven in Debian's Chromium by
// playwright-core.  Usage: node forms.mjs SPEC.json OUTDIR
// SPEC: { "cases": [ { "name", "filled": PDF, "empty": PDF (the same form,
// unfilled), "values": { FIELD: "text" | true (box ticked) | "/state"
// (radio) }, "long": [FIELD...] (one-line, wider than the field),
// "multi": [FIELD...] (wrapped), "type": { FIELD: "text" } (typed in
// pdf.js's form layer, then printed by pdf.js) } ] }
// For each case, prints "PASS name" / "FAIL name: why" lines:
//   NAME-pdfjs-ink        pdf.js draws each filled widget's appearance on
//                         its canvas (annotationMode ENABLE: what prints):
//                         ink inside the widget that the empty form has not
//   NAME-pdfjs-long-fits  a long one-line value's ink ends inside the widget
//                         (shrunk, not cut at its right edge)
//   NAME-pdfjs-wraps      a multi-line value's ink on more than one line,
//                         inside the widget
//   NAME-pdfjs-form-values the form layer (annotationMode ENABLE_FORMS, the
//                         HTML inputs a user types into) shows each value
//   NAME-pdfjs-typed-prints a value typed in the form layer is drawn when
//                         pdf.js prints (intent print, ENABLE_STORAGE), a
//                         one-line value near the form's text size (not
//                         sized up to a field as high as the room to write)
//   NAME-chromium-ink, -long-fits, -wraps: the same in Chromium's PDF viewer
//                         (PDFium), from screenshots of each page
//   NAME-poppler-ink, NAME-mupdf-ink, ...: the same in pdftoppm's and
//                         mutool draw's renders
// PNGs of every page looked at go to OUTDIR (CASE-pN-pdfjs.png, -print.png,
// -chromium.png).  Exit status 1 when a check failed.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PDFJS = path.join(HERE, "node_modules/pdfjs-dist");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SCALE = 3;             // pdf.js canvas pixels per point
const INK = 12;              // device pixels of new ink that make a widget "not blank"
const TYPED_MAX = 13;        // points: the ink of a typed one-line value at the form's
                             // 11 pt is about 10 pt high; pdf.js's auto size fills the field
const EDGE = 2.2;            // points at least between a value's last ink and the widget's
                             // right edge: pactkit's shrunk value ends 3 pt from it, a cut
                             // one at its clip, 1 pt from it

if (process.argv.length < 4) {
	console.error("usage: node forms.mjs SPEC.json OUTDIR");
	process.exit(2);
}
const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const OUTDIR = path.resolve(process.argv[3]);
fs.mkdirSync(OUTDIR, { recursive: true });

let failures = 0;
function pass(name, extra) { console.log(`PASS ${name}${extra ? ` (${extra})` : ""}`); }
function fail(name, why) { failures++; console.log(`FAIL ${name}: ${why}`); }
function report(name, problems, extra) {
	if (problems.length === 0) pass(name, extra);
	else fail(name, problems.slice(0, 10).join("; ") +
		(problems.length > 10 ? `; … ${problems.length - 10} more` : ""));
}

/* ---------- a server on 127.0.0.1: pdf.js's build, the PDFs, the harness ---------- */

const HARNESS = `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/pdfjs/web/pdf_viewer.css">
<style>body{margin:0} #c{position:absolute;inset:0;overflow:auto}</style></head>
<body><div id="c"><div id="viewer" class="pdfViewer"></div></div>
<script type="module">
const lib = await import("/pdfjs/build/pdf.mjs");
globalThis.pdfjsLib = lib;
lib.GlobalWorkerOptions.workerSrc = "/pdfjs/build/pdf.worker.mjs";
window.viewerLib = await import("/pdfjs/web/pdf_viewer.mjs");
window.lib = lib;
window.harnessReady = true;
</script></body></html>`;
const files = new Map();      // "/files/N.pdf" -> path
const TYPES = { ".mjs": "text/javascript", ".js": "text/javascript", ".css": "text/css",
	".pdf": "application/pdf", ".svg": "image/svg+xml", ".wasm": "application/wasm",
	".bcmap": "application/octet-stream", ".pfb": "application/octet-stream",
	".ttf": "font/ttf", ".icc": "application/octet-stream", ".png": "image/png" };
const server = http.createServer((req, res) => {
	const u = new URL(req.url, "http://x");
	let f = null;
	if (u.pathname === "/harness.html") {
		res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
		return res.end(HARNESS);
	}
	if (u.pathname.startsWith("/pdfjs/")) {
		f = path.join(PDFJS, path.normalize(decodeURIComponent(u.pathname.slice(7))).replace(/^(\.\.[/\\])+/, ""));
	} else if (files.has(u.pathname)) f = files.get(u.pathname);
	if (!f || !f.startsWith(PDFJS) && !files.has(u.pathname) || !fs.existsSync(f) || !fs.statSync(f).isFile()) {
		res.writeHead(404); return res.end();
	}
	res.writeHead(200, { "content-type": TYPES[path.extname(f)] || "application/octet-stream" });
	res.end(fs.readFileSync(f));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
function serve(file) {
	const p = `/files/${files.size}.pdf`;
	files.set(p, path.resolve(file));
	return p;
}

/* ---------- in the page: rendering and measuring ---------- */

/* Runs in the harness page.  Measures, inside each widget rectangle (in
 * canvas pixels), the pixels whose lightness differs from the empty form's
 * by more than a quarter: how many, how far the last one is from the
 * rectangle's right edge, and on how many lines (runs of rows) they lie. */
const MEASURE = `
window.inkIn = (F, E, rects, scale) => rects.map((r) => {
	const x1 = Math.max(0, Math.floor(Math.min(r[0], r[2]))), x2 = Math.min(F.width, Math.ceil(Math.max(r[0], r[2])));
	const y1 = Math.max(0, Math.floor(Math.min(r[1], r[3]))), y2 = Math.min(F.height, Math.ceil(Math.max(r[1], r[3])));
	let n = 0, maxX = -1, lines = 0, gap = 99, rowsOn = 0, top = -1, bottom = -1;
	const lum = (D, i) => 0.3 * D.data[i] + 0.59 * D.data[i + 1] + 0.11 * D.data[i + 2];
	for (let y = y1; y < y2; y++) {
		let row = 0;
		for (let x = x1; x < x2; x++) {
			const i = (y * F.width + x) * 4;
			if (Math.abs(lum(F, i) - lum(E, i)) > 64) { n++; row++; if (x > maxX) maxX = x; }
		}
		if (row > 0) { if (gap >= Math.max(2, scale)) lines++; gap = 0; rowsOn++; if (top < 0) top = y; bottom = y; }
		else gap++;
	}
	return { n, right: maxX < 0 ? null : (x2 - 1 - maxX) / scale, lines, rowsOn,
		height: top < 0 ? 0 : (bottom - top + 1) / scale };
});
window.imageData = async (src) => {
	const img = new Image();
	img.src = src;
	await img.decode();
	const c = document.createElement("canvas");
	c.width = img.naturalWidth; c.height = img.naturalHeight;
	const ctx = c.getContext("2d", { willReadFrequently: true });
	ctx.drawImage(img, 0, 0);
	return ctx.getImageData(0, 0, c.width, c.height);
};
window.openPdf = async (url) => {
	const pdf = await lib.getDocument({ url, standardFontDataUrl: "/pdfjs/standard_fonts/",
		cMapUrl: "/pdfjs/cmaps/", cMapPacked: true, wasmUrl: "/pdfjs/wasm/", iccUrl: "/pdfjs/iccs/",
		enableXfa: false }).promise;
	return pdf;
};
/* every widget of a PDF: page, field name, type, rectangle (points), state */
window.widgets = async (url) => {
	const pdf = await openPdf(url);
	const out = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const page = await pdf.getPage(n);
		for (const a of await page.getAnnotations({ intent: "display" }))
			if (a.subtype === "Widget")
				out.push({ page: n, id: a.id, name: a.fieldName, type: a.fieldType, rect: a.rect,
					value: a.fieldValue, checkBox: !!a.checkBox, radio: !!a.radioButton,
					on: a.buttonValue ?? a.exportValue ?? null, multiLine: !!a.multiLine,
					pageWidth: page.view[2] - page.view[0], pageHeight: page.view[3] - page.view[1] });
	}
	await pdf.destroy();
	return out;
};
/* page n drawn by pdf.js: its pixels, and a PNG */
window.drawPage = async (pdf, n, scale, mode, print) => {
	const page = await pdf.getPage(n);
	const vp = page.getViewport({ scale });
	const c = document.createElement("canvas");
	c.width = Math.ceil(vp.width); c.height = Math.ceil(vp.height);
	const ctx = c.getContext("2d", { willReadFrequently: true });
	ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, c.width, c.height);
	await page.render({ canvas: c, canvasContext: ctx, viewport: vp, annotationMode: mode,
		intent: print ? "print" : "display" }).promise;
	return { data: ctx.getImageData(0, 0, c.width, c.height), png: c.toDataURL("image/png"), vp };
};
/* the pages of the filled and empty PDFs drawn, and each widget measured */
window.measurePdfjs = async (filled, empty, pages, rectsByPage, scale, mode) => {
	const F = await openPdf(filled), E = await openPdf(empty);
	const out = {};
	for (const n of pages) {
		const f = await drawPage(F, n, scale, mode, false), e = await drawPage(E, n, scale, mode, false);
		const rects = rectsByPage[n].map((r) => f.vp.convertToViewportRectangle(r));
		out[n] = { png: f.png, stats: inkIn(f.data, e.data, rects, scale) };
	}
	await F.destroy(); await E.destroy();
	return out;
};
`;

/* ---------- helpers in node ---------- */

function savePng(file, dataUrl) {
	fs.writeFileSync(file, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"));
}
const isText = (v) => typeof v === "string" && !v.startsWith("/");
/* the widgets a case's values name, by name (a radio group: the button
 * whose on state is the value) */
function filledWidgets(c, widgets) {
	const problems = [], out = [];
	for (const [name, v] of Object.entries(c.values)) {
		const ws = widgets.filter((w) => w.name === name);
		if (ws.length === 0) { problems.push(`no field ${name}`); continue; }
		if (typeof v === "string" && v.startsWith("/")) {
			const on = ws.find((w) => w.radio && "/" + w.on === v);
			if (!on) problems.push(`${name}: no radio button ${v}`);
			else out.push({ ...on, want: v });
		} else out.push({ ...ws[0], want: v });
	}
	return { problems, out };
}
const byPage = (ws) => {
	const m = {};
	for (const w of ws) (m[w.page] ||= []).push(w);
	return m;
};
/* the ink checks, on stats measured by any viewer */
function inkChecks(prefix, c, list, stats) {
	const ink = [], long = [], wraps = [], gaps = { long: [], multi: [] };
	list.forEach((w, i) => {
		const s = stats[i];
		const what = `${w.name} (p. ${w.page})`;
		if (s.n < INK) ink.push(`${what}: ${s.n} px of ink, the empty form's look`);
		if ((c.long || []).includes(w.name)) {
			if (s.n < INK) long.push(`${what}: no ink`);
			else if (s.right < EDGE) long.push(`${what}: ink ${s.right.toFixed(2)} pt from the right edge (cut?)`);
			gaps.long.push(`${w.name} ${s.right?.toFixed(1)} pt from the edge`);
		}
		if ((c.multi || []).includes(w.name)) {
			if (s.lines < 2) wraps.push(`${what}: ink on ${s.lines} line(s)`);
			else if (s.right < EDGE) wraps.push(`${what}: ink ${s.right.toFixed(2)} pt from the right edge`);
			gaps.multi.push(`${w.name} ${s.lines} lines, ${s.right?.toFixed(1)} pt from the edge`);
		}
	});
	report(`${prefix}-ink`, ink, `${list.length} widgets`);
	if ((c.long || []).length) report(`${prefix}-long-fits`, long, gaps.long.join(", "));
	if ((c.multi || []).length) report(`${prefix}-wraps`, wraps, gaps.multi.join(", "));
}

/* ---------- pdf.js: the canvas (what prints) ---------- */

async function pdfjsCanvas(page, c, list, urls) {
	const pages = Object.keys(byPage(list)).map(Number);
	const rects = Object.fromEntries(Object.entries(byPage(list)).map(([n, ws]) => [n, ws.map((w) => w.rect)]));
	const res = await page.evaluate(([f, e, p, r, s]) => measurePdfjs(f, e, p, r, s, lib.AnnotationMode.ENABLE),
		[urls.filled, urls.empty, pages, rects, SCALE]);
	const stats = [];
	for (const n of pages) {
		savePng(path.join(OUTDIR, `${c.name}-p${n}-pdfjs.png`), res[n].png);
		byPage(list)[n].forEach((w, i) => { stats[list.indexOf(w)] = res[n].stats[i]; });
	}
	inkChecks(`${c.name}-pdfjs`, c, list, stats);
}

/* ---------- pdf.js: the form layer (what a user types into) ---------- */

/* Opens the PDF in pdf.js's PDFViewer with annotationMode ENABLE_FORMS and
 * waits until page n's annotation layer is drawn. */
async function viewerOpen(page, url) {
	await page.evaluate(async (u) => {
		const eventBus = new viewerLib.EventBus();
		const linkService = new viewerLib.PDFLinkService({ eventBus });
		const container = document.getElementById("c");
		document.getElementById("viewer").replaceChildren();
		const viewer = new viewerLib.PDFViewer({ container, eventBus, linkService,
			annotationMode: lib.AnnotationMode.ENABLE_FORMS, textLayerMode: 0 });
		linkService.setViewer(viewer);
		window.layers = new Set();
		eventBus.on("annotationlayerrendered", (e) => window.layers.add(e.pageNumber));
		window.pdfDoc = await openPdf(u);
		viewer.setDocument(pdfDoc);
		linkService.setDocument(pdfDoc);
		window.viewer = viewer;
		await new Promise((r) => eventBus.on("pagesinit", r));
		viewer.currentScaleValue = "1";
	}, url);
}
async function viewerShow(page, n) {
	await page.evaluate((k) => { viewer.currentPageNumber = k; }, n);
	await page.waitForFunction((k) => window.layers.has(k), n, { timeout: 20000 });
}
async function pdfjsForm(page, c, list, urls) {
	const problems = [];
	await viewerOpen(page, urls.filled);
	for (const n of Object.keys(byPage(list)).map(Number)) {
		await viewerShow(page, n);
		for (const w of byPage(list)[n]) {
			const got = await page.evaluate(([k, w]) => {
				const sec = document.querySelector(`.page[data-page-number="${k}"] [data-annotation-id="${w.id}"]`);
				const el = sec && sec.querySelector("input, textarea, select");
				if (!el) return { missing: true };
				return { value: el.value, checked: el.checked, tag: el.tagName.toLowerCase(), type: el.type };
			}, [n, w]);
			const what = `${w.name} (p. ${n})`;
			if (got.missing) problems.push(`${what}: no input in the form layer`);
			else if (isText(w.want)) {
				if (got.value !== w.want) problems.push(`${what}: shows ${JSON.stringify(got.value)}, filled ${JSON.stringify(w.want)}`);
				if (w.multiLine && got.tag !== "textarea") problems.push(`${what}: a ${got.tag}, not a textarea`);
			} else if (!got.checked) problems.push(`${what}: not ticked`);
		}
	}
	report(`${c.name}-pdfjs-form-values`, problems, `${list.length} widgets`);
}

/* A value typed in the form layer, then the page printed by pdf.js: the
 * appearance pdf.js makes from the field's /DA and the AcroForm's font. */
async function pdfjsTyped(page, c, widgets, urls) {
	const typed = Object.entries(c.type || {});
	if (!typed.length) return;
	const problems = [];
	await viewerOpen(page, urls.empty);
	const list = [];
	for (const [name, v] of typed) {
		const w = widgets.find((x) => x.name === name);
		if (!w) { problems.push(`no field ${name}`); continue; }
		await viewerShow(page, w.page);
		const sel = `.page[data-page-number="${w.page}"] [data-annotation-id="${w.id}"] input, ` +
			`.page[data-page-number="${w.page}"] [data-annotation-id="${w.id}"] textarea`;
		await page.fill(sel, v);
		await page.locator(sel).blur();
		list.push(w);
	}
	const pages = [...new Set(list.map((w) => w.page))];
	// print renders (filled by typing) against the empty form's display render
	for (const n of pages) {
		const ws = list.filter((w) => w.page === n);
		const out = await page.evaluate(async ([k, s, emptyUrl, rects]) => {
			const p = await drawPage(pdfDoc, k, s, lib.AnnotationMode.ENABLE_STORAGE, true);
			const E = await openPdf(emptyUrl);
			const e = await drawPage(E, k, s, lib.AnnotationMode.ENABLE, true);
			await E.destroy();
			return { png: p.png, stats: inkIn(p.data, e.data, rects.map((r) => p.vp.convertToViewportRectangle(r)), s) };
		}, [n, SCALE, urls.empty, ws.map((w) => w.rect)]);
		savePng(path.join(OUTDIR, `${c.name}-p${n}-print.png`), out.png);
		ws.forEach((w, i) => {
			const s = out.stats[i];
			if (s.n < INK) problems.push(`${w.name} (p. ${n}): typed ${JSON.stringify(c.type[w.name])}, printed blank (${s.n} px)`);
			else if (s.right < EDGE) problems.push(`${w.name} (p. ${n}): printed ink ${s.right.toFixed(2)} pt from the right edge`);
			else if (!w.multiLine && s.height > TYPED_MAX) problems.push(`${w.name} (p. ${n}): typed text printed ${s.height.toFixed(1)} pt high, the form's own text about 10 (the field's auto size from a band too high?)`);
		});
	}
	report(`${c.name}-pdfjs-typed-prints`, problems, `${list.length} fields`);
}

/* ---------- Chromium's own PDF viewer (PDFium) ---------- */

/* Chromium 156 in --headless (the new headless mode) shows a PDF with its
 * PDF viewer: the page is drawn by PDFium into the viewer's frame, which a
 * screenshot sees, though no DOM holds the fields.  Each page is opened
 * fitted to the window (#page=N&view=Fit&toolbar=0); the page's white box
 * in the screenshot gives the scale and the offset to place each widget. */
async function chromiumShot(ctx, url, n, file) {
	const p = await ctx.newPage();
	await p.goto(`${ORIGIN}${url}?p=${n}#page=${n}&view=Fit&toolbar=0`, { waitUntil: "load" });
	// PDFium draws in tiles, after load: wait for two screenshots alike
	let last = null, shot = null;
	for (let i = 0; i < 40; i++) {
		await p.waitForTimeout(300);
		shot = await p.screenshot();
		if (last && shot.equals(last) && i >= 3) break;
		last = shot;
	}
	await p.close();
	fs.writeFileSync(file, shot);
	return "data:image/png;base64," + shot.toString("base64");
}
async function chromiumViewer(browser, page, c, list, urls) {
	const ctx = await browser.newContext({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 2 });
	const stats = [], problems = [];
	try {
		for (const [n, ws] of Object.entries(byPage(list))) {
			const f = await chromiumShot(ctx, urls.filled, n, path.join(OUTDIR, `${c.name}-p${n}-chromium.png`));
			const e = await chromiumShot(ctx, urls.empty, n, path.join(OUTDIR, `${c.name}-p${n}-chromium-empty.png`));
			const res = await page.evaluate(async ([f, e, ws]) => {
				const F = await imageData(f), E = await imageData(e);
				// the page: the run of light pixels across the middle row,
				// then up and down the column a little inside its left edge
				const light = (x, y) => { const i = (y * F.width + x) * 4; return F.data[i] > 200 && F.data[i + 1] > 200 && F.data[i + 2] > 200; };
				const my = Math.floor(F.height / 2);
				let l = 0; while (l < F.width && !light(l, my)) l++;
				let r = F.width - 1; while (r > l && !light(r, my)) r--;
				const cx = l + 3;
				let t = my; while (t > 0 && light(cx, t - 1)) t--;
				let b = my; while (b < F.height - 1 && light(cx, b + 1)) b++;
				if (r - l < 100) return { error: `no page found in the screenshot (${F.width}x${F.height})` };
				const w0 = ws[0];
				const sx = (r - l + 1) / w0.pageWidth, sy = (b - t + 1) / w0.pageHeight;
				if (Math.abs(sx - sy) / sx > 0.02)
					return { error: `the page's box ${r - l + 1}x${b - t + 1} px is not the page's shape (${w0.pageWidth}x${w0.pageHeight} pt)` };
				const rects = ws.map((w) => [l + w.rect[0] * sx, t + (w0.pageHeight - w.rect[3]) * sx,
					l + w.rect[2] * sx, t + (w0.pageHeight - w.rect[1]) * sx]);
				return { stats: inkIn(F, E, rects, sx), scale: sx };
			}, [f, e, ws]);
			if (res.error) { problems.push(`p. ${n}: ${res.error}`); continue; }
			ws.forEach((w, i) => { stats[list.indexOf(w)] = res.stats[i]; });
		}
	} finally {
		await ctx.close();
	}
	if (problems.length) { report(`${c.name}-chromium-ink`, problems); return; }
	inkChecks(`${c.name}-chromium`, c, list, stats);
}

/* ---------- poppler (pdftoppm) and MuPDF (mutool draw) ---------- */

const TOOLS = {
	poppler: (pdf, n, png) => execFileSync("pdftoppm", ["-r", String(72 * SCALE), "-png", "-singlefile",
		"-f", String(n), "-l", String(n), pdf, png.replace(/\.png$/, "")], { stdio: "pipe" }),
	mupdf: (pdf, n, png) => execFileSync("mutool", ["draw", "-q", "-r", String(72 * SCALE), "-o", png, pdf, String(n)],
		{ stdio: "pipe" }),
};
async function rasterTool(page, tool, c, list) {
	const stats = [];
	for (const [n, ws] of Object.entries(byPage(list))) {
		const f = path.join(OUTDIR, `${c.name}-p${n}-${tool}.png`), e = path.join(OUTDIR, `${c.name}-p${n}-${tool}-empty.png`);
		TOOLS[tool](c.filled, n, f);
		TOOLS[tool](c.empty, n, e);
		const url = (p) => "data:image/png;base64," + fs.readFileSync(p).toString("base64");
		const res = await page.evaluate(async ([f, e, rects, s, h]) => {
			const F = await imageData(f), E = await imageData(e);
			return inkIn(F, E, rects.map((r) => [r[0] * s, (h - r[3]) * s, r[2] * s, (h - r[1]) * s]), s);
		}, [url(f), url(e), ws.map((w) => w.rect), SCALE, ws[0].pageHeight]);
		ws.forEach((w, i) => { stats[list.indexOf(w)] = res[i]; });
	}
	inkChecks(`${c.name}-${tool}`, c, list, stats);
}

/* ---------- the cases ---------- */

let browser;
try {
	browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
	const ctx = await browser.newContext({ viewport: { width: 1000, height: 1300 } });
	const page = await ctx.newPage();
	const errors = [];
	page.on("pageerror", (e) => errors.push(e.message));
	await page.goto(`${ORIGIN}/harness.html`);
	await page.waitForFunction(() => window.harnessReady === true, null, { timeout: 20000 });
	await page.addScriptTag({ content: MEASURE });
	for (const c of spec.cases) {
		const urls = { filled: serve(c.filled), empty: serve(c.empty) };
		const widgets = await page.evaluate((u) => widgets(u), urls.filled);
		const { problems, out: list } = filledWidgets(c, widgets);
		if (problems.length) { fail(`${c.name}-fields`, problems.join("; ")); continue; }
		// pdf.js reads the values back (its model of the form)
		const wrong = list.filter((w) => isText(w.want) ? w.value !== w.want :
			w.radio ? "/" + w.value !== w.want : !(w.value && w.value !== "Off"));
		report(`${c.name}-pdfjs-field-values`, wrong.map((w) => `${w.name}: ${JSON.stringify(w.value)} for ${JSON.stringify(w.want)}`),
			`${list.length} fields`);
		await pdfjsCanvas(page, c, list, urls);
		await pdfjsForm(page, c, list, urls);
		await pdfjsTyped(page, c, widgets, urls);
		await chromiumViewer(browser, page, c, list, urls);
		for (const tool of Object.keys(TOOLS)) await rasterTool(page, tool, c, list);
	}
	report("forms-js-errors", [...new Set(errors)]);
} catch (e) {
	fail("forms-run", e.stack || String(e));
} finally {
	if (browser) await browser.close();
	server.close();
}
process.exit(failures ? 1 : 0);
