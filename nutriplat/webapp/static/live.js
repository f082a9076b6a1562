/* Live preview of a form, computed by the server (no rules in JavaScript).
   <form data-preview="URL" data-target="ID">: on load and whenever an answer changes,
   the form (with its CSRF token) is posted to URL and the returned HTML fragment
   replaces the content of #ID (an aria-live region). Without JavaScript the form
   still works: it is saved and validated by the server as usual. */
(function () {
  "use strict";
  function attach(form) {
    var target = document.getElementById(form.dataset.target);
    var timer = null, pending = null;
    function refresh() {
      if (pending) { pending.abort(); }
      pending = new AbortController();
      fetch(form.dataset.preview, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" }, signal: pending.signal
      }).then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      }).then(function (html) {
        target.innerHTML = html;
        target.setAttribute("data-state", "fresh");
      }).catch(function (error) {
        if (error && error.name === "AbortError") { return; }
        target.setAttribute("data-state", "failed");
      });
    }
    form.addEventListener("change", refresh);
    form.addEventListener("input", function (event) {
      if (event.target.type === "text" || event.target.type === "number") {
        clearTimeout(timer);
        timer = setTimeout(refresh, 500);
      }
    });
    refresh();
  }
  document.querySelectorAll("form[data-preview]").forEach(attach);
})();
