/**
 * A terrain as GeoJSON (RFC 7946) for a municipality's GIS (QGIS, ArcGIS): a FeatureCollection
 * with one Point per building that has a location ([lon, lat], WGS84 degrees), carrying the
 * building's name, company, KvK number and address, where its location came from, and per
 * measure its status (measure id → status code under `statuses`, and one column per measure
 * with its Dutch name and Dutch status label). Terrain-level verdicts go in the collection's
 * own `terrain` member. Buildings without a usable location are counted, not guessed. Pure.
 */
import measuresData from '../../../toolbox-data/measures.json';
import { fileSlug } from '../../engine/slug';
import type { MeasureResult, Status, Terrain } from '../../engine/types';
import { nl } from '../../i18n/nl';
import type { FileToSave } from '../../ui/saveFile';
import { hasPoint } from '../../engine/points';

export { withoutLocation } from '../../engine/points';

export const GEOJSON_TYPE = 'application/geo+json';

/** Dutch names: a GIS column stays the same whatever language the app is in. */
const MEASURE_NAME = new Map((measuresData as { measures: { id: string; label: { nl: string } }[] }).measures.map((m) => [m.id, m.label.nl]));
export const statusLabelNl = (status: Status): string => nl[`status${status}`];

export interface PointFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [lon: number, lat: number] };
  properties: Record<string, string | number | null | Record<string, Status>>;
}

export interface TerrainGeoJson {
  type: 'FeatureCollection';
  name: string;
  terrain: { id: string; name: string; municipality: string | null; statuses: Record<string, Status> };
  features: PointFeature[];
}

const statusesOf = (results: readonly MeasureResult[]): Record<string, Status> => Object.fromEntries(results.map((r) => [r.measureId, r.status]));

export function terrainGeoJson(terrain: Terrain, measures: readonly MeasureResult[]): TerrainGeoJson {
  const byBuilding = new Map<string, MeasureResult[]>();
  for (const r of measures) if (r.buildingId !== undefined) byBuilding.set(r.buildingId, [...(byBuilding.get(r.buildingId) ?? []), r]);
  const features = terrain.buildings.filter(hasPoint).map((b): PointFeature => {
    const { lat, lon, accuracyM, source } = b.location!;
    const results = byBuilding.get(b.id) ?? [];
    const properties: PointFeature['properties'] = {
      name: b.name,
      companyName: b.survey?.companyName ?? null,
      kvkNumber: b.survey?.kvkNumber ?? null,
      address: b.survey?.address ?? null,
      locationSource: source,
      accuracyM: accuracyM ?? null,
      statuses: statusesOf(results),
    };
    for (const r of results) {
      const column = MEASURE_NAME.get(r.measureId) ?? r.measureId;
      if (!(column in properties)) properties[column] = statusLabelNl(r.status);
    }
    return { type: 'Feature', id: b.id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
  });
  return {
    type: 'FeatureCollection',
    name: terrain.name,
    terrain: { id: terrain.id, name: terrain.name, municipality: terrain.municipality || null, statuses: statusesOf(measures.filter((r) => r.buildingId === undefined)) },
    features,
  };
}

/** The file: "<terrein>-gebouwen.geojson", indented JSON as application/geo+json. */
export function geoJsonFile(terrain: Terrain, measures: readonly MeasureResult[]): FileToSave<string> {
  return { name: `${fileSlug(terrain.name) || 'terrein'}-gebouwen.geojson`, contents: `${JSON.stringify(terrainGeoJson(terrain, measures), null, 2)}\n`, type: GEOJSON_TYPE };
}
