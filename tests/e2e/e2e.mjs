// Browser tests of a built pactkit site (output/site), in Debian's Chromium
// driven by playwright-core.  Usage: node e2e.mjs SITE_DIR
// Prints "PASS name" / "FAIL name: why" lines (one per check, failures
// listing the pages concerned); exit status 1 when any check failed.
//
// Checks: Nu Html Checker, axe-core (WCAG 2.0/2.1 A and AA), no request to
// any other host, no horizontal scroll at 360 px, language switch, search,
// navigation without JavaScript, worksheet saving/printing/clearing,
// visible keyboard focus, print stylesheet; phone first (the title and the
// first paragraph on the first screen at 360 x 800, nothing sideways at
// 320 px, the navigation behind one button that works without JavaScript,
// the stakeholder map at the screen's width); the download panel's figures
// against pdfinfo and the files; the footer and the statements in every
// language; search snippets cut between words, keyboard use.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SITE = path.resolve(process.argv[2] || path.join(HERE, "../../output/site"));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const AXE = path.join(HERE, "node_modules/axe-core/axe.min.js");
const VNU = path.join(HERE, "node_modules/vnu-jar/build/dist/vnu.jar");
const ONLY = process.env.E2E_ONLY || "";          // run only checks whose name contains this
const MAX_TABS = 120;                              // Tab presses per page at most

let failures = 0;
function pass(name, extra) { console.log(`PASS ${name}${extra ? ` (${extra})` : ""}`); }
function fail(name, why) { failures++; console.log(`FAIL ${name}: ${why}`); }
/* one line for a check run over many pages: problems is a list of strings */
function report(name, problems, count) {
	if (problems.length === 0) pass(name, count);
	else fail(name, problems.slice(0, 12).join("; ") +
		(problems.length > 12 ? `; … ${problems.length - 12} more` : ""));
}
const want = (name) => !ONLY || name.includes(ONLY);

/* ---------- the site's files ---------- */

if (!fs.existsSync(path.join(SITE, "index.html"))) {
	fail("e2e-site", `${SITE}/index.html not found: build the site first`);
	process.exit(1);
}
function walk(dir, out = []) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p, out);
		else out.push(p);
	}
	return out;
}
const files = walk(SITE);
const htmlFiles = files.filter((f) => f.endsWith(".html")).sort();
/* site path of a file: fr/outils/index.html -> /fr/outils/ */
const urlPath = (f) => "/" + path.relative(SITE, f).split(path.sep).join("/").replace(/(^|\/)index\.html$/, "$1");
const pages = htmlFiles.map((f) => ({ file: f, path: urlPath(f), rel: path.relative(SITE, f) }));
const langs = fs.readdirSync(SITE, { withFileTypes: true })
	.filter((e) => e.isDirectory() && fs.existsSync(path.join(SITE, e.name, "search-index.json")))
	.map((e) => e.name);

/* ---------- a tiny static server on 127.0.0.1 ---------- */

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
	".svg": "image/svg+xml", ".pdf": "application/pdf", ".png": "image/png",
	".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8" };
/* the site's path on its real host (base_url in lua/site.lua, as the sitemap
 * gives it): 404 pages link from there, so the server answers there too */
const BASE = (() => {
	try {
		const m = fs.readFileSync(path.join(SITE, "sitemap.xml"), "utf8").match(/<loc>([^<]*)<\/loc>/);
		/* the first page is a language's home, BASE + "fr/" */
		return m ? new URL(m[1]).pathname.replace(/[^/]+\/$/, "") : "/";
	} catch { return "/"; }
})();
function resolveFile(urlpath) {
	let p;
	try { p = decodeURIComponent(urlpath.split("?")[0].split("#")[0]); } catch { return null; }
	if (BASE !== "/" && p.startsWith(BASE)) p = "/" + p.slice(BASE.length);
	const f = path.join(SITE, path.normalize(p));
	if (!f.startsWith(SITE)) return null;
	if (fs.existsSync(f) && fs.statSync(f).isDirectory()) {
		const i = path.join(f, "index.html");
		return fs.existsSync(i) ? i : null;
	}
	return fs.existsSync(f) ? f : null;
}
const server = http.createServer((req, res) => {
	let f = resolveFile(req.url);
	if (f && fs.statSync(f).isDirectory()) f = null;
	if (!f) {
		const lang = req.url.split("/")[1];
		const nf = path.join(SITE, lang, "404.html");
		res.writeHead(404, { "content-type": TYPES[".html"] });
		res.end(fs.existsSync(nf) ? fs.readFileSync(nf) : "not found");
		return;
	}
	res.writeHead(200, { "content-type": TYPES[path.extname(f)] || "application/octet-stream",
		"cache-control": "no-store" });
	res.end(fs.readFileSync(f));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
const ORIGIN_ = ORIGIN + "/";
const local = (u) => u.startsWith(ORIGIN + "/") || u === ORIGIN || u.startsWith("data:") ||
	u.startsWith("blob:") || u.startsWith("about:");

/* ---------- static checks on the HTML files ---------- */

const attr = (tag, name) => {
	const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
	return m ? m[1].replace(/&amp;/g, "&").replace(/&quot;/g, "\"").replace(/&#x27;/g, "'") : null;
};
function parsePage(pg) {
	const html = fs.readFileSync(pg.file, "utf8");
	const rootTag = (html.match(/<html\b[^>]*>/) || [""])[0];
	const base = ORIGIN + pg.path;
	const alternates = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])
		.filter((t) => attr(t, "rel") === "alternate" && attr(t, "hreflang"))
		.map((t) => ({ lang: attr(t, "hreflang"), href: new URL(attr(t, "href"), base).href }));
	const sw = (html.match(/<ul class="pk-lang-switch">([\s\S]*?)<\/ul>/) || [])[1] || "";
	const switches = [...sw.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]).map((t) => ({
		lang: attr(t, "hreflang"), href: new URL(attr(t, "href"), base).href,
		untranslated: /\bpk-untranslated\b/.test(attr(t, "class") || "")
	}));
	return { html, lang: attr(rootTag, "lang"), alternates, switches, hasSwitch: sw !== "" };
}
for (const pg of pages) Object.assign(pg, parsePage(pg));
const byUrl = new Map(pages.map((pg) => [ORIGIN + pg.path, pg]));
/* the content pages: those in a language folder, not the 404 pages */
const contentPages = pages.filter((pg) => langs.includes(pg.path.split("/")[1]) && !pg.path.endsWith("/404.html"));

