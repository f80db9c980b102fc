// geomap's interactive map: draws the layers embedded in this page with Leaflet. Every string that comes from a
// report or an event file reaches the page as text (textContent, text nodes, attribute values), never as HTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('geomap-data').textContent);
  var incidentFeatures = data.incidents.features.filter(function (f) { return f.geometry && f.geometry.type === 'Point'; });
  var clustered = incidentFeatures.length > data.clusterAbove;

  // maxZoom: clusters need one, and without tiles nothing else sets it.
  var map = L.map('map', { zoomControl: false, zoomSnap: 0.25, maxZoom: 18 });
  map.attributionControl.setPrefix(false);
  // Panes fix the drawing order whatever the day adds or removes: basemap, zones, uncertainty, places,
  // incidents, labels.
  [['geomap-basemap', 250], ['geomap-zones', 380], ['geomap-uncertainty', 390], ['geomap-places', 410], ['geomap-incidents', 420],
   ['geomap-labels', 640]].forEach(function (p) { map.createPane(p[0]).style.zIndex = p[1]; });
  map.getPane('geomap-labels').style.pointerEvents = 'none';
  var canvas = L.canvas({ padding: 0.3, pane: 'geomap-incidents' });

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svgEl(tag, attributes) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attributes).forEach(function (k) { e.setAttribute(k, String(attributes[k])); });
    return e;
  }
  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }
  function control(position, build) {
    var C = L.Control.extend({ onAdd: function () { var node = build(); L.DomEvent.disableClickPropagation(node); L.DomEvent.disableScrollPropagation(node); return node; } });
    return new C({ position: position }).addTo(map);
  }
  function isNumber(x) { return typeof x === 'number' && isFinite(x); }

  // Days as 'YYYY-MM-DD' strings and whole UTC days.
  function dayNumber(s) { var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || ''); return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 : null; }
  function dayText(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

  // Basemap: countries (those the data is in kept light), first-level regions, settlements for orientation.
  if (data.tiles) L.tileLayer(data.tiles.url, { attribution: escapeHTML(data.tiles.attribution), maxZoom: 18 }).addTo(map);
  var basemap = L.layerGroup().addTo(map);
  L.geoJSON(data.basemap.countries, {
    pane: 'geomap-basemap', interactive: false,
    style: function (f) { return { fillColor: f.properties.focus ? '#fbfaf7' : '#e8e4db', fillOpacity: data.tiles ? 0 : 1, color: '#6f685e', weight: 1.2 }; }
  }).addTo(basemap);
  L.geoJSON(data.basemap.regions, { pane: 'geomap-basemap', interactive: false, style: { fill: false, color: '#b9b1a4', weight: 0.8, dashArray: '4 3' } }).addTo(basemap);
  var labels = L.layerGroup().addTo(map);
  function label(name, lat, lon, className) {
    var node = el('div'); node.appendChild(el('span', null, name));
    L.marker([lat, lon], { pane: 'geomap-labels', interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'geomap-label' + (className ? ' ' + className : ''), html: node, iconSize: null }) }).addTo(labels);
  }
  data.basemap.countries.features.forEach(function (f) {
    var at = f.properties.label_at;
    if (at && !f.properties.focus) label(String(f.properties.name).toUpperCase(), at[1], at[0], 'geomap-country');
  });
  data.labels.forEach(function (p) {
    L.circleMarker([p.lat, p.lon], { pane: 'geomap-labels', radius: 2.5, weight: 1, color: '#ffffff', fillColor: '#555555', fillOpacity: 1, interactive: false }).addTo(labels);
    label(p.name, p.lat, p.lon);
  });

  // Popups: built from text nodes when opened; panned clear of the title and search box.
  var popupOptions = { maxWidth: 400, maxHeight: 460, autoPanPaddingTopLeft: L.point(70, 130), autoPanPaddingBottomRight: L.point(30, 70) };
  function popup(title, rows, quote) {
    var root = el('div', 'geomap-popup');
    if (title) root.appendChild(el('h3', null, title));
    var table = el('table');
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === '') return;
      var tr = el('tr'); tr.appendChild(el('th', null, r[0]));
      var td = el('td');
      if (r[1] instanceof Node) td.appendChild(r[1]); else td.textContent = String(r[1]);
      tr.appendChild(td); table.appendChild(tr);
    });
    root.appendChild(table);
    if (quote) { root.appendChild(el('div', 'geomap-quote-label', 'From the report:')); root.appendChild(el('blockquote', 'geomap-evidence', quote)); }
    return root;
  }
  // "8 (SOHR); 22 (al-Khabar)": one line per source's claim.
  function claimList(text) {
    if (!text) return null;
    var list = el('ul', 'geomap-claims');
    String(text).split('; ').forEach(function (part) {
      var m = /^(\d+) \((.*)\)$/.exec(part);
      list.appendChild(el('li', null, m ? m[1] + ' killed, according to ' + m[2] : part));
    });
    return list;
  }
  var precisionText = { 1: '1: the named place itself', 2: '2: near a named place or within its district', 3: '3: only a region, or a distance-only ring' };
  function reportOf(id) { var s = String(id || ''); var i = s.lastIndexOf(':'); return i > 0 ? s.slice(0, i) : null; }
  function incidentPopup(p) {
    var tolls = isNumber(p.fatalities_best) ? String(p.fatalities_best) + (p.fatalities_high !== p.fatalities_low ? ' (' + p.fatalities_low + '–' + p.fatalities_high + ' across sources)' : '') : null;
    return popup([p.sub_type, p.location].filter(Boolean).join(' · '), [
      ['Date', p.event_date || 'undated'], ['Event type', p.event_type], ['Sub-event', p.sub_type], ['Actors', p.actors],
      ['Fatality claims', claimList(p.fatality_claims)], ['Best estimate', tolls], ['Geo precision', precisionText[p.geo_precision] || p.geo_precision],
      ['Uncertainty', isNumber(p.uncertainty_km) ? p.uncertainty_km + ' km' : null], ['Admin 1', p.admin1], ['Sources', p.source],
      ['Report', reportOf(p.id)], ['Notes', p.notes]
    ], p.evidence);
  }
  function zonePopup(p) {
    var period = p.start_date || p.end_date ? (p.start_date || '…') + ' to ' + (p.end_date || '…') : (p.as_of ? 'as of ' + p.as_of : ('start_date' in p ? 'undated claims' : null));
    return popup(p.actor + ' ' + p.status, [['Period', period], ['Area', isNumber(p.area_km2) ? p.area_km2 + ' km²' : null],
      ['Drawn from', p.places], ['Claims from', p.sources]]);
  }
  function uncertaintyPopup(p) {
    return popup('Uncertainty area', [['Expression', p.expression], ['Anchor', p.anchor], ['Distance', isNumber(p.distance_km) ? p.distance_km + ' km' : null],
      ['Bearing', isNumber(p.bearing_deg) ? p.bearing_deg + '°' : null], ['Area', isNumber(p.area_km2) ? p.area_km2 + ' km²' : null]]);
  }
  function placePopup(p) {
    return popup(p.name, [['Kind', p.kind], ['Admin 1', p.admin1], ['Country', p.country], ['Written as', p.surface_forms], ['Mentions', p.mentions], ['Id', p.id]]);
  }

  // Control zones: one layer per feature, shown by the day (timeline periods) or always (one as-of day).
  var zonesGroup = L.layerGroup().addTo(map);
  var zones = data.zones.features.map(function (f) {
    var p = f.properties, contested = p.status === 'contested', colour = data.style.actors[p.actor] || '#777777';
    var layer = L.geoJSON(f, { pane: 'geomap-zones', style: contested ? { color: '#333333', weight: 1.2, fillColor: 'url(#geomap-hatch)', fillOpacity: 1 }
                                                : { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.3 } });
    layer.bindPopup(function () { return zonePopup(p); }, popupOptions);
    return { layer: layer, timeline: 'start_date' in p, start: dayNumber(p.start_date), end: dayNumber(p.end_date), shown: false };
  });
  var firstZoneStart = null, lastZoneEnd = null;
  zones.forEach(function (z) {
    if (z.start !== null && (firstZoneStart === null || z.start < firstZoneStart)) firstZoneStart = z.start;
    if (z.end !== null && (lastZoneEnd === null || z.end > lastZoneEnd)) lastZoneEnd = z.end;
  });
  function zoneShown(z, day) {
    if (!z.timeline) return true;
    if (z.start === null) return day === null || firstZoneStart === null || day < firstZoneStart;   // undated claims, before any dated one
    if (day === null) return false;
    // The last periods end on the last claim's day: nothing changed after it, so they hold on later days.
    return z.start <= day && (day <= z.end || z.end === lastZoneEnd);
  }

  // Uncertainty areas and places.
  var uncertaintyGroup = L.geoJSON(data.uncertainty, { pane: 'geomap-uncertainty', style: { color: '#333333', weight: 1.2, dashArray: '6 4', fillColor: '#555555', fillOpacity: 0.06 },
    onEachFeature: function (f, layer) { layer.bindPopup(function () { return uncertaintyPopup(f.properties); }, popupOptions); } }).addTo(map);
  var placeMarkers = [];
  var placesGroup = L.geoJSON(data.places, {
    pointToLayer: function (f, ll) { return L.circleMarker(ll, { pane: 'geomap-places', radius: 3.5, weight: 1, color: '#ffffff', fillColor: '#222222', fillOpacity: 1, className: 'geomap-place' }); },
    onEachFeature: function (f, layer) {
      layer.bindPopup(function () { return placePopup(f.properties); }, popupOptions);
      layer.bindTooltip(el('span', null, f.properties.name || ''), { direction: 'top' });
      placeMarkers.push({ feature: f, layer: layer });
    }
  }).addTo(map);

  // Incidents: colour by event type, size by the best toll (white when none is reported), dashes for a place
  // known only near (2) or within a region (3); largest drawn first so small ones stay on top.
  // Radius in pixels for a toll: a single death stays visible, the area grows with the number.
  function incidentRadius(deaths) { return Math.min(30, 5 + 1.3 * Math.sqrt(deaths || 0)); }
  function incidentStyle(p) {
    var best = isNumber(p.fatalities_best) && p.fatalities_best >= 0 ? p.fatalities_best : null;
    var colour = data.style.eventTypes[p.event_type] || '#555555';
    var precision = p.geo_precision;
    return { pane: 'geomap-incidents', className: 'geomap-incident', renderer: clustered ? canvas : undefined, radius: incidentRadius(best),
      color: best === null ? colour : '#222222', weight: best === null ? 2 : 1, dashArray: precision === 2 ? '4 3' : (precision === 3 ? '1 3' : null),
      fillColor: best === null ? '#ffffff' : colour, fillOpacity: precision === 3 ? 0.45 : 0.85 };
  }
  var incidents = incidentFeatures.map(function (f) {
    var p = f.properties, c = f.geometry.coordinates;
    var marker = L.circleMarker([c[1], c[0]], incidentStyle(p));
    marker.bindPopup(function () { return incidentPopup(p); }, popupOptions);
    return { marker: marker, day: dayNumber(p.event_date), props: p, best: isNumber(p.fatalities_best) ? p.fatalities_best : -1, shown: false };
  }).sort(function (a, b) { return b.best - a.best; });
  var incidentsGroup = clustered ? L.markerClusterGroup({ maxClusterRadius: 40, chunkedLoading: false }) : L.featureGroup();
  incidentsGroup.addTo(map);

  L.control.layers(null, { 'Control zones': zonesGroup, 'Incidents': incidentsGroup, 'Uncertainty areas': uncertaintyGroup,
                          'Places named in the reports': placesGroup, 'Basemap labels': labels }, { collapsed: true, position: 'topright' }).addTo(map);

  // The day: incidents up to it (or within a window before it), zones as of it. Undated incidents always show.
  var dayNumbers = [];
  incidents.forEach(function (i) { if (i.day !== null) dayNumbers.push(i.day); });
  zones.forEach(function (z) { if (z.start !== null) dayNumbers.push(z.start); if (z.end !== null) dayNumbers.push(z.end); });
  var firstDay = dayNumbers.length ? Math.min.apply(null, dayNumbers) : null;
  var lastDay = dayNumbers.length ? Math.max.apply(null, dayNumbers) : null;
  var windowDays = 0, currentDay = lastDay;

  function showDay(day) {
    currentDay = day;
    var from = day !== null && windowDays > 0 ? day - windowDays + 1 : null;
    var add = [], remove = [];
    incidents.forEach(function (i) {
      var show = i.day === null || day === null || (i.day <= day && (from === null || i.day >= from));
      if (show !== i.shown) { (show ? add : remove).push(i.marker); i.shown = show; }
    });
    if (clustered) { incidentsGroup.removeLayers(remove); incidentsGroup.addLayers(add); }
    else { remove.forEach(function (m) { incidentsGroup.removeLayer(m); }); add.forEach(function (m) { incidentsGroup.addLayer(m); }); }
    zones.forEach(function (z) {
      var show = zoneShown(z, day);
      if (show !== z.shown) { if (show) zonesGroup.addLayer(z.layer); else zonesGroup.removeLayer(z.layer); z.shown = show; }
    });
    if (dayOutput) dayOutput.textContent = day === null ? 'all days' : (from !== null ? dayText(from) + ' to ' : 'up to ') + dayText(day);
  }

  // Furniture: title, zoom, search, layers, north arrow, legend, scale bar, time slider, attribution.
  control('topleft', function () {
    var box = el('div', 'geomap-title'); box.appendChild(el('h1', null, data.title));
    if (data.subtitle) box.appendChild(el('div', 'geomap-asof', data.subtitle));
    return box;
  });
  L.control.zoom({ position: 'topleft' }).addTo(map);

  var searchable = [];
  placeMarkers.forEach(function (m) {
    var p = m.feature.properties;
    [p.name].concat(String(p.surface_forms || '').split('; ')).forEach(function (n) { if (n) searchable.push({ name: n, at: m.layer.getLatLng(), open: function () { return placePopup(p); } }); });
  });
  incidents.forEach(function (i) { if (i.props.location) searchable.push({ name: i.props.location, at: i.marker.getLatLng(), open: function () { return incidentPopup(i.props); } }); });
  data.labels.forEach(function (p) { searchable.push({ name: p.name, at: L.latLng(p.lat, p.lon), open: null }); });
  control('topleft', function () {
    var box = el('div', 'geomap-search'), input = el('input'), miss = el('span', 'geomap-miss'), list = el('datalist');
    input.type = 'search'; input.placeholder = 'Find a place'; input.setAttribute('aria-label', 'Find a place'); input.setAttribute('list', 'geomap-names');
    list.id = 'geomap-names';
    var seen = {};
    searchable.map(function (s) { return s.name; }).sort().forEach(function (n) { if (!seen[n]) { seen[n] = true; var o = el('option'); o.value = n; list.appendChild(o); } });
    function find() {
      var q = input.value.trim().toLowerCase();
      if (!q) { miss.textContent = ''; return; }
      var hit = searchable.filter(function (s) { return s.name.toLowerCase() === q; })[0]
             || searchable.filter(function (s) { return s.name.toLowerCase().indexOf(q) === 0; })[0]
             || searchable.filter(function (s) { return s.name.toLowerCase().indexOf(q) >= 0; })[0];
      if (!hit) { miss.textContent = 'not on this map'; return; }
      miss.textContent = '';
      map.setView(hit.at, Math.max(map.getZoom(), 9));
      if (hit.open) L.popup(popupOptions).setLatLng(hit.at).setContent(hit.open()).openOn(map);
    }
    input.addEventListener('change', find);
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') find(); });
    box.appendChild(input); box.appendChild(list); box.appendChild(miss);
    return box;
  });

  control('topright', function () {
    var box = el('div', 'geomap-north'); box.title = 'North (Web Mercator: north is up)';
    var s = svgEl('svg', { width: 24, height: 38, viewBox: '-12 -20 24 38', role: 'img', 'aria-label': 'North arrow' });
    s.appendChild(svgEl('path', { d: 'M0 -6L7 14L0 9L-7 14Z', fill: '#222222' }));
    var n = svgEl('text', { x: 0, y: -9, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 'bold' }); n.textContent = 'N'; s.appendChild(n);
    box.appendChild(s);
    return box;
  });

  control('bottomright', function () {
    var box = el('div', 'geomap-legend');
    function swatch(build) { var s = svgEl('svg', { width: 26, height: 18, viewBox: '0 0 26 18' }); build(s); return s; }
    function row(svg, text) { var r = el('div', 'row'); r.appendChild(svg); r.appendChild(el('span', null, text)); box.appendChild(r); }
    var actors = Object.keys(data.style.actors).sort();
    var contested = data.zones.features.some(function (f) { return f.properties.status === 'contested'; });
    if (actors.length || contested) {
      box.appendChild(el('h2', null, data.zoneNote));
      actors.forEach(function (a) { row(swatch(function (s) { s.appendChild(svgEl('rect', { x: 2, y: 3, width: 22, height: 12, fill: data.style.actors[a], 'fill-opacity': 0.3, stroke: data.style.actors[a], 'stroke-width': 2 })); }), a); });
      if (contested) row(swatch(function (s) { s.appendChild(svgEl('rect', { x: 2, y: 3, width: 22, height: 12, fill: 'url(#geomap-hatch)', stroke: '#333333' })); }), 'contested');
    }
    var types = Object.keys(data.style.eventTypes).sort();
    if (incidents.length) {
      box.appendChild(el('h2', null, 'Incidents'));
      types.forEach(function (t) { row(swatch(function (s) { s.appendChild(svgEl('circle', { cx: 13, cy: 9, r: 6, fill: data.style.eventTypes[t], stroke: '#222222' })); }), t); });
      row(swatch(function (s) { s.appendChild(svgEl('circle', { cx: 13, cy: 9, r: 6, fill: '#ffffff', stroke: '#555555', 'stroke-width': 2 })); }), 'toll not reported');
      var sizes = el('div', 'row');
      [1, 10, 50].forEach(function (d) {
        var r = incidentRadius(d);
        var s = svgEl('svg', { width: 2 * r + 4, height: 2 * r + 4 }); s.appendChild(svgEl('circle', { cx: r + 2, cy: r + 2, r: r, fill: '#bbbbbb', stroke: '#222222' }));
        sizes.appendChild(s); sizes.appendChild(el('span', null, String(d)));
      });
      sizes.appendChild(el('span', null, 'dead (best estimate)'));
      box.appendChild(sizes);
      row(swatch(function (s) { s.appendChild(svgEl('circle', { cx: 13, cy: 9, r: 6, fill: '#bbbbbb', stroke: '#222222', 'stroke-dasharray': '4 3', 'stroke-width': 1.5 })); }), 'near a named place (geo precision 2)');
      row(swatch(function (s) { s.appendChild(svgEl('circle', { cx: 13, cy: 9, r: 6, fill: '#bbbbbb', 'fill-opacity': 0.45, stroke: '#222222', 'stroke-dasharray': '1 3', 'stroke-width': 1.5 })); }), 'region only (geo precision 3)');
    }
    if (data.uncertainty.features.length || placeMarkers.length) box.appendChild(el('h2', null, 'Locations'));
    if (data.uncertainty.features.length) row(swatch(function (s) { s.appendChild(svgEl('rect', { x: 2, y: 3, width: 22, height: 12, fill: 'none', stroke: '#333333', 'stroke-dasharray': '5 3' })); }), 'uncertainty of a relative location');
    if (placeMarkers.length) row(swatch(function (s) { s.appendChild(svgEl('circle', { cx: 13, cy: 9, r: 3.5, fill: '#222222' })); }), 'place named in the reports');
    return box;
  });

  L.control.scale({ imperial: false, position: 'bottomleft', maxWidth: 160 }).addTo(map);
  var slider = null, dayOutput = null, timer = null;
  if (firstDay !== null) {
    control('bottomleft', function () {
      var box = el('div', 'geomap-time'), play = el('button', null, 'Play'), windowSelect = el('select');
      slider = el('input'); slider.type = 'range'; slider.min = '0'; slider.max = String(lastDay - firstDay); slider.step = '1'; slider.value = slider.max;
      slider.setAttribute('aria-label', 'Day'); slider.id = 'geomap-day';
      dayOutput = el('output'); dayOutput.setAttribute('for', 'geomap-day');
      [['0', 'up to the day'], ['1', 'that day'], ['7', '7 days'], ['30', '30 days']].forEach(function (o) { var opt = el('option', null, o[1]); opt.value = o[0]; windowSelect.appendChild(opt); });
      windowSelect.setAttribute('aria-label', 'Incidents shown');
      slider.addEventListener('input', function () { showDay(firstDay + Number(slider.value)); });
      windowSelect.addEventListener('change', function () { windowDays = Number(windowSelect.value); showDay(currentDay); });
      play.addEventListener('click', function () {
        if (timer !== null) { clearInterval(timer); timer = null; play.textContent = 'Play'; return; }
        if (Number(slider.value) >= Number(slider.max)) slider.value = '0';
        play.textContent = 'Pause';
        showDay(firstDay + Number(slider.value));
        timer = setInterval(function () {
          if (Number(slider.value) >= Number(slider.max)) { clearInterval(timer); timer = null; play.textContent = 'Play'; return; }
          slider.value = String(Number(slider.value) + 1);
          showDay(firstDay + Number(slider.value));
        }, 700);
      });
      box.appendChild(play); box.appendChild(slider); box.appendChild(dayOutput); box.appendChild(windowSelect);
      return box;
    });
  }
  data.attribution.forEach(function (a) { map.attributionControl.addAttribution(escapeHTML(a)); });

  // A link may carry the day: map.html#day=2014-01-12.
  var asked = /(?:^#|&)day=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  var start = asked && dayNumber(asked[1]) !== null && firstDay !== null ? Math.max(firstDay, Math.min(lastDay, dayNumber(asked[1]))) : lastDay;
  if (slider && start !== null) slider.value = String(start - firstDay);
  map.fitBounds([[data.extent[1], data.extent[0]], [data.extent[3], data.extent[2]]]);
  showDay(start);

  window.geomap = {
    map: map,
    shownIncidents: function () { return incidents.filter(function (i) { return i.shown; }).length; },
    shownZones: function () { return zones.filter(function (z) { return z.shown; }).length; },
    clustered: clustered
  };
  // Ready once the browser has drawn the first frame: milliseconds since navigation, for tests and benchmarks.
  requestAnimationFrame(function () { requestAnimationFrame(function () {
    document.documentElement.setAttribute('data-geomap-ready', performance.now().toFixed(1));
  }); });
})();
