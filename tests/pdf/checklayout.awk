# checklayout.awk: reads a --dump-layout file and prints one line per
# problem: a line wider than its measure, a box outside the margins (or,
# for header and footer, outside the page), boxes that overlap.
# Dump lines: "PAGE KIND X Y W H [m=MEASURE] [TEXT]"; "# page W H margins T R B L";
# "# size PAGE W H" for a page of another size (a landscape page); "# pages N".
function overlaps(i, j) {
	return X[i] < X[j] + W[j] - e && X[j] < X[i] + W[i] - e &&
	    Y[i] < Y[j] + H[j] - e && Y[j] < Y[i] + H[i] - e
}
function inside(i, j) {         # box i within box j
	return X[i] >= X[j] - e && X[i] + W[i] <= X[j] + W[j] + e &&
	    Y[i] >= Y[j] - e && Y[i] + H[i] <= Y[j] + H[j] + e
}
BEGIN { e = 0.02; n = 0; bad = 0 }
/^# (pages|measure|toc|part|duplex|back) / || /^# duplex$/ { next }
/^# size / { SW[$3] = $4; SH[$3] = $5; next }
# a drawing's geometry (svg-text, svg-mark...: corners, not X Y W H),
# inside its svg box, which is checked
$2 ~ /^svg-/ { next }
/^#/ { PW = $3; PH = $4; mt = $6; mr = $7; mb = $8; ml = $9; next }
{
	n++; P[n] = $1; K[n] = $2; X[n] = $3; Y[n] = $4; W[n] = $5; H[n] = $6
	T[n] = $0
	pw = ($1 in SW) ? SW[$1] : PW; ph = ($1 in SH) ? SH[$1] : PH
	if (K[n] == "line" && $7 ~ /^m=/) {
		m = substr($7, 3) + 0
		if (W[n] > m + e) { print "wider than its measure: " $0; bad++ }
	}
	if (K[n] == "header" || K[n] == "footer" || (K[n] == "rule" && $7 == "header")) {
		if (X[n] < -e || Y[n] < -e || X[n] + W[n] > pw + e || Y[n] + H[n] > ph + e) {
			print "outside the page: " $0; bad++
		}
	} else if (X[n] < ml - e || Y[n] < mt - e || X[n] + W[n] > pw - mr + e ||
	    Y[n] + H[n] > ph - mb + e) {
		print "outside the margins: " $0; bad++
	}
}
END {
	for (i = 1; i <= n; i++) {
		if (K[i] != "line" && K[i] != "field" && K[i] != "svg" && K[i] != "image") continue
		for (j = i + 1; j <= n; j++) {
			if (P[j] != P[i]) continue
			if (K[j] != "line" && K[j] != "field" && K[j] != "svg" && K[j] != "image") continue
			if (!overlaps(i, j)) continue
			if ((K[j] == "field" || K[i] == "field") && (inside(i, j) || inside(j, i))) continue
			print "overlap: " T[i] " | " T[j]; bad++
		}
	}
	if (n == 0) { print "empty dump"; bad++ }
	exit bad > 0
}