function checkVnu() {
	const name = "e2e-vnu";
	if (!want(name)) return;
	if (!fs.existsSync(VNU)) return fail(name, `${VNU} missing: run tests/e2e/setup.sh`);
	const r = spawnSync("java", ["-jar", VNU, "--format", "json", "--exit-zero-always", ...htmlFiles],
		{ encoding: "utf8", maxBuffer: 64 << 20 });
	let msgs;
	try { msgs = JSON.parse(r.stderr || r.stdout).messages; } catch {
		return fail(name, `vnu did not answer JSON: ${(r.stderr || r.error || "").toString().slice(0, 300)}`);
	}
	const errs = msgs.filter((m) => m.type === "error" || m.subType === "fatal");
	const problems = errs.map((m) => `${path.relative(SITE, fileURLToPath(m.url))}:${m.lastLine}: ${m.message}`);
	report(name, problems, `${htmlFiles.length} files, ${msgs.length - errs.length} warnings/info`);
}

function checkLangSwitch() {
	const name = "e2e-lang-switch";
	if (!want(name)) return;
	const problems = [];
	let links = 0;
	for (const pg of contentPages) {
		if (!pg.hasSwitch) { problems.push(`${pg.rel}: no ul.pk-lang-switch`); continue; }
		const others = langs.filter((l) => l !== pg.lang);
		for (const l of others) {
			const sw = pg.switches.find((s) => s.lang === l);
			if (!sw) { problems.push(`${pg.rel}: no link to ${l}`); continue; }
			links++;
			const to = byUrl.get(sw.href.split("#")[0]);
			if (!to) { problems.push(`${pg.rel}: ${l} link ${sw.href.slice(ORIGIN.length)} leads nowhere`); continue; }
			if (to.lang !== l) problems.push(`${pg.rel}: ${l} link leads to a page with lang="${to.lang}"`);
			if (sw.untranslated) {
				if (to.path !== `/${l}/`) problems.push(`${pg.rel}: untranslated ${l} link is not ${l}'s home`);
				if (pg.alternates.some((a) => a.lang === l)) problems.push(`${pg.rel}: ${l} marked untranslated but an alternate exists`);
				continue;
			}
			/* same key: both pages list the same alternates */
			const a = pg.alternates.map((x) => `${x.lang} ${x.href}`).sort().join("|");
			const b = to.alternates.map((x) => `${x.lang} ${x.href}`).sort().join("|");
			if (!a || a !== b) problems.push(`${pg.rel} -> ${to.rel}: alternates differ (${a || "none"} / ${b || "none"})`);
			if (!pg.alternates.some((x) => x.lang === l && x.href === sw.href))
				problems.push(`${pg.rel}: ${l} switch link is not its hreflang alternate`);
		}
	}
	report(name, problems, `${contentPages.length} pages, ${links} links`);
}

/* every local link, stylesheet, script and image leads to a file; every
 * #fragment to an id of its page */
function checkLinks() {
	const name = "e2e-links";
	if (!want(name)) return;
	const problems = [];
	let n = 0;
	const ids = new Map();
	const idsOf = (pg) => {
		if (!ids.has(pg)) ids.set(pg, new Set([...pg.html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
		return ids.get(pg);
	};
	for (const pg of pages) {
		for (const m of pg.html.matchAll(/<(a|link|script|img)\b[^>]*>/g)) {
			const ref = attr(m[0], m[1] === "script" || m[1] === "img" ? "src" : "href");
			if (ref === null || /^(mailto|tel|data):/.test(ref)) continue;
			const u = new URL(ref, ORIGIN + pg.path);
			if (u.origin !== ORIGIN) continue;
			n++;
			const f = resolveFile(u.pathname);
			if (!f) { problems.push(`${pg.rel}: ${ref} -> ${u.pathname} missing`); continue; }
			if (u.hash && f.endsWith(".html")) {
				const to = pages.find((p) => p.file === f);
				const id = decodeURIComponent(u.hash.slice(1));
				if (to && !idsOf(to).has(id)) problems.push(`${pg.rel}: ${ref}: no id="${id}" in ${to.rel}`);
			}
		}
	}
	report(name, problems, `${n} local references`);
}

/* ---------- the browser ---------- */

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync"];
let browser;               // launched in the try block below: a browser that
                           // cannot start is a FAIL, never a silent exit
/* playwright-core starts Chromium with a fresh temporary --user-data-dir */
const foreign = [];        // requests to other hosts: "page -> url"
const jsErrors = [];
async function newContext(opts = {}) {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
	await ctx.route("**/*", (route) => {
		const u = route.request().url();
		if (local(u)) return route.continue();
		foreign.push(`${route.request().frame()?.url().slice(ORIGIN.length) ?? "?"} -> ${u}`);
		return route.abort("blockedbyclient");
	});
	return ctx;
}
/* open(ctx, path) in a new tab, or open(page, path) reusing a tab */
const watched = new WeakMap();
async function open(where, p) {
	const page = typeof where.newPage === "function" ? await where.newPage() : where;
	if (!watched.has(page)) {
		const cur = { path: p };
		watched.set(page, cur);
		page.on("pageerror", (e) => jsErrors.push(`${cur.path}: ${e.message}`));
		page.on("console", (m) => { if (m.type() === "error" && !/favicon|404 \(Not Found\)|ERR_BLOCKED_BY_CLIENT/.test(m.text())) jsErrors.push(`${cur.path}: console: ${m.text()}`); });
	}
	watched.get(page).path = p;
	const r = await page.goto(ORIGIN + p, { waitUntil: "load" });
	return { page, status: r ? r.status() : 0 };
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/* rules: a list of axe rule ids to run only those (the 360 px pass) */
async function runAxe(page, rules) {
	if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ path: AXE });
	const only = rules ? { type: "rule", values: rules } : { type: "tag", values: AXE_TAGS };
	const res = await page.evaluate((o) => window.axe.run(document, { runOnly: o }), only);
	return res.violations.map((v) => `${v.id} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`);
}

/* Tab through the page; every focused element must show a focus indicator. */
async function tabThrough(page) {
	const bad = [];
	await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
	let first = null;
	for (let i = 0; i < MAX_TABS; i++) {
		await page.keyboard.press("Tab");
		const f = await page.evaluate(() => {
			const e = document.activeElement;
			if (!e || e === document.body || e === document.documentElement) return null;
			const cs = getComputedStyle(e);
			const r = e.getBoundingClientRect();
			const desc = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
				(e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "") +
				(e.getAttribute("href") ? `[href="${e.getAttribute("href")}"]` : "");
			const ring = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) ||
				(cs.boxShadow && cs.boxShadow !== "none");
			const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
				r.left < window.innerWidth && r.top < window.innerHeight;
			return { desc, ring, onScreen, key: desc + "@" + Math.round(r.left) + "," + Math.round(r.top + window.scrollY) };
		});
		if (!f) { if (first) break; else continue; }
		if (first === f.key) break;
		if (!first) first = f.key;
		if (!f.ring) bad.push(`${f.desc} has no focus outline`);
		if (!f.onScreen) bad.push(`${f.desc} focused but not visible on screen`);
	}
	return bad;
}

/* Every focusable element at once: after one real Tab (keyboard modality),
 * focus() each in turn and read its computed focus style. */
async function focusAll(page) {
	await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
	await page.keyboard.press("Tab");
	return page.evaluate(() => {
		const bad = [];
		const sel = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1']), summary";
		for (const e of document.querySelectorAll(sel)) {
			if (e.disabled || e.closest("[hidden], [inert]")) continue;
			const r0 = e.getBoundingClientRect();
			if (r0.width === 0 && r0.height === 0) continue;        // not rendered: not reachable
			e.focus();
			if (document.activeElement !== e) continue;
			const cs = getComputedStyle(e);
			const ring = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) ||
				(cs.boxShadow && cs.boxShadow !== "none");
			if (!ring) bad.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
				(e.getAttribute("class") ? "." + e.getAttribute("class").trim().split(/\s+/).join(".") : "") +
				(e.getAttribute("href") ? `[href="${e.getAttribute("href")}"]` : "") + " has no focus outline");
		}
		return bad;
	});
}

