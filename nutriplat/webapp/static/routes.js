/* The route plan page. 1. Live progress of a plan being optimised. The page marks the progress card with
   data-plan-status="URL" (a JSON endpoint giving status and progress); this polls it
   every second, updates the bar and the count, and reloads the page once the run has
   ended so the server renders the routes. Without JavaScript a link reloads the page.
   2. Drag and drop of stops, on top of the keyboard-usable move form: dropping a stop
   row onto a row of a route fills that form (stop, route, position) and submits it, so
   the server checks and applies the move exactly as when the form is used. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-move-form]");
  if (!form) { return; }
  var dragged = null;
  document.querySelectorAll("tr[data-stop-id]").forEach(function (row) {
    row.addEventListener("dragstart", function (event) {
      dragged = row.dataset.stopId;
      event.dataTransfer.setData("text/plain", dragged);
      event.dataTransfer.effectAllowed = "move";
    });
    row.addEventListener("dragend", function () { dragged = null; });
  });
  document.querySelectorAll("tbody[data-route-id]").forEach(function (body) {
    body.addEventListener("dragover", function (event) { if (dragged) { event.preventDefault(); } });
    body.addEventListener("drop", function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      var rows = Array.prototype.slice.call(body.querySelectorAll("tr[data-stop-id]"));
      var target = event.target.closest("tr");
      form.elements.stop_id.value = dragged;
      form.elements.route_id.value = body.dataset.routeId;
      form.elements.position.value = String(target ? rows.indexOf(target) + 1 : rows.length + 1);
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });
})();

(function () {
  "use strict";
  var card = document.querySelector("[data-plan-status]");
  if (!card) { return; }
  var bar = card.querySelector("[role=progressbar]");
  var text = document.getElementById("progress-text");
  var badge = document.getElementById("plan-status");
  function poll() {
    fetch(card.dataset.planStatus, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (plan) {
        if (plan.status !== "queued" && plan.status !== "running") {
          window.location.reload();
          return;
        }
        var percent = Math.round(plan.progress.fraction * 100);
        bar.setAttribute("aria-valuenow", String(percent));
        bar.firstElementChild.style.width = percent + "%";
        text.textContent = text.dataset.template.replace("{n}", plan.progress.solutions_found);
        if (plan.status === "running") { badge.textContent = badge.dataset.running; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
