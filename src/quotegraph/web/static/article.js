// Article view: select a statement (from #s=<id>, ?s=<id>, a click in the text or the list),
// mark it, its cue and its speaker mention, and scroll it into view. No inline script: the
// page's Content-Security-Policy forbids it.
(function () {
  "use strict";
  var article = document.getElementById("article");
  if (!article) return;

  function fromHash() {
    var h = window.location.hash;
    if (h.indexOf("#s=") !== 0) return null;
    try { return decodeURIComponent(h.slice(3)); } catch (e) { return null; }
  }

  function attr(sid) { return '"' + String(sid).replace(/["\\]/g, "\\$&") + '"'; }

  function select(sid, scroll) {
    var marks = article.querySelectorAll("mark.stmt[data-sid=" + attr(sid) + "]");
    if (!marks.length) return false;
    article.querySelectorAll("mark.stmt.sel").forEach(function (m) { m.classList.remove("sel"); });
    article.querySelectorAll(".cue.on, .spk.on").forEach(function (m) { m.classList.remove("on"); });
    marks.forEach(function (m) { m.classList.add("sel"); });
    article.querySelectorAll(".cue[data-for~=" + attr(sid) + "], .spk[data-for~=" + attr(sid) + "]")
      .forEach(function (m) { m.classList.add("on"); });
    document.querySelectorAll(".statements li.st").forEach(function (li) {
      li.classList.toggle("active", li.getAttribute("data-sid") === sid);
    });
    article.setAttribute("data-selected", sid);
    if (scroll) {
      marks[0].scrollIntoView({ block: "center" });
      var li = document.querySelector(".statements li.st.active");
      if (li) li.scrollIntoView({ block: "nearest" });
    }
    return true;
  }

  function choose(sid) {
    var url = "?s=" + encodeURIComponent(sid) + "#s=" + encodeURIComponent(sid);
    history.replaceState(null, "", url);
    select(sid, true);
  }

  document.addEventListener("click", function (ev) {
    var pick = ev.target.closest("a.pick");
    if (pick) {
      ev.preventDefault();
      choose(pick.getAttribute("data-sid"));
      return;
    }
    if (ev.target.closest("a")) return; // actor links keep working inside statements
    var mark = ev.target.closest("mark.stmt");
    if (mark && article.contains(mark)) choose(mark.getAttribute("data-sid"));
  });

  window.addEventListener("hashchange", function () {
    var sid = fromHash();
    if (sid) select(sid, true);
  });

  var initial = fromHash() || article.getAttribute("data-selected");
  if (initial) select(initial, true);
})();