async function checkPages() {
	const ctx = await newContext();
	const axeP = [], wideP = [], focusP = [], statusP = [], searchShown = [];
	const phoneP = [], narrowP = [], mapP = [];
	const tab = await ctx.newPage();
	for (const pg of pages) {
		await tab.setViewportSize({ width: 1280, height: 900 });
		const { page, status } = await open(tab, pg.path);
		if (status !== 200) statusP.push(`${pg.path}: HTTP ${status}`);
		if (want("e2e-axe")) for (const v of await runAxe(page)) axeP.push(`${pg.rel}: ${v}`);
		if (want("e2e-search-shown") && langs.includes(pg.path.split("/")[1])) {
			const vis = await page.evaluate(() => {
				const f = document.querySelector("form[data-pk-index]");
				return f ? !f.hidden && f.getBoundingClientRect().height > 0 : null;
			});
			if (vis === null) searchShown.push(`${pg.rel}: no form[data-pk-index]`);
			else if (!vis) searchShown.push(`${pg.rel}: search form still hidden with JavaScript`);
		}
		if (want("e2e-focus")) {
			/* real Tab presses on the home pages and the worksheets, focus() elsewhere */
			const real = pg.path === "/" || langs.some((l) => pg.path === `/${l}/`) || /data-pk-form=/.test(pg.html);
			for (const b of real ? await tabThrough(page) : await focusAll(page)) focusP.push(`${pg.rel}: ${b}`);
		}
		if (want("e2e-360")) {
			await page.setViewportSize({ width: 360, height: 740 });
			await page.waitForTimeout(300);   // pactkit.js re-marks scrolling boxes on resize
			const w = await page.evaluate(() => {
				const d = document.documentElement;
				let widest = "";
				if (d.scrollWidth > 360) {
					for (const e of document.querySelectorAll("body *")) {
						const r = e.getBoundingClientRect();
						if (r.right > 361 && !e.closest(".pk-component, pre, .pk-visually-hidden")) {
							widest = e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : "") + ` right=${Math.round(r.right)}`;
							break;
						}
					}
				}
				return { w: d.scrollWidth, widest };
			});
			if (w.w > 360) wideP.push(`${pg.rel}: scrollWidth ${w.w}${w.widest ? ` (${w.widest})` : ""}`);
			/* what a narrow screen can change: scrolling boxes, contrast over new backgrounds, names of shown elements */
			if (want("e2e-axe")) for (const v of await runAxe(page, ["scrollable-region-focusable", "color-contrast", "link-name", "button-name"])) axeP.push(`${pg.rel} @360px: ${v}`);
		}
		if (want("e2e-phone") && contentPages.includes(pg)) {
			/* a phone, 360 x 800: the title in the first 300 px, the first
			 * paragraph on the first screen, the navigation folded */
			await page.setViewportSize({ width: 360, height: 800 });
			await page.evaluate(() => window.scrollTo(0, 0));
			const m = await page.evaluate(() => {
				const h1 = document.querySelector("h1");
				const p = [...document.querySelectorAll("main .pk-content p")].find((e) => e.getBoundingClientRect().height > 0);
				/* a closed details keeps its content's boxes: checkVisibility */
				const navLinks = [...document.querySelectorAll("nav.pk-nav a[href]")].filter((a) => a.checkVisibility());
				return { h1: h1 ? Math.round(h1.getBoundingClientRect().top + scrollY) : null,
					p: p ? Math.round(p.getBoundingClientRect().top + scrollY) : null, nav: navLinks.length };
			});
			if (m.h1 === null) phoneP.push(`${pg.rel}: no h1`);
			else if (m.h1 > 300) phoneP.push(`${pg.rel}: h1 at ${m.h1} px (over 300)`);
			if (m.p !== null && m.p > 800 - 24) phoneP.push(`${pg.rel}: first paragraph at ${m.p} px (off the first screen)`);
			if (m.nav > 0) phoneP.push(`${pg.rel}: ${m.nav} navigation links open at 360 px`);
		}
		if (want("e2e-320")) {
			await page.setViewportSize({ width: 320, height: 640 });
			await page.waitForTimeout(150);
			const w = await page.evaluate(() => document.documentElement.scrollWidth);
			if (w > 320) narrowP.push(`${pg.rel}: scrollWidth ${w} at 320 px`);
			/* the map is drawn at the screen's width, its table after it */
			const maps = await page.evaluate(() => [...document.querySelectorAll(".pk-stakeholder-map svg")].map((svg) => {
				const box = svg.closest(".pk-component");
				return { svg: Math.round(svg.getBoundingClientRect().width), box: box ? box.clientWidth : 0,
					scroll: box ? box.scrollWidth > box.clientWidth + 1 && svg.getBoundingClientRect().right > box.getBoundingClientRect().right + 1 : false,
					table: !!(box && box.parentElement && (box.querySelector("table") || box.nextElementSibling?.querySelector?.("table") || box.nextElementSibling?.matches?.("table"))) };
			}));
			for (const mp of maps) {
				if (mp.scroll || mp.svg > mp.box) mapP.push(`${pg.rel}: map ${mp.svg} px wide in a box of ${mp.box} px at 320 px`);
			}
		}
	}
	report("e2e-http", statusP, `${pages.length} pages`);
	if (want("e2e-axe")) report("e2e-axe", axeP, `${pages.length} pages, tags ${AXE_TAGS.join(" ")}; layout rules again at 360 px`);
	if (want("e2e-search-shown")) report("e2e-search-shown", searchShown, `${contentPages.length} pages`);
	if (want("e2e-focus")) report("e2e-focus", focusP, `${pages.length} pages`);
	if (want("e2e-360")) report("e2e-360", wideP, `${pages.length} pages`);
	if (want("e2e-phone")) report("e2e-phone", phoneP, `${contentPages.length} pages at 360 x 800`);
	if (want("e2e-320")) report("e2e-320", narrowP.concat(mapP), `${pages.length} pages at 320 px`);
	await ctx.close();
}

