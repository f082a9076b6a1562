// The driver's position as proof of delivery: asked once when the route page opens,
// written into every stop's hidden lat/lon; without permission the stops confirm without it.
(function () {
  if (!navigator.geolocation) return;
  navigator.geolocation.getCurrentPosition(function (where) {
    document.querySelectorAll("form.proof-form").forEach(function (form) {
      form.elements.lat.value = where.coords.latitude.toFixed(6);
      form.elements.lon.value = where.coords.longitude.toFixed(6);
    });
  }, function () {}, {maximumAge: 60000, timeout: 10000});
})();
