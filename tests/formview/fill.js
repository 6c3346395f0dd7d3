// mutool run fill.js IN.pdf OUT.pdf VALUES-JSON: fills the fields named in
// VALUES ({ name: "text" | true | "/state" }) as a user of MuPDF would,
// each widget's appearance made again by MuPDF (update)
var doc = new PDFDocument(scriptArgs[0]);
var vals = JSON.parse(scriptArgs[2]);
var done = {};
function near(a, b) {
  for (var i = 0; i < 4; i++) if (Math.abs(a[i] - b[i]) > 0.05) return false;
  return true;
}
for (var i = 0; i < doc.countPages(); i++) {
  var page = doc.loadPage(i), annots = doc.findPage(i).get("Annots");
  var ws = page.getWidgets();
  for (var k = 0; k < ws.length; k++) {
    var w = ws[k], r = w.getRect(), obj = null, j;
    for (j = 0; annots && j < annots.length; j++) {
      var a = annots.get(j), ar = a.get("Rect"), box = [ar.get(0), ar.get(1), ar.get(2), ar.get(3)];
      // getRect is in MuPDF's page space (y down): compare with the flipped box
      var h = doc.findPage(i).get("MediaBox").get(3);
      if (near([box[0], h - box[3], box[2], h - box[1]], r)) { obj = a; break; }
    }
    if (obj == null) continue;
    var t = obj.get("T"), parent = obj.get("Parent");
    var name = (t && !t.isNull()) ? t.asString() : parent.get("T").asString();
    var v = vals[name];
    if (v === undefined) continue;
    var type = w.getFieldType();
    if (type == "text") { w.setTextValue(v); w.update(); done[name] = 1; }
    else if (type == "checkbox" && v === true) { w.toggle(); w.update(); done[name] = 1; }
    else if (type == "radiobutton") {
      var on = null;
      obj.get("AP").get("N").forEach(function (key) { if (String(key) != "Off") on = String(key); });
      if ("/" + on == v) { w.toggle(); w.update(); done[name] = 1; }
    }
  }
}
for (var n in vals) if (!done[n]) throw new Error("field not filled: " + n);
doc.save(scriptArgs[1]);