async function checkNoJs() {
	const name = "e2e-nojs-nav";
	if (!want(name)) return;
	const ctx = await newContext({ javaScriptEnabled: false });
	const problems = [];
	const page = await ctx.newPage();
	for (const pg of contentPages) {
		await page.goto(ORIGIN + pg.path, { waitUntil: "load" });
		const r = await page.evaluate(() => {
			const nav = document.querySelector("nav.pk-nav");
			const links = nav ? [...nav.querySelectorAll("a[href]")].filter((a) => a.checkVisibility()) : [];
			const search = document.querySelector("form[role=search]");
			return { nav: !!nav, links: links.length, searchVisible: !!search && search.getBoundingClientRect().height > 0,
				sw: document.querySelectorAll(".pk-lang-switch a, .pk-lang-switch span").length };
		});
		if (!r.nav) problems.push(`${pg.rel}: no nav.pk-nav`);
		else if (r.links === 0) problems.push(`${pg.rel}: no visible navigation link`);
		if (r.searchVisible) problems.push(`${pg.rel}: search form shown without JavaScript`);
		if (r.sw < langs.length) problems.push(`${pg.rel}: language switch incomplete`);
	}
	/* on a phone the navigation is behind one button, which opens it
	 * without JavaScript */
	await page.setViewportSize({ width: 360, height: 800 });
	for (const pg of contentPages.filter((p, i) => i % 5 === 0)) {
		await page.goto(ORIGIN + pg.path, { waitUntil: "load" });
		const shown = () => page.evaluate(() => [...document.querySelectorAll("nav.pk-nav a[href]")].filter((a) => a.checkVisibility()).length);
		const before = await shown();
		const button = page.locator("summary:has(+ * nav.pk-nav), details:has(nav.pk-nav) > summary").first();
		if (!(await button.count())) { problems.push(`${pg.rel}: no button (summary) before the navigation at 360 px`); continue; }
		await button.click();
		const after = await shown();
		if (before !== 0) problems.push(`${pg.rel}: ${before} navigation links shown at 360 px before the button`);
		if (after === 0) problems.push(`${pg.rel}: the menu button shows no link without JavaScript`);
	}
	report(name, problems, `${contentPages.length} pages`);
	await ctx.close();
}

const fold = (s) => String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

