/* The choropleth island: draws the districts of a level from the cached GeoJSON, coloured by
   the classes the server computed (JSON script tag). Without JavaScript the server-side SVG
   and the table below show the same. No tiles unless the operator configured them. */
(function () {
  "use strict";
  if (!window.L || !window.fetch) { return; }
  document.querySelectorAll(".ss-choropleth[data-choropleth]").forEach(function (el) {
    var source = document.getElementById(el.dataset.choropleth);
    if (!source) { return; }
    var config = JSON.parse(source.textContent);
    fetch(config.geojson, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (geojson) {
      el.hidden = false;
      el.classList.add("map--ready");
      el.parentElement.classList.add("ss-js");
      var map = L.map(el, { scrollWheelZoom: false, zoomSnap: 0.25 });
      if (el.dataset.tiles) {
        L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution || "" }).addTo(map);
      } else {
        el.classList.add("map--no-tiles");
      }
      var layer = L.geoJSON(geojson, {
        style: function (feature) {
          var area = config.areas[feature.properties.code] || {};
          var colour = area.c === null || area.c === undefined ? "#d9d9d9" : config.colours[area.c];
          return { color: "#4d4d4d", weight: 0.8, fillColor: colour, fillOpacity: 0.85 };
        },
        onEachFeature: function (feature, shape) {
          var area = config.areas[feature.properties.code] || {};
          var popup = document.createElement("div");
          var title = document.createElement("strong");
          title.textContent = feature.properties.name;
          popup.appendChild(title);
          if (area.v) {
            var value = document.createElement("div");
            value.textContent = area.v;
            popup.appendChild(value);
          }
          if (area.u) {
            var link = document.createElement("a");
            link.href = area.u;
            link.textContent = el.dataset.profileLabel || "Profil";
            popup.appendChild(link);
          }
          shape.bindPopup(popup);
          shape.bindTooltip(feature.properties.name + (area.v ? ": " + area.v : ""), { sticky: true });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    }).catch(function () { /* keep the server-side SVG */ });
  });
})();
