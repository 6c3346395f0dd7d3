/*
 * pactkit default theme: an enhancement only.  Every page works without it.
 *  - search: reveals the search form and searches this language's index,
 *    ignoring case and accents ("memorandum" finds "Mémorandum");
 *  - worksheets (form.pk-form[data-pk-form]): keeps what is typed in this
 *    browser's localStorage ("pactkit:FORM:FIELD"), adds Clear and Print.
 * Nothing is sent anywhere: no request but the search index of this site.
 */
(function () {
	"use strict";

	var doc = document;
	var lang = (doc.documentElement.getAttribute("lang") || "en").slice(0, 2);

	/* Interface strings: the template carries them (data-pk-text), the
	 * writer fills them in the page's language; these are the fallbacks. */
	var FALLBACK = {
		fr: { results: "%d résultats", none: "Aucun résultat", clear: "Effacer",
			print: "Imprimer", saved: "Vos réponses restent uniquement dans ce navigateur." },
		en: { results: "%d results", none: "No results", clear: "Clear",
			print: "Print", saved: "Your answers stay in this browser only." }
	};
	function str(cls, key) {
		var e = doc.querySelector(".pk-labels ." + cls);
		var t = e && e.textContent.trim();
		if (t) return t;
		return (FALLBACK[lang] || FALLBACK.en)[key];
	}

	/* Case- and accent-insensitive form of a string, one output string per
	 * input character so that positions can be mapped back. */
	var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
	var LIG = { "œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "‘": "'", "\u00a0": " ", "\u202f": " " };
	function foldChar(c) {
		c = c.toLowerCase();
		if (LIG[c]) return LIG[c];
		return c.normalize ? c.normalize("NFD").replace(MARKS, "") : c;
	}
	function fold(s) {
		s = String(s || "").toLowerCase();
		if (s.normalize) s = s.normalize("NFD").replace(MARKS, "");
		return s.replace(/[œæß’‘\u00a0\u202f]/g, function (c) { return LIG[c]; });
	}

	/* ---------------- search ---------------- */

	function initSearch(form) {
		var input = form.querySelector("input[type=search]");
		var list = form.querySelector(".pk-search-results");
		var status = form.querySelector("[aria-live]");
		var src = form.getAttribute("data-pk-index");
		var index = null, loading = null, timer = 0, base;

		if (!input || !list || !status || !src || !window.fetch) return;
		/* fetch() cannot read files from a page opened from disk */
		if (location.protocol === "file:") return;
		base = new URL(src, doc.baseURI);
		form.hidden = false;

		function load() {
			if (!loading) {
				loading = fetch(base.href, { credentials: "same-origin" })
					.then(function (r) {
						if (!r.ok) throw new Error(r.status);
						return r.json();
					})
					.then(function (items) {
						index = items.map(function (it) {
							return { it: it, t: fold(it.t), s: fold(it.s), x: fold(it.x) };
						});
						return index;
					})
					.catch(function () {
						loading = null;
						status.textContent = str("pk-str-no-results", "none");
						return null;
					});
			}
			return loading;
		}

		function count(hay, needle) {
			var n = 0, i = hay.indexOf(needle);
			while (i >= 0 && n < 20) { n++; i = hay.indexOf(needle, i + needle.length); }
			return n;
		}

		function search(q) {
			var terms = fold(q).split(/[\s,;:.!?"«»()]+/).filter(Boolean);
			var phrase = terms.join(" ");
			var hits = [];
			if (!terms.length || !index) return hits;
			index.forEach(function (e) {
				var score = 0, all = true;
				terms.forEach(function (w) {
					var inT = e.t.indexOf(w) >= 0, inS = e.s.indexOf(w) >= 0;
					var nx = count(e.x, w);
					if (!inT && !inS && !nx) all = false;
					score += (inT ? 1000 : 0) + (inS ? 50 : 0) + nx;
				});
				if (!all) return;
				if (e.t.indexOf(phrase) >= 0) score += 5000;   /* title hits first */
				if (e.t.indexOf(phrase) === 0) score += 1000;
				hits.push({ e: e, score: score, first: terms[0] });
			});
			hits.sort(function (a, b) { return b.score - a.score || (a.e.it.t < b.e.it.t ? -1 : 1); });
			return hits.slice(0, 10);
		}

		/* ~140 characters of the text around the first match */
		function snippet(text, term) {
			var folded = "", map = [], i, f, at, from, to, out;
			text = String(text || "");
			for (i = 0; i < text.length; i++) {
				f = foldChar(text[i]);
				for (var k = 0; k < f.length; k++) map.push(i);
				folded += f;
			}
			at = folded.indexOf(term);
			if (at < 0) return null;
			from = Math.max(0, map[at] - 60);
			to = Math.min(text.length, map[at] + 80);
			out = doc.createElement("span");
			out.className = "pk-search-snippet";
			out.appendChild(doc.createTextNode((from > 0 ? "… " : "") + text.slice(from, map[at])));
			var m = doc.createElement("mark");
			var endF = at + term.length - 1;
			var end = endF < map.length ? map[endF] + 1 : text.length;
			m.textContent = text.slice(map[at], end);
			out.appendChild(m);
			out.appendChild(doc.createTextNode(text.slice(end, to) + (to < text.length ? " …" : "")));
			return out;
		}

		function show(q) {
			var hits = search(q);
			list.textContent = "";
			if (!fold(q).trim()) { status.textContent = ""; return; }
			hits.forEach(function (h) {
				var it = h.e.it, li = doc.createElement("li"), a = doc.createElement("a");
				var sn;
				a.href = new URL(it.u, base).href;
				a.appendChild(doc.createTextNode(it.t));
				if (it.s) {
					var s = doc.createElement("span");
					s.className = "pk-search-section";
					s.textContent = it.s;
					a.appendChild(s);
				}
				if (h.e.t.indexOf(h.first) < 0 && (sn = snippet(it.x, h.first))) {
					a.appendChild(sn);
				}
				li.appendChild(a);
				list.appendChild(li);
			});
			if (!hits.length) {
				status.textContent = str("pk-str-no-results", "none");
			} else {
				var fmt = str("pk-str-results", "results");
				/* the interface has one plural form: "1 results" -> "1 result" */
				if (hits.length === 1) fmt = fmt.replace(/%d(\s+\S+?)s\b/, "%d$1");
				status.textContent = fmt.replace("%d", String(hits.length));
			}
		}

		function update() {
			var q = input.value;
			load().then(function () { show(q); });
		}

		input.addEventListener("focus", load);
		input.addEventListener("input", function () {
			clearTimeout(timer);
			timer = setTimeout(update, 120);
		});
		form.addEventListener("submit", function (ev) {
			ev.preventDefault();
			clearTimeout(timer);
			load().then(function () {
				show(input.value);
				var first = list.querySelector("a");
				if (first) first.focus();
			});
		});
		/* arrow keys move through the results, Escape closes them */
		form.addEventListener("keydown", function (ev) {
			var links = Array.prototype.slice.call(list.querySelectorAll("a"));
			var i = links.indexOf(doc.activeElement);
			if (ev.key === "ArrowDown" && links.length) {
				ev.preventDefault();
				links[Math.min(i + 1, links.length - 1)].focus();
			} else if (ev.key === "ArrowUp" && links.length && i >= 0) {
				ev.preventDefault();
				if (i === 0) input.focus(); else links[i - 1].focus();
			} else if (ev.key === "Escape") {
				list.textContent = "";
				status.textContent = "";
				input.focus();
			}
		});
		form.addEventListener("focusout", function (ev) {
			if (ev.relatedTarget && !form.contains(ev.relatedTarget)) list.textContent = "";
		});
		input.addEventListener("focus", function () { if (input.value && !list.firstChild) update(); });
	}

	/* ---------------- worksheets ---------------- */

	var store = null;
	try {
		store = window.localStorage;
		store.setItem("pactkit:test", "1");
		store.removeItem("pactkit:test");
	} catch (e) {
		store = null;
	}

	function grow(el) {
		if (el.tagName !== "TEXTAREA") return;
		el.style.height = "";
		if (el.scrollHeight > el.clientHeight) {
			el.style.height = (el.scrollHeight + el.offsetHeight - el.clientHeight) + "px";
		}
	}

	function fields(form) {
		return Array.prototype.filter.call(form.elements, function (el) {
			return el.name && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) &&
				!/^(button|submit|reset|file|hidden|password)$/.test(el.type);
		});
	}

	function initForm(form) {
		var id = form.getAttribute("data-pk-form");
		var prefix = "pactkit:" + id + ":";

		function key(el) {
			return prefix + el.name;
		}
		function save(el) {
			if (!store || !el.name) return;
			try {
				if (el.type === "checkbox") {
					if (el.checked) store.setItem(key(el), "1"); else store.removeItem(key(el));
				} else if (el.type === "radio") {
					if (el.checked) store.setItem(key(el), el.value);
				} else if (el.value === "") {
					store.removeItem(key(el));
				} else {
					store.setItem(key(el), el.value);
				}
			} catch (e) { /* full or denied: typing still works */ }
		}

		fields(form).forEach(function (el) {
			var v = store ? store.getItem(key(el)) : null;
			if (v !== null) {
				if (el.type === "checkbox") el.checked = v === "1";
				else if (el.type === "radio") el.checked = el.value === v;
				else el.value = v;
			}
			grow(el);
		});
		form.addEventListener("input", function (ev) { save(ev.target); grow(ev.target); });
		form.addEventListener("change", function (ev) { save(ev.target); });
		/* a worksheet is never sent: Enter in a field must not reload */
		form.addEventListener("submit", function (ev) { ev.preventDefault(); });

		var bar = doc.createElement("div");
		bar.className = "pk-form-actions";
		var clear = doc.createElement("button");
		clear.type = "button";
		clear.className = "pk-button pk-clear";
		clear.textContent = form.getAttribute("data-pk-clear") || str("pk-str-clear", "clear");
		clear.addEventListener("click", function () {
			fields(form).forEach(function (el) {
				if (el.type === "checkbox" || el.type === "radio") el.checked = false;
				else el.value = "";
				grow(el);
				if (store) {
					try { store.removeItem(key(el)); } catch (e) { /* ignore */ }
				}
			});
		});
		var print = doc.createElement("button");
		print.type = "button";
		print.className = "pk-button pk-print";
		print.textContent = str("pk-str-print", "print");
		print.addEventListener("click", function () { window.print(); });
		bar.appendChild(clear);
		bar.appendChild(print);
		if (store) {
			var note = doc.createElement("p");
			note.textContent = str("pk-str-saved", "saved");
			bar.appendChild(note);
		}
		form.appendChild(bar);
	}

	/* ---------------- wide tables ---------------- */

	/* A component wider than the screen scrolls inside its own box; a box
	 * that scrolls must take keyboard focus so it can be scrolled without
	 * a mouse (WCAG 2.1.1), and then needs a name. */
	function markScrollables() {
		Array.prototype.forEach.call(doc.querySelectorAll(".pk-component"), function (el) {
			var ours = el.hasAttribute("data-pk-scroll");
			if (el.scrollWidth > el.clientWidth + 1) {
				if (ours || el.hasAttribute("tabindex")) return;
				el.setAttribute("data-pk-scroll", "1");
				el.tabIndex = 0;
				if (!el.hasAttribute("aria-label") && !el.hasAttribute("aria-labelledby")) {
					var c = el.querySelector("caption, figcaption, h2, h3, h4, legend");
					var name = c ? c.textContent.replace(/\s+/g, " ").trim() : "";
					if (name) {
						el.setAttribute("aria-label", name);
						el.setAttribute("data-pk-scroll", "2");
					}
				}
			} else if (ours) {
				if (el.getAttribute("data-pk-scroll") === "2") el.removeAttribute("aria-label");
				el.removeAttribute("tabindex");
				el.removeAttribute("data-pk-scroll");
			}
		});
	}

	function init() {
		var resize = 0;
		markScrollables();
		window.addEventListener("resize", function () {
			clearTimeout(resize);
			resize = setTimeout(markScrollables, 100);
		});
		var s = doc.querySelector("form[data-pk-index]");
		if (s) initSearch(s);
		Array.prototype.forEach.call(doc.querySelectorAll("form.pk-form[data-pk-form]"), initForm);
		/* textareas printed at the height of what was typed */
		window.addEventListener("beforeprint", function () {
			Array.prototype.forEach.call(doc.querySelectorAll(".pk-form textarea"), grow);
		});
	}

	if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
	else init();
})();