async function checkSearch() {
	const name = "e2e-search";
	if (!want(name)) return;
	const lang = langs.includes("fr") ? "fr" : langs[0];
	if (!lang) return fail(name, "no language folder with a search-index.json");
	let index;
	try { index = JSON.parse(fs.readFileSync(path.join(SITE, lang, "search-index.json"), "utf8")); } catch (e) {
		return fail(name, `${lang}/search-index.json: ${e.message}`);
	}
	const bad = index.filter((e) => typeof e.t !== "string" || typeof e.u !== "string" || typeof e.x !== "string");
	if (bad.length) return fail(name, `${lang}/search-index.json: ${bad.length} entries without string t/u/x`);
	const query = process.env.E2E_QUERY || "memorandum";
	const expectTitle = index.filter((e) => fold(e.t).includes(query));
	const expectAny = index.filter((e) => fold(e.t + " " + e.s + " " + e.x).includes(query));
	if (!expectAny.length) return fail(name, `no entry of ${lang}/search-index.json contains "${query}" (accents ignored): pick another E2E_QUERY`);
	const ctx = await newContext();
	const { page } = await open(ctx, `/${lang}/`);
	const problems = [];
	const input = page.locator("form[data-pk-index] input[type=search]");
	if (!(await input.count())) { await ctx.close(); return fail(name, `/${lang}/: no search input`); }
	await input.click();
	await input.pressSequentially(query, { delay: 20 });
	await page.waitForFunction(() => document.querySelectorAll(".pk-search-results a").length > 0 ||
		/\S/.test(document.querySelector("form[data-pk-index] [aria-live]")?.textContent || ""), null, { timeout: 5000 }).catch(() => {});
	const got = await page.evaluate(() => ({
		titles: [...document.querySelectorAll(".pk-search-results a")].map((a) => a.firstChild ? a.firstChild.textContent : a.textContent),
		hrefs: [...document.querySelectorAll(".pk-search-results a")].map((a) => a.href),
		status: document.querySelector("form[data-pk-index] [aria-live]")?.textContent || ""
	}));
	if (!got.titles.length) problems.push(`"${query}" found nothing (status "${got.status}")`);
	else {
		if (expectTitle.length && !fold(got.titles[0]).includes(query))
			problems.push(`first result "${got.titles[0]}" does not have "${query}" in its title though "${expectTitle[0].t}" does`);
		/* the MoU pages: one of them is among the results when the index has one */
		const mouRe = new RegExp(process.env.E2E_EXPECT || "memorandum|protocole|\\bmou\\b");
		if (index.some((e) => mouRe.test(fold(e.t)) && fold(e.t + " " + e.s + " " + e.x).includes(query)) &&
			!got.titles.some((t) => mouRe.test(fold(t))))
			problems.push(`no result titled like ${mouRe} among ${got.titles.map((t) => `"${t}"`).join(", ")}`);
		if (!got.status.includes(String(got.titles.length))) problems.push(`live region says "${got.status}" for ${got.titles.length} results`);
		if (got.titles.length > 10) problems.push(`${got.titles.length} results shown, at most 10 expected`);
		for (const v of await runAxe(page)) problems.push(`axe with results shown: ${v}`);
		/* keyboard: ArrowDown reaches the first result, Enter opens it */
		await input.focus();    /* axe may have moved the focus */
		await input.press("ArrowDown");
		await page.waitForFunction((h) => document.activeElement?.href === h, got.hrefs[0],
			{ timeout: 3000 }).catch(() => {});
		const focused = await page.evaluate(() => document.activeElement?.href || "");
		if (focused !== got.hrefs[0]) problems.push("ArrowDown does not focus the first result");
		if (got.hrefs.length > 1) {
			await page.keyboard.press("ArrowDown");
			const second = await page.evaluate(() => document.activeElement?.href || "");
			if (second !== got.hrefs[1]) problems.push("a second ArrowDown does not focus the second result");
			await page.keyboard.press("ArrowUp");
			const back = await page.evaluate(() => document.activeElement?.href || "");
			if (back !== got.hrefs[0]) problems.push("ArrowUp does not go back to the first result");
		}
		await page.keyboard.press("Escape");
		const closed = await page.evaluate(() => ({ n: document.querySelectorAll(".pk-search-results a").length,
			input: document.activeElement?.matches?.("input[type=search]") || false }));
		if (closed.n) problems.push(`Escape leaves ${closed.n} results open`);
		if (!closed.input) problems.push("Escape does not take the focus back to the search field");
		await input.press("ArrowDown");      /* results again, then the first */
		await page.waitForFunction(() => document.querySelectorAll(".pk-search-results a").length > 0, null, { timeout: 3000 }).catch(() => {});
		if (!(await page.evaluate(() => document.querySelectorAll(".pk-search-results a").length)))
			problems.push("ArrowDown does not open the results again after Escape");
		await input.press("ArrowDown");
		const [resp] = await Promise.all([page.waitForNavigation().catch(() => null), page.keyboard.press("Enter")]);
		if (!resp || resp.status() !== 200) problems.push(`first result ${got.hrefs[0]} answers ${resp ? resp.status() : "nothing"}`);
	}
	/* snippets: whole words at both ends, the words marked; results in
	 * groups by section */
	for (const q of (process.env.E2E_SNIPPET_QUERIES || "financement|consulter|survivantes").split("|")) {
		const pq = (await open(ctx, `/${lang}/`)).page;
		const iq = pq.locator("form[data-pk-index] input[type=search]");
		await iq.click();
		await iq.pressSequentially(q, { delay: 5 });
		await pq.waitForFunction(() => document.querySelectorAll(".pk-search-results a").length > 0, null, { timeout: 5000 }).catch(() => {});
		const r = await pq.evaluate(() => ({
			snippets: [...document.querySelectorAll(".pk-search-snippet")].map((s) => ({ text: s.textContent,
				marks: [...s.querySelectorAll("mark")].map((m) => m.textContent), href: s.closest("a").href })),
			groups: [...document.querySelectorAll(".pk-search-results [role=group]")].map((g) => ({
				name: document.getElementById(g.getAttribute("aria-labelledby") || "")?.textContent || "",
				n: g.querySelectorAll("a").length })),
			links: document.querySelectorAll(".pk-search-results a").length }));
		if (!r.snippets.length) { problems.push(`"${q}": no snippet`); continue; }
		for (const sn of r.snippets) {
			const entry = index.find((e) => new URL(e.u, ORIGIN + `/${lang}/`).href === sn.href);
			const body = sn.text.replace(/^… /, "").replace(/ …$/, "");
			if (!sn.marks.length || !sn.marks.every((m) => fold(m) === fold(q))) problems.push(`"${q}": snippet "${sn.text.slice(0, 60)}" marks ${JSON.stringify(sn.marks)}`);
			if (!entry) { problems.push(`"${q}": a result with no index entry: ${sn.href}`); continue; }
			const at = entry.x.indexOf(body);
			if (at < 0) { problems.push(`"${q}": snippet "${body.slice(0, 50)}…" is not in the page's text`); continue; }
			const before = at === 0 ? " " : entry.x[at - 1], after = at + body.length >= entry.x.length ? " " : entry.x[at + body.length];
			if (!/\s/.test(before)) problems.push(`"${q}": snippet starts inside a word: "…${entry.x.slice(Math.max(0, at - 8), at)}|${body.slice(0, 20)}"`);
			if (!/\s/.test(after)) problems.push(`"${q}": snippet ends inside a word: "${body.slice(-20)}|${entry.x.slice(at + body.length, at + body.length + 8)}…"`);
		}
		if (!r.groups.length) problems.push(`"${q}": results not grouped (no [role=group])`);
		else if (r.groups.some((g) => !g.name.trim())) problems.push(`"${q}": a group of results without a name`);
		else if (new Set(r.groups.map((g) => g.name)).size !== r.groups.length) problems.push(`"${q}": a section in two groups`);
		if (r.groups.reduce((a, g) => a + g.n, 0) !== r.links) problems.push(`"${q}": results outside the groups`);
		for (const v of await runAxe(pq)) problems.push(`axe with "${q}" results: ${v}`);
		await pq.close();
	}
	/* no result: announced */
	const p2 = (await open(ctx, `/${lang}/`)).page;
	const in2 = p2.locator("form[data-pk-index] input[type=search]");
	await in2.fill("zzqxjwv");
	await p2.waitForTimeout(600);
	const st = await p2.evaluate(() => document.querySelector("form[data-pk-index] [aria-live]")?.textContent || "");
	if (!st.trim()) problems.push("no announcement when nothing is found");
	report(name, problems, `"${query}" -> ${got.titles.slice(0, 3).map((t) => `"${t}"`).join(", ")}`);
	await ctx.close();
}

function pdfText(buf) {
	const f = path.join(os.tmpdir(), `pactkit-e2e-${process.pid}.pdf`);
	fs.writeFileSync(f, buf);
	try { return execFileSync("pdftotext", ["-enc", "UTF-8", f, "-"], { encoding: "utf8" }); } finally { fs.unlinkSync(f); }
}

