using System.Security.Cryptography;
using System.Text;

namespace DatRules.Data;

/// <summary>
/// The report's only style sheet and script, inline, and the Content-Security-Policy that allows exactly them (by their
/// SHA-256 hashes) and nothing else: no other script, style, font, image, frame or connection, so the file works offline
/// and as an e-mail attachment, and text from the input can never run as code.
/// </summary>
internal static class HtmlAssets
{
    // Line ends are "\n" whatever the source file's: the browser hashes the text as parsed, where CR LF is LF.

    /// <summary>The style sheet (screen and print; the chart's colours too, SVG being inline).</summary>
    public static readonly string Style = """
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:24px auto;max-width:1280px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#555;margin:0 0 12px}dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0}
dl.facts dt{color:#555}dl.facts dd{margin:0}.note{color:#555;font-size:13px}.warn{color:#9a3412}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:3px 6px;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
th{background:#f5f5f5;position:sticky;top:0}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:inherit}
th[aria-sort=ascending] button::after{content:" \25B2"}th[aria-sort=descending] button::after{content:" \25BC"}
td.reasons{color:#444;min-width:260px;max-width:460px}td.date,td.num{white-space:nowrap}.scroll{overflow-x:auto}
details summary{cursor:pointer}.cls-dat{color:#b91c1c;font-weight:600}.cls-operating{color:#166534}.cls-indeterminate{color:#6b7280}
svg.chart{width:100%;max-width:900px;height:auto;display:block}svg.chart text{font:11px system-ui,sans-serif;fill:#333}
svg.chart .axis{stroke:#999;stroke-width:1}svg.chart .grid{stroke:#eee;stroke-width:1}svg.chart .threshold{stroke:#b91c1c;stroke-width:2;stroke-dasharray:6 3}
svg.chart .band{fill:#fde68a;fill-opacity:.35}svg.chart .mark{stroke:#fff;stroke-width:1}svg.chart .mark.dat{fill:#b91c1c}
svg.chart .mark.operating{fill:#15803d}svg.chart .mark.indeterminate{fill:#fff;stroke:#6b7280;stroke-width:1.5}
svg.chart text.label{font-weight:600;fill:#111}svg.chart text.tick{fill:#666}svg.chart text.row{fill:#888;font-size:9px}
.hint{color:#555;font-size:12px}@media print{th{position:static}body{margin:0}}
""".ReplaceLineEndings("\n");

    /// <summary>
    /// The script: makes every <c>table.sortable</c> sortable by a click on a column heading (numbers by value, text in
    /// order, empty cells last either way), and sorts the issuer table on load when the address asks for it
    /// (<c>report.html?sort=ratio&amp;dir=desc</c>). Without it the tables read the same, in the screen's order.
    /// </summary>
    public static readonly string Script = """
(function () {
  'use strict';
  function key(cell, numeric) {
    var v = cell.getAttribute('data-sort');
    if (v === null) { v = cell.textContent.trim(); }
    if (v === '') { return null; }
    return numeric ? parseFloat(v) : v;
  }
  function sortBy(table, col, dir) {
    var heads = table.tHead.rows[0].cells;
    var numeric = heads[col].classList.contains('num');
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (r, i) { return { row: r, i: i, k: key(r.cells[col], numeric) }; });
    rows.sort(function (a, b) {
      if (a.k === null || b.k === null) { return a.k === b.k ? a.i - b.i : (a.k === null ? 1 : -1); }
      var c = numeric ? a.k - b.k : a.k.localeCompare(b.k);
      return c !== 0 ? (dir === 'desc' ? -c : c) : a.i - b.i;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
    heads[col].setAttribute('aria-sort', dir === 'desc' ? 'descending' : 'ascending');
    table.setAttribute('data-sorted', heads[col].getAttribute('data-key') + ' ' + dir);
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (head, col) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = head.textContent;
      head.textContent = '';
      head.appendChild(button);
      button.addEventListener('click', function () {
        sortBy(table, col, head.getAttribute('aria-sort') === 'ascending' ? 'desc' : 'asc');
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('.hint'), function (h) { h.hidden = false; });
  var query = new URLSearchParams(window.location.search);
  var issuers = document.getElementById('issuers');
  if (issuers && query.get('sort')) {
    Array.prototype.forEach.call(issuers.tHead.rows[0].cells, function (head, col) {
      if (head.getAttribute('data-key') === query.get('sort')) { sortBy(issuers, col, query.get('dir') === 'desc' ? 'desc' : 'asc'); }
    });
  }
})();
""".ReplaceLineEndings("\n");

    /// <summary>The Content-Security-Policy: nothing but the inline style and script above, by hash.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
