/*
 * pactkit default theme: an enhancement only.  Every page works without it.
 *  - search: reveals the search form and searches this language's index,
 *    ignoring case and accents ("memorandum" finds "Mémorandum"); results
 *    grouped by section, snippets cut between words with the words found
 *    marked; arrow keys move through them, Escape closes them;
 *  - worksheets (form.pk-form[data-pk-form]): keeps what is typed in this
 *    browser's localStorage ("pactkit:FORM:FIELD"), adds Clear and Print;
 *    the privacy note's button clears every answer of the site at once;
 *  - print: the address the page was read at and the day it is printed.
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
			print: "Imprimer", saved: "Vos réponses restent uniquement dans ce navigateur.",
			other: "Autres pages", cleared: "Réponses effacées : %d.",
			nothing: "Ce navigateur ne gardait aucune réponse de ce site.", printed: "imprimée le" },
		en: { results: "%d results", none: "No results", clear: "Clear",
			print: "Print", saved: "Your answers stay in this browser only.",
			other: "Other pages", cleared: "Answers cleared: %d.",
			nothing: "This browser kept no answer from this site.", printed: "printed on" }
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
		var closed = false;    /* Escape closed the results: until typing */

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

		function terms(q) {
			return fold(q).split(/[\s,;:.!?"«»()]+/).filter(Boolean);
		}

		function search(q) {
			var terms_ = terms(q);
			var phrase = terms_.join(" ");
			var hits = [];
			if (!terms_.length || !index) return hits;
			index.forEach(function (e) {
				var score = 0, all = true;
				terms_.forEach(function (w) {
					var inT = e.t.indexOf(w) >= 0, inS = e.s.indexOf(w) >= 0;
					var nx = count(e.x, w);
					if (!inT && !inS && !nx) all = false;
					score += (inT ? 1000 : 0) + (inS ? 50 : 0) + nx;
				});
				if (!all) return;
				if (e.t.indexOf(phrase) >= 0) score += 5000;   /* title hits first */
				if (e.t.indexOf(phrase) === 0) score += 1000;
				hits.push({ e: e, score: score, terms: terms_ });
			});
			hits.sort(function (a, b) { return b.score - a.score || (a.e.it.t < b.e.it.t ? -1 : 1); });
			return hits.slice(0, 10);
		}

		var SPACE = /\s/;      /* \s holds the no-break spaces too */

		/* About 140 characters of the text around the first match, cut
		 * between words, every word searched for marked. */
		function snippet(text, words) {
			var folded = "", map = [], i, k, f, at = -1, len = 0, from, to;
			var out, marks = [], last;
			text = String(text || "");
			for (i = 0; i < text.length; i++) {
				f = foldChar(text[i]);
				for (k = 0; k < f.length; k++) map.push(i);
				folded += f;
			}
			map.push(text.length);
			words.forEach(function (w) {
				var j = folded.indexOf(w);
				if (j >= 0 && (at < 0 || j < at)) { at = j; len = w.length; }
			});
			if (at < 0) return null;
			from = Math.max(0, map[at] - 60);
			to = Math.min(text.length, map[at + len] + 80);
			/* the first whole word: after a space at or past from */
			if (from > 0 && !SPACE.test(text[from - 1])) {
				for (i = from; i < map[at] && !SPACE.test(text[i]); i++) continue;
				from = i < map[at] ? i + 1 : map[at];
				while (from > 0 && !SPACE.test(text[from - 1])) from--;
			}
			/* the last whole word: up to a space, never inside the match */
			if (to < text.length && !SPACE.test(text[to])) {
				for (i = to; i > map[at + len] && !SPACE.test(text[i]); i--) continue;
				if (i > map[at + len]) to = i;
				else { while (to < text.length && !SPACE.test(text[to])) to++; }
			}
			while (to > from && SPACE.test(text[to - 1])) to--;
			while (from < to && SPACE.test(text[from])) from++;
			/* every occurrence of every word, in the text's positions */
			words.forEach(function (w) {
				var j = folded.indexOf(w);
				while (j >= 0 && w.length) {
					var a = map[j], b = map[j + w.length];
					if (a >= from && b <= to) marks.push([a, b]);
					j = folded.indexOf(w, j + w.length);
				}
			});
			marks.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
			out = doc.createElement("span");
			out.className = "pk-search-snippet";
			if (from > 0) out.appendChild(doc.createTextNode("… "));
			last = from;
			marks.forEach(function (m) {
				if (m[0] < last) return;        /* inside one already marked */
				out.appendChild(doc.createTextNode(text.slice(last, m[0])));
				var e = doc.createElement("mark");
				e.textContent = text.slice(m[0], m[1]);
				out.appendChild(e);
				last = m[1];
			});
			out.appendChild(doc.createTextNode(text.slice(last, to) + (to < text.length ? " …" : "")));
			return out;
		}

		/* Results grouped by section, the sections in the order of their
		 * best result. */
		function show(q) {
			var hits = search(q), groups = [], by = {}, n = 0;
			list.textContent = "";
			if (!fold(q).trim()) { status.textContent = ""; return; }
			hits.forEach(function (h) {
				var s = h.e.it.s || "";
				if (!by.hasOwnProperty(s)) { by[s] = []; groups.push(s); }
				by[s].push(h);
			});
			groups.forEach(function (s) {
				var g = doc.createElement("div"), name = doc.createElement("p");
				var ul = doc.createElement("ul"), id = "pk-search-group-" + (n++);
				g.className = "pk-search-group";
				g.setAttribute("role", "group");
				g.setAttribute("aria-labelledby", id);
				name.className = "pk-search-group-name";
				name.id = id;
				name.textContent = s || str("pk-str-other", "other");
				g.appendChild(name);
				by[s].forEach(function (h) {
					var it = h.e.it, li = doc.createElement("li"), a = doc.createElement("a");
					var sn;
					a.href = new URL(it.u, base).href;
					a.appendChild(doc.createTextNode(it.t));
					if ((sn = snippet(it.x, h.terms))) a.appendChild(sn);
					li.appendChild(a);
					ul.appendChild(li);
				});
				g.appendChild(ul);
				list.appendChild(g);
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
			closed = false;
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
			} else if (ev.key === "Escape" && list.firstChild) {
				ev.preventDefault();        /* the query stays */
				closed = true;
				list.textContent = "";
				status.textContent = "";
				input.focus();
			} else if (ev.key === "ArrowDown" && !links.length && closed &&
				doc.activeElement === input && input.value) {
				ev.preventDefault();        /* opens them again */
				closed = false;
				update();
			}
		});
		form.addEventListener("focusout", function (ev) {
			if (ev.relatedTarget && !form.contains(ev.relatedTarget)) list.textContent = "";
		});
		input.addEventListener("focus", function () { if (input.value && !list.firstChild && !closed) update(); });
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

	/* The privacy note's button: every answer of this site, at once. */
	function initClearAll(box) {
		var button = box.querySelector("button");
		var said = doc.querySelector(".pk-clear-status");
		var nojs = doc.querySelector(".pk-nojs");
		if (!button) return;
		box.hidden = false;
		if (nojs) nojs.hidden = true;
		button.addEventListener("click", function () {
			var keys = [], i, k;
			if (store) {
				try {
					for (i = 0; i < store.length; i++) {
						k = store.key(i);
						if (k && k.indexOf("pactkit:") === 0) keys.push(k);
					}
					keys.forEach(function (x) { store.removeItem(x); });
				} catch (e) { /* denied: nothing kept either */ }
			}
			if (said) {
				said.textContent = keys.length ?
					str("pk-str-cleared", "cleared").replace("%d", String(keys.length)) :
					str("pk-str-nothing", "nothing");
			}
		});
	}

	/* A printed page says where it was read and when it was printed. */
	function printInfo() {
		var url = doc.querySelector(".pk-print-url");
		var date = doc.querySelector(".pk-print-date");
		if (url && /^https?:$/.test(location.protocol)) url.textContent = location.href.split("#")[0];
		if (date && Date.prototype.toLocaleDateString) {
			var d = new Date();
			date.textContent = " — " + str("pk-str-printed", "printed") + " ";
			var t = doc.createElement("time");
			t.setAttribute("datetime", d.toISOString().slice(0, 10));
			t.textContent = d.toLocaleDateString(doc.documentElement.lang || lang,
				{ day: "numeric", month: "long", year: "numeric" });
			date.appendChild(t);
		}
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

	/* The navigation and a long page's contents stand open on wide
	 * screens (pactkit.css shows them without JavaScript too, where the
	 * browser can; opened here, they are open for assistive technology
	 * and for browsers that cannot). */
	function unfold() {
		var wide = window.matchMedia && window.matchMedia("(min-width: 60em)");
		if (!wide) return;
		function set() {
			Array.prototype.forEach.call(doc.querySelectorAll(".pk-side, .pk-toc-fold"), function (d) {
				d.open = wide.matches;
			});
		}
		set();
		if (wide.addEventListener) wide.addEventListener("change", set);
	}

	function init() {
		var resize = 0;
		unfold();
		markScrollables();
		window.addEventListener("resize", function () {
			clearTimeout(resize);
			resize = setTimeout(markScrollables, 100);
		});
		var s = doc.querySelector("form[data-pk-index]");
		if (s) initSearch(s);
		Array.prototype.forEach.call(doc.querySelectorAll("form.pk-form[data-pk-form]"), initForm);
		var all = doc.querySelector(".pk-clear-all");
		if (all) initClearAll(all);
		printInfo();
		window.addEventListener("beforeprint", printInfo);
		/* textareas printed at the height of what was typed */
		window.addEventListener("beforeprint", function () {
			Array.prototype.forEach.call(doc.querySelectorAll(".pk-form textarea"), grow);
		});
	}

	if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
	else init();
})();