async function checkForms() {
	const name = "e2e-forms";
	if (!want(name)) return;
	const withForm = contentPages.filter((pg) => /<form\b[^>]*data-pk-form=/.test(pg.html));
	if (!withForm.length) return fail(name, "no page has a form.pk-form[data-pk-form]");
	const lang = langs.includes("fr") ? "fr" : langs[0];
	const score = (pg) => (pg.lang === lang ? 4 : 0) + (/data-pk-form="[^"]*mou/.test(pg.html) ? 2 : 0) + (/data-pk-blank/.test(pg.html) ? 1 : 0);
	const pg = withForm.sort((a, b) => score(b) - score(a))[0];
	const ctx = await newContext();
	const { page } = await open(ctx, pg.path);
	const problems = [];
	const form = "form.pk-form[data-pk-form]";
	const ids = await page.evaluate((sel) => [...document.querySelector(sel).querySelectorAll("input[type=text], input:not([type]), textarea")]
		.filter((e) => e.id && e.name).slice(0, 4).map((e) => e.id), form);
	const cb = await page.evaluate((sel) => document.querySelector(sel).querySelector("input[type=checkbox][id][name]")?.id || null, form);
	if (!ids.length) { await ctx.close(); return fail(name, `${pg.rel}: the worksheet has no text field`); }
	const values = ids.map((id, i) => `Essai${i + 1} Zorglub${i + 1}`);
	for (let i = 0; i < ids.length; i++) await page.locator(`[id="${ids[i]}"]`).pressSequentially(values[i]);
	if (cb) await page.locator(`[id="${cb}"]`).check();
	await page.reload({ waitUntil: "load" });
	for (let i = 0; i < ids.length; i++) {
		const v = await page.locator(`[id="${ids[i]}"]`).inputValue();
		if (v !== values[i]) problems.push(`#${ids[i]}: "${v}" after reload, "${values[i]}" typed`);
	}
	if (cb && !(await page.locator(`[id="${cb}"]`).isChecked())) problems.push(`#${cb}: unchecked after reload`);
	const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pactkit:")));
	if (keys.length < ids.length) problems.push(`localStorage has ${keys.length} pactkit: keys for ${ids.length} fields`);
	/* print: the typed values are in the PDF, the site chrome is not */
	const text = pdfText(await page.pdf({ format: "A4", printBackground: true }));
	const flat = text.replace(/\s+/g, " ");
	for (const v of values) if (!flat.includes(v)) problems.push(`printed PDF lacks the typed value "${v}"`);
	const skip = await page.evaluate(() => document.querySelector(".pk-skip")?.textContent || "");
	if (skip && flat.includes(skip)) problems.push(`printed PDF shows the skip link "${skip}"`);
	/* clear */
	const clear = page.locator(`${form} .pk-clear`).first();
	if (!(await clear.count())) problems.push("no clear button");
	else {
		await clear.click();
		await page.reload({ waitUntil: "load" });
		for (const id of ids) {
			const v = await page.locator(`[id="${id}"]`).inputValue();
			if (v !== "") problems.push(`#${id}: "${v}" after clear and reload`);
		}
		if (cb && (await page.locator(`[id="${cb}"]`).isChecked())) problems.push(`#${cb}: checked after clear`);
		const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pactkit:")));
		if (left.length) problems.push(`localStorage keeps ${left.join(", ")} after clear`);
	}
	report(name, problems, `${pg.rel}, ${ids.length} fields${cb ? " + 1 checkbox" : ""}`);
	await ctx.close();
}

/* The blank stakeholder map's scales (influence 1-5, support -2..+2):
 * boxes to tick, one answer each, kept over a reload (localStorage); on
 * a phone each scale in one row of its block */
async function checkScales() {
	const name = "e2e-form-scales";
	if (!want(name)) return;
	const pg = contentPages.find((p) => /data-pk-form="stakeholder-map/.test(p.html) && /data-pk-blank/.test(p.html));
	if (!pg) return fail(name, "no page has the blank stakeholder map");
	const ctx = await newContext();
	const { page } = await open(ctx, pg.path);
	const problems = [];
	await page.setViewportSize({ width: 360, height: 740 });
	for (const col of ["influence", "support"]) {
		const radios = page.locator(`input[type=radio][name="row1-${col}"]`);
		const n = await radios.count();
		if (n !== 5) { problems.push(`row1-${col}: ${n} boxes to tick, not 5`); continue; }
		const tops = [];
		for (let i = 0; i < n; i++) tops.push((await radios.nth(i).boundingBox()).y);
		if (Math.max(...tops) - Math.min(...tops) > 4) problems.push(`row1-${col}: its boxes on ${new Set(tops.map(Math.round)).size} rows at 360 px`);
		await radios.nth(3).check();
	}
	await page.reload({ waitUntil: "load" });
	for (const col of ["influence", "support"]) {
		const r = page.locator(`input[type=radio][name="row1-${col}"]`);
		if ((await r.count()) === 5 && !(await r.nth(3).isChecked())) problems.push(`row1-${col}: its ticked box unticked after reload`);
	}
	await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith("pactkit:")) localStorage.removeItem(k); });
	report(name, problems, pg.rel);
	await ctx.close();
}

/* ---------- documents: the panel and "part of", against the files ---------- */

