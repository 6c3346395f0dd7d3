// Screenshots of a built site for people to look at (not a test):
// node shots.mjs SITE_DIR OUT_DIR PATH... : each PATH at 360 and 1280 px,
// full page, as OUT_DIR/<path>-<width>.png.  Served from 127.0.0.1.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const [SITE0, OUTD, ...PATHS] = process.argv.slice(2);
const SITE = path.resolve(SITE0);
const server = http.createServer((req, res) => {
	let p = decodeURIComponent(req.url.split("?")[0]);
	let f = path.join(SITE, path.normalize(p));
	if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, "index.html");
	if (!f.startsWith(path.resolve(SITE)) || !fs.existsSync(f)) { res.writeHead(404); res.end(); return; }
	const t = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
		".svg": "image/svg+xml", ".png": "image/png", ".json": "application/json" }[path.extname(f)];
	res.writeHead(200, t ? { "content-type": t } : {});
	res.end(fs.readFileSync(f));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
fs.mkdirSync(OUTD, { recursive: true });
const full = process.env.FULL !== "0";
for (const p of PATHS) for (const w of [360, 1280]) {
	const page = await browser.newPage({ viewport: { width: w, height: w === 360 ? 800 : 900 } });
	await page.goto(origin + p, { waitUntil: "load" });
	const name = p.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "root";
	await page.screenshot({ path: path.join(OUTD, `${name}-${w}.png`), fullPage: full });
	await page.close();
}
await browser.close();
server.close();
