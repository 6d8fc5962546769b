import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../api/contract.ts';

/** Bundled marker: a CSS-drawn pin (no image files, nothing from other origins). */
const markerIcon = L.divIcon({
  className: 'alarm-marker',
  html: '<span class="alarm-marker__pin"></span>',
  iconSize: [28, 28],
  iconAnchor: [14, 28],
});

const DEFAULT_ZOOM = 16;

/**
 * The alarm's last known position with its accuracy circle. Tiles are drawn only when the server
 * configures a tile URL; otherwise marker and circle sit on a plain background.
 */
export function AlarmMap({ position, tileUrl }: { position: Position; tileUrl: string | null }) {
  const { t } = useTranslation();
  const el = useRef<HTMLElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);

  // Create the map once.
  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, { zoomControl: false, attributionControl: false, keyboard: true });
    layerRef.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    // The panel may still be laying out: measure again once it has settled.
    const id = window.setTimeout(() => map.invalidateSize(), 50);
    return () => {
      window.clearTimeout(id);
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, []);

  // Leaflet's own zoom buttons are named in English: name them in the page's language.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const zoom = L.control
      .zoom({ zoomInTitle: t('console.mapZoomIn'), zoomOutTitle: t('console.mapZoomOut') })
      .addTo(map);
    return () => {
      zoom.remove();
    };
  }, [t]);

  // Tiles only when configured (meta may arrive after the map exists).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    // The contract carries no attribution text; OpenStreetMap's tiles require one.
    const attribution = /openstreetmap/i.test(tileUrl) ? '© OpenStreetMap' : undefined;
    const tiles = L.tileLayer(tileUrl, { maxZoom: 19, attribution }).addTo(map);
    const credit = attribution ? L.control.attribution({ prefix: false }).addTo(map) : null;
    return () => {
      tiles.remove();
      credit?.remove();
    };
  }, [tileUrl]);

  // Marker and accuracy circle follow position updates.
  const { lat, lon, accuracy } = position;
  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) return;
    layer.clearLayers();
    const at = L.latLng(lat, lon);
    map.setView(at, DEFAULT_ZOOM, { animate: false });
    L.marker(at, { icon: markerIcon, keyboard: false, title: t('console.mapMarker') }).addTo(layer);
    if (accuracy != null && accuracy > 0) {
      L.circle(at, {
        radius: accuracy,
        className: 'alarm-accuracy',
        color: '#b3261e',
        weight: 2,
        fillOpacity: 0.12,
      }).addTo(layer);
      map.fitBounds(at.toBounds(accuracy * 2.4), { maxZoom: 18, animate: false });
    }
  }, [lat, lon, accuracy, t]);

  return (
    <section
      ref={el}
      className={`alarm-map${tileUrl ? '' : ' alarm-map--plain'}`}
      data-testid="alarm-map"
      aria-label={t('console.mapLabel')}
    />
  );
}