function pdfFacts(f) {
	const out = execFileSync("pdfinfo", [f], { encoding: "utf8" });
	const pages = +(out.match(/^Pages:\s+(\d+)/m) || [])[1];
	/* a booklet's sheets are landscape: the paper is the same */
	const size = (out.match(/^Page size:\s+([\d.]+) x ([\d.]+)/m) || []).slice(1).map(Number).sort((a, b) => a - b);
	const paper = size.length && Math.abs(size[0] - 612) < 2 && Math.abs(size[1] - 792) < 2 ? "Letter" :
		size.length && Math.abs(size[0] - 595.3) < 2 && Math.abs(size[1] - 841.9) < 2 ? "A4" : "?";
	return { pages, paper };
}
/* the top entries of a PDF's outline: the titles of the pages it holds */
function pdfTitles(f) {
	const out = execFileSync("mutool", ["show", f, "outline"], { encoding: "utf8" });
	return out.split("\n").map((l) => l.match(/^[|+-]\t"(.*)"\t/)).filter(Boolean).map((m) => m[1]);
}
const norm = (t) => String(t || "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

/* "PDF · A4 · 28 p. · 330 Ko" or "— PDF, 28 p., 330 Ko": the figures */
function figures(text) {
	const t = text.replace(/[\u00a0\u202f]/g, " ");
	const f = (t.match(/\b(PDF|ODT|DOCX)\b/) || [])[1];
	const pages = (t.match(/(\d+) p\./) || [])[1];
	const sheets = (t.match(/(\d+) (?:feuilles|sheets)\b/) || [])[1];
	const size = t.match(/(\d+(?:[.,]\d+)?) (Ko|Mo|KB|MB)\b/);
	const paper = (t.match(/\b(A4|US Letter|Lettre US|Letter)\b/) || [])[1];
	return { format: f, pages: pages ? +pages : null, sheets: sheets ? +sheets : null, size: size ? +size[1].replace(",", ".") : null,
		unit: size ? size[2] : null, paper: paper ? (paper === "A4" ? "A4" : "Letter") : null };
}

async function checkDownloads() {
	const name = "e2e-downloads";
	if (!want(name)) return;
	const ctx = await newContext();
	const page = await ctx.newPage();
	const problems = [];
	const facts = new Map();
	const fileFacts = (file) => {
		if (!facts.has(file)) facts.set(file, { bytes: fs.statSync(file).size, ...(file.endsWith(".pdf") ? pdfFacts(file) : {}) });
		return facts.get(file);
	};
	let nfig = 0, npanel = 0, npart = 0;
	const partOf = new Map();          /* page path -> set of files it says it is part of */
	for (const pg of contentPages) {
		await open(page, pg.path);
		const items = await page.evaluate(() => {
			const out = [];
			for (const a of document.querySelectorAll(".pk-dl-files a, .pk-part-of a[type]")) {
				const panel = !!a.closest(".pk-dl");
				/* the part-of figures follow the link, up to the next one */
				let text = a.textContent;
				if (!panel) {
					let n = a.nextSibling, t = "";
					while (n && !(n.nodeType === 1 && n.matches("a[type]"))) { t += n.textContent; n = n.nextSibling; }
					text = a.textContent + t.split(/[;(]/)[0];
				}
				out.push({ href: a.href, text, panel });
			}
			return { items: out, panel: !!document.querySelector(".pk-dl"), part: !!document.querySelector(".pk-part-of") };
		});
		if (items.panel) npanel++;
		if (items.part) npart++;
		for (const it of items.items) {
			const u = new URL(it.href);
			const file = resolveFile(u.pathname);
			if (!file) { problems.push(`${pg.rel}: ${u.pathname} missing`); continue; }
			if (!it.panel) {
				if (!partOf.has(pg.path)) partOf.set(pg.path, new Set());
				partOf.get(pg.path).add(file);
			}
			const f = figures(it.text), real = fileFacts(file);
			const ext = path.extname(file).slice(1).toUpperCase();
			if (f.format !== ext && (it.panel || /ODT|DOCX|PDF/.test(it.text))) {
				if (it.panel || ext === "PDF") problems.push(`${pg.rel}: "${norm(it.text)}" is a ${ext}`);
			}
			if (!it.panel && ext !== "PDF" && f.size === null) continue;   /* "(also in ODT, DOCX)" */
			nfig++;
			const units = pg.lang === "fr" ? ["Ko", "Mo"] : ["KB", "MB"];
			if (f.size === null) problems.push(`${pg.rel}: no size in "${norm(it.text)}"`);
			else {
				if (!units.includes(f.unit)) problems.push(`${pg.rel}: "${f.unit}" is not a unit of ${pg.lang}`);
				const want = f.unit === "Ko" || f.unit === "KB" ? 1000 : 1e6;
				const tol = want === 1000 ? 500 : 50000;
				if (Math.abs(f.size * want - real.bytes) > tol && !(f.size === 1 && real.bytes < 1000))
					problems.push(`${pg.rel}: "${norm(it.text)}" but ${path.basename(file)} has ${real.bytes} bytes`);
			}
			if (ext === "PDF") {
				/* a booklet says its sheets: two sides each, as pdfinfo counts */
				if (file.endsWith("-booklet.pdf")) {
					if (f.sheets === null || f.sheets * 2 !== real.pages) problems.push(`${pg.rel}: "${norm(it.text)}" but pdfinfo counts ${real.pages} sides in ${path.basename(file)}`);
				} else if (f.pages !== real.pages) problems.push(`${pg.rel}: "${norm(it.text)}" but pdfinfo counts ${real.pages} pages in ${path.basename(file)}`);
				if (it.panel && f.paper !== real.paper) problems.push(`${pg.rel}: "${norm(it.text)}" but the paper is ${real.paper}`);
			}
		}
	}
	/* the panel: on each language's home page, and on one more page (the
	 * tools) */
	for (const l of langs) {
		const home = contentPages.find((p) => p.path === `/${l}/`);
		const withPanel = contentPages.filter((p) => p.lang === l && /class="pk-dl"/.test(p.html));
		if (home && !/class="pk-dl"/.test(home.html)) problems.push(`/${l}/: no download panel on the home page`);
		if (withPanel.length < 2) problems.push(`${l}: download panel on ${withPanel.length} page(s), expected the home page and the tools`);
	}
	/* every page a PDF holds says so at its top, with a link to the PDF */
	let held = 0;
	for (const l of langs) {
		const dir = path.join(SITE, "pdf", l);
		if (!fs.existsSync(dir)) continue;
		for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".pdf"))) {
			const titles = new Set(pdfTitles(path.join(dir, f)).map(norm));
			for (const pg of contentPages.filter((p) => p.lang === l)) {
				const h1 = norm(((pg.html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/) || [])[1] || "").replace(/<[^>]*>/g, "")
					.replace(/&amp;/g, "&").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, "\""));
				if (!titles.has(h1)) continue;
				held++;
				if (!(partOf.get(pg.path) || new Set()).has(path.join(dir, f)))
					problems.push(`${pg.rel}: in ${l}/${f} (its outline) but no "part of" link to it`);
			}
		}
	}
	report(name, problems, `${npanel} panels, ${npart} "part of" lines, ${nfig} figures, ${held} pages in PDFs`);
	await ctx.close();
}

/* ---------- footer and statements ---------- */

