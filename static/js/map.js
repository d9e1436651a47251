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
    if (el.dataset.viewportUrl && window.fetch) {
      // Many places (issue 16, ADR 1202): the server groups them into cells per zoom level;
      // the inline features only give the first view. Details are fetched on a tap.
      fitTo(map, features.map(function (f) { return [f.lat, f.lon]; }));
      viewportLayer(map, el);
      return;
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
    fitTo(map, bounds);
  });

  function fitTo(map, bounds) {
    if (bounds.length === 1) {
      map.setView(bounds[0], 15);
    } else {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    }
  }

  function withParams(url, params) {
    return url + (url.indexOf("?") === -1 ? "?" : "&") + params;
  }

  function label(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_m, key) { return String(values[key]); });
  }

  function viewportLayer(map, el) {
    var layer = L.layerGroup().addTo(map);
    var pending = 0;
    function load() {
      var b = map.getBounds();
      var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) {
        return v.toFixed(5);
      }).join(",");
      var ticket = ++pending;
      fetch(withParams(el.dataset.viewportUrl, "bbox=" + bbox + "&zoom=" + map.getZoom()), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data || ticket !== pending) { return; }
          layer.clearLayers();
          data.cells.forEach(function (cell) { layer.addLayer(cellMarker(map, el, cell)); });
        })
        .catch(function () { /* the list on the page still has every offer */ });
    }
    map.on("moveend", load);
    load();
  }

  function cellMarker(map, el, cell) {
    var lat = cell[0], lon = cell[1], offers = cell[2], places = cell[3], place = cell[4];
    var single = places === 1;
    var name = single
      ? label(el.dataset.labelPlace || "{offers}", { offers: offers })
      : label(el.dataset.labelCluster || "{offers} / {places}", { offers: offers, places: places });
    var size = single ? 30 : Math.min(56, 32 + Math.round(Math.log(offers) * 4));
    var icon = L.divIcon({
      className: single ? "map-marker" : "map-marker map-marker--cluster",
      html: String(offers),
      iconSize: [size, size]
    });
    var marker = L.marker([lat, lon], { icon: icon, title: name, alt: name, keyboard: true });
    marker.on("add", function () { marker.getElement().setAttribute("aria-label", name); });
    if (!single) {
      marker.on("click", function () { map.setView([lat, lon], Math.min(map.getZoom() + 2, 18)); });
      return marker;
    }
    marker.bindPopup(el.dataset.labelLoading || "…");
    marker.on("popupopen", function () {
      var url = withParams(el.dataset.placeUrl.replace("0.json", place + ".json"), el.dataset.filters || "");
      fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data) { marker.setPopupContent(placePopup(el, data)); } })
        .catch(function () { /* the popup keeps its loading text */ });
    });
    return marker;
  }

  function placePopup(el, data) {
    var box = document.createElement("div");
    var title = document.createElement("a");
    title.href = data.url;
    title.textContent = data.name;
    var strong = document.createElement("strong");
    strong.appendChild(title);
    box.appendChild(strong);
    if (data.address) {
      var address = document.createElement("div");
      address.textContent = data.address;
      box.appendChild(address);
    }
    var list = document.createElement("ul");
    data.offers.forEach(function (offer) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = offer.url;
      link.textContent = offer.name;
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(list);
    if (data.more) {
      var more = document.createElement("a");
      more.href = data.url;
      more.textContent = label(el.dataset.labelMore || "+{more}", { more: data.more });
      box.appendChild(more);
    }
    return box;
  }
})();
