/* The map island. Reads markers from a JSON script tag; the page works without it.
   Tiles only when the operator configured a tile server (no third-party requests otherwise);
   without one, the districts and the outline from our own data orient (issue 16). */
(function () {
  "use strict";
  if (!window.L) { return; }
  document.querySelectorAll(".map[data-features]").forEach(function (el) {
    var source = document.getElementById(el.dataset.features);
    if (!source) { return; }
    var features = JSON.parse(source.textContent);
    if (!features.length) { return; }
    el.classList.add("map--ready");
    el.textContent = "";
    var map = L.map(el, { scrollWheelZoom: false });
    // Right to left (Arabic): the map itself is not mirrored (north stays up, east right), but
    // its controls move to the side where the page starts (docs/dev/i18n.md).
    if (document.documentElement.dir === "rtl") {
      map.zoomControl.setPosition("topright");
      map.attributionControl.setPosition("bottomleft");
    }
    var bounds = [];
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution || "" }).addTo(map);
    } else {
      el.classList.add("map--no-tiles");
      // Our own base layer: the network's districts with their names and its outline.
      if (el.dataset.baseUrl && window.fetch) {
        fetch(el.dataset.baseUrl, { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) {
            if (!data || !data.features || !data.features.length) { return; }
            L.geoJSON(data, {
              interactive: false,
              style: function (f) {
                return f.properties.outline
                  ? { color: "#063f38", weight: 3, fill: true, fillColor: "#ffffff", fillOpacity: 0.55 }
                  : { color: "#0b5f55", weight: 1.5, dashArray: "4 3", fill: true, fillColor: "#eef5f3", fillOpacity: 0.6 };
              },
              onEachFeature: function (f, layer) {
                if (!f.properties.outline) {
                  layer.bindTooltip(f.properties.name, { permanent: true, direction: "center", className: "map-area-label" });
                }
              }
            }).addTo(map).bringToBack();
          })
          .catch(function () { /* the pins still show */ });
      }
    }
    features.forEach(function (f) {
      var icon = L.divIcon({ className: "map-marker", html: String(f.n), iconSize: [30, 30] });
      var marker = L.marker([f.lat, f.lon], { icon: icon, title: f.n + ". " + f.name, alt: f.n + ". " + f.name });
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = f.url;
      link.textContent = f.name;
      var place = document.createElement("div");
      place.textContent = f.place;
      popup.appendChild(link);
      popup.appendChild(place);
      // The visible number alone would be the button's name ("1"); say which offer it is.
      marker.on("add", function () { marker.getElement().setAttribute("aria-label", f.n + ". " + f.name); });
      marker.bindPopup(popup).addTo(map);
      bounds.push([f.lat, f.lon]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 15);
    } else {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    }
  });
})();