async function checkStatements() {
	const name = "e2e-statements";
	if (!want(name)) return;
	const ctx = await newContext();
	const page = await ctx.newPage();
	const problems = [];
	const found = new Map();        /* lang -> [a11y, privacy, legal] paths */
	for (const pg of contentPages) {
		await open(page, pg.path);
		const links = await page.evaluate(() => [...document.querySelectorAll("footer a[href]")]
			.map((a) => ({ href: a.href, text: a.textContent.trim() })));
		const mine = links.filter((a) => a.href.startsWith(ORIGIN_) && !a.href.includes("#"));
		if (mine.length < 3) { problems.push(`${pg.rel}: ${mine.length} links in the footer to pages of the site, expected the three statements`); continue; }
		const paths = mine.map((a) => new URL(a.href).pathname);
		for (const p of paths) {
			const to = byUrl.get(ORIGIN + p);
			if (!to) problems.push(`${pg.rel}: footer link ${p} leads nowhere`);
			else if (to.lang !== pg.lang) problems.push(`${pg.rel}: footer link ${p} is in ${to.lang}`);
		}
		if (!mine.some((a) => /accessibilit/i.test(a.text) && /conform|compliant/i.test(a.text)))
			problems.push(`${pg.rel}: no "Accessibility: …compliant" link in the footer`);
		const key = paths.slice(0, 3).join(" ");
		if (!found.has(pg.lang)) found.set(pg.lang, key);
		else if (found.get(pg.lang) !== key) problems.push(`${pg.rel}: footer links ${key} differ from ${found.get(pg.lang)}`);
	}
	/* the statements themselves, in every language, paired */
	for (const [l, key] of found) {
		const [a11y, privacy, legal] = key.split(" ");
		const get = (p) => byUrl.get(ORIGIN + p);
		for (const p of [a11y, privacy, legal]) {
			const to = get(p);
			if (!to) continue;
			for (const o of langs.filter((x) => x !== l)) {
				const alt = to.alternates.find((a) => a.lang === o);
				if (!alt) problems.push(`${to.rel}: no ${o} translation`);
				else if (!found.has(o) || !found.get(o).split(" ").includes(new URL(alt.href).pathname))
					problems.push(`${to.rel}: its ${o} translation ${new URL(alt.href).pathname} is not ${o}'s footer statement`);
			}
		}
		const text = (p) => (get(p)?.html || "").replace(/<[^>]*>/g, " ").replace(/[\s\u00a0\u202f]+/g, " ");
		const h2 = (p) => ((get(p)?.html || "").match(/<h2[\s>]/g) || []).length;
		if (h2(a11y) < 7) problems.push(`${a11y}: ${h2(a11y)} sections, the RGAA model has status, results, content not accessible, preparation, feedback, recourse…`);
		if (l === "fr" && !/Défenseur des droits/.test(text(a11y))) problems.push(`${a11y}: no recourse to the Défenseur des droits`);
		if (!/RGAA|WCAG/.test(text(a11y))) problems.push(`${a11y}: names no standard`);
		if (!/pactkit:/.test(text(privacy))) problems.push(`${privacy}: names no localStorage key`);
		if (!/localStorage/.test(text(privacy))) problems.push(`${privacy}: says nothing of localStorage`);
		if (!/<button\b/.test(get(privacy)?.html || "")) problems.push(`${privacy}: no button to clear the answers`);
		if (h2(legal) < 1) problems.push(`${legal}: empty`);
		for (const p of [a11y, privacy, legal]) if (/lua\/|\.lua\b|site\.lua/.test(text(p))) problems.push(`${p}: names an implementation file`);
	}
	/* the privacy note's button clears what a worksheet kept, without
	 * errors */
	const lang = langs.includes("fr") ? "fr" : langs[0];
	const sheet = contentPages.find((p) => p.lang === lang && /data-pk-form=/.test(p.html));
	const privacy = found.get(lang)?.split(" ")[1];
	if (sheet && privacy) {
		const errs = jsErrors.length;
		await open(page, sheet.path);
		const field = page.locator("form.pk-form input[type=text], form.pk-form textarea").first();
		await field.fill("Réponse à effacer");
		await field.dispatchEvent("input");
		const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pactkit:")).length);
		await open(page, privacy);
		const button = page.locator("main button");
		if (!kept) problems.push(`${sheet.rel}: typing kept nothing in localStorage`);
		if (!(await button.count()) || !(await button.first().isVisible())) problems.push(`${privacy}: no visible button`);
		else {
			await button.first().click();
			const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pactkit:")));
			const said = await page.evaluate(() => document.querySelector("[role=status]")?.textContent || "");
			if (left.length) problems.push(`${privacy}: ${left.join(", ")} kept after the button`);
			if (!/\d/.test(said)) problems.push(`${privacy}: the button says "${said}", not how many answers it cleared`);
			for (const v of await runAxe(page)) problems.push(`${privacy} after clearing: ${v}`);
		}
		if (jsErrors.length > errs) problems.push(`JavaScript errors: ${jsErrors.slice(errs).join("; ")}`);
	} else problems.push(`no worksheet page or no privacy note in ${lang}`);
	report(name, problems, [...found].map(([l, k]) => `${l}: ${k}`).join("; "));
	await ctx.close();
}

async function checkPrint() {
	const name = "e2e-print";
	if (!want(name)) return;
	const pg = contentPages.find((p) => p.path === `/${langs[0]}/`) || contentPages[0];
	const ctx = await newContext();
	const { page } = await open(ctx, pg.path);
	await page.emulateMedia({ media: "print" });
	const r = await page.evaluate(() => {
		const hidden = (sel) => [...document.querySelectorAll(sel)].every((e) => getComputedStyle(e).display === "none" || e.getBoundingClientRect().height === 0);
		const cs = getComputedStyle(document.body);
		return {
			nav: hidden("nav.pk-nav"), search: hidden("form[role=search]"), skip: hidden(".pk-skip"),
			lang: hidden(".pk-lang-switch"), color: cs.color, bg: cs.backgroundColor
		};
	});
	const problems = [];
	for (const k of ["nav", "search", "skip", "lang"]) if (!r[k]) problems.push(`${k} is printed`);
	if (r.color !== "rgb(0, 0, 0)") problems.push(`body text prints in ${r.color}`);
	/* every page: its address and the date on paper, external links'
	 * addresses after their text */
	let ext = 0;
	for (const p of contentPages) {
		await page.emulateMedia({ media: "screen" });
		await open(page, p.path);
		await page.emulateMedia({ media: "print" });
		const q = await page.evaluate(() => {
			const shown = (e) => e && getComputedStyle(e).display !== "none" && e.getBoundingClientRect().height > 0;
			const info = [...document.querySelectorAll("body *")].find((e) => shown(e) && e.textContent.includes(location.href.split("#")[0]) && e.children.length < 6);
			const links = [...document.querySelectorAll("main a[href^='http'], footer a[href^='http']")].filter(shown)
				.map((a) => ({ href: a.getAttribute("href"), after: getComputedStyle(a, "::after").content }));
			return { info: info ? info.textContent : null, links,
				nav: [...document.querySelectorAll("nav.pk-nav a, .pk-menu-button, .pk-side summary")].every((e) => !shown(e)) };
		});
		if (!q.info) problems.push(`${p.rel}: its address is not printed`);
		else if (!/\d{4}/.test(q.info)) problems.push(`${p.rel}: the printed address has no date ("${q.info.slice(0, 80)}")`);
		if (!q.nav) problems.push(`${p.rel}: navigation printed`);
		for (const l of q.links) {
			ext++;
			if (!l.after.includes(l.href)) problems.push(`${p.rel}: ${l.href} not printed after its link (${l.after.slice(0, 40)})`);
		}
	}
	report(name, problems, `${pg.rel}; ${contentPages.length} pages, ${ext} external links`);
	await ctx.close();
}

try {
	browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
	checkVnu();
	checkLangSwitch();
	checkLinks();
	await checkPages();
	await checkNoJs();
	await checkSearch();
	await checkForms();
	await checkScales();
	await checkDownloads();
	await checkStatements();
	await checkPrint();
	if (want("e2e-offline")) report("e2e-offline", [...new Set(foreign)], "no request left 127.0.0.1");
	if (want("e2e-js-errors")) report("e2e-js-errors", [...new Set(jsErrors)]);
} catch (e) {
	fail("e2e-run", e.stack || String(e));
} finally {
	if (browser) await browser.close();
	server.close();
}
process.exit(failures ? 1 : 0);
