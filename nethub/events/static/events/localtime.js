// Shows an event's time in the reader's own time zone, next to the event's zone.
// Progressive: without JavaScript the page gives the event's zone and UTC.
(function () {
  "use strict";
  function show() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    document.querySelectorAll("[data-reader-time]").forEach(function (el) {
      var when = new Date(el.getAttribute("data-reader-time"));
      if (isNaN(when)) { return; }
      var text = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        weekday: "short", day: "numeric", month: "long", year: "numeric",
        hour: "2-digit", minute: "2-digit", timeZoneName: "short"
      }).format(when);
      el.textContent = el.getAttribute("data-label").replace("%s", text + " (" + zone + ")");
      el.hidden = false;
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", show); } else { show(); }
})();
