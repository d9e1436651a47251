/* "Near my location": asks the browser for the position only when the user chooses it,
   then searches with lat/lon. Nothing is stored or sent anywhere else. */
(function () {
  "use strict";
  if (!("geolocation" in navigator)) { return; }

  function withPosition(callback) {
    navigator.geolocation.getCurrentPosition(function (pos) {
      callback(pos.coords.latitude.toFixed(5), pos.coords.longitude.toFixed(5));
    }, function () {
      callback(null, null);
    }, { timeout: 10000, maximumAge: 600000 });
  }

  document.querySelectorAll("a[data-locate]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      withPosition(function (lat, lon) {
        var url = new URL(link.href, window.location.href);
        if (lat) { url.searchParams.set("lat", lat); url.searchParams.set("lon", lon); }
        window.location.href = url.toString();
      });
    });
  });

  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var near = form.querySelector("select[name=nahe]");
      if (!near || near.value !== "standort" || form.dataset.located) { return; }
      event.preventDefault();
      withPosition(function (lat, lon) {
        ["lat", "lon"].forEach(function (name, i) {
          var input = form.querySelector("input[name=" + name + "]") || document.createElement("input");
          input.type = "hidden";
          input.name = name;
          input.value = i === 0 ? lat || "" : lon || "";
          form.appendChild(input);
        });
        form.dataset.located = "1";
        form.submit();
      });
    });
  });
})();
