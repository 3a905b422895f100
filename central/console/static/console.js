// Live parts of the console: an element with data-live="URL" is fetched again every
// data-every milliseconds and its content replaced; the alert count in the title
// follows the X-Alert-Count header. Without JavaScript the pages still work (reload).
(function () {
  "use strict";
  function refresh(el) {
    fetch(el.dataset.live, {credentials: "same-origin", headers: {"Accept": "text/html"}})
      .then(function (r) {
        if (r.redirected || !r.ok) { return null; }
        var count = r.headers.get("X-Alert-Count");
        if (count !== null) {
          document.title = document.title.replace(/^\(\d+\) /, "");
          if (count !== "0") { document.title = "(" + count + ") " + document.title; }
        }
        return r.text();
      })
      .then(function (html) { if (html !== null) { el.innerHTML = html; } })
      .catch(function () { /* the next round tries again */ });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-live]").forEach(function (el) {
      var every = parseInt(el.dataset.every, 10) || 5000;
      setInterval(function () { refresh(el); }, every);
    });
  });
})();
