/**
 * The GeoJSON export: valid RFC 7946 (a FeatureCollection of Points, [lon, lat] in WGS84
 * degrees, finite numbers only, no NaN after JSON), each building's company, KvK number and
 * statuses as the engine gives them, hostile names kept as strings, buildings without a
 * usable location counted. Random terrains run with the seeded fast-check (tests/unit/helpers/seed.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import measuresData from '../../../toolbox-data/measures.json';
import roomburg from '../../../toolbox-data/examples/roomburg.json';
import { assess } from '../../engine';
import type { Building, Terrain } from '../../engine/types';
import { geoJsonFile, GEOJSON_TYPE, statusLabelNl, terrainGeoJson, withoutLocation } from './geojson';

const base = roomburg as unknown as Terrain;

function located(): Terrain {
  const t = structuredClone(base);
  t.buildings[0].location = { lat: 52.1581, lon: 4.5123, accuracyM: 12, source: 'gps' };
  t.buildings[0].survey = { companyName: 'Groothandel Zuid B.V.', kvkNumber: '12345678', address: 'Roomburgerweg 1' };
  t.buildings[1].location = { lat: 52.15745, lon: 4.51412, source: 'hand' };
  return t;
}

/** What RFC 7946 asks of a FeatureCollection of Points, checked on the parsed file. */
function expectValidPoints(text: string): { type: string; features: { type: string; id: unknown; geometry: { type: string; coordinates: unknown[] }; properties: Record<string, unknown> }[] } {
  const parsed = JSON.parse(text);
  expect(parsed.type).toBe('FeatureCollection');
  expect(Array.isArray(parsed.features)).toBe(true);
  for (const f of parsed.features) {
    expect(f.type).toBe('Feature');
    expect(['string', 'number']).toContain(typeof f.id);
    expect(f.geometry.type).toBe('Point');
    expect(f.geometry.coordinates).toHaveLength(2);
    const [lon, lat] = f.geometry.coordinates as number[];
    expect(Number.isFinite(lon) && Number.isFinite(lat)).toBe(true);
    expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    expect(typeof f.properties).toBe('object');
    // No key the spec reserves inside a feature's own members.
    expect(Object.keys(f).sort()).toEqual(['geometry', 'id', 'properties', 'type']);
  }
  return parsed;
}

describe('terrainGeoJson', () => {
  it('each located building is a Point [lon, lat] with its company, KvK number and every measure status of the engine', () => {
    const terrain = located();
    const { measures } = assess(terrain);
    const file = geoJsonFile(terrain, measures);
    const parsed = expectValidPoints(file.contents);
    expect(parsed.features.map((f) => f.id)).toEqual([terrain.buildings[0].id, terrain.buildings[1].id]);
    const [first, second] = parsed.features;
    expect(first.geometry.coordinates).toEqual([4.5123, 52.1581]);
    expect(first.properties).toMatchObject({ name: terrain.buildings[0].name, companyName: 'Groothandel Zuid B.V.', kvkNumber: '12345678', address: 'Roomburgerweg 1', locationSource: 'gps', accuracyM: 12 });
    expect(second.properties).toMatchObject({ companyName: null, kvkNumber: null, locationSource: 'hand', accuracyM: null });
    const own = measures.filter((r) => r.buildingId === terrain.buildings[0].id);
    expect(own.length).toBeGreaterThan(5);
    expect(first.properties.statuses).toEqual(Object.fromEntries(own.map((r) => [r.measureId, r.status])));
    const pv = own.find((r) => r.measureId === 'pv-roof')!;
    const pvName = measuresData.measures.find((m) => m.id === 'pv-roof')!.label.nl;
    expect(first.properties[pvName]).toBe(statusLabelNl(pv.status));
    expect(statusLabelNl('feasible')).toBe('Haalbaar');
  });

  it('terrain-level verdicts stand in the collection, not on a building', () => {
    const terrain = located();
    const { measures } = assess(terrain);
    const collection = terrainGeoJson(terrain, measures);
    const park = measures.filter((r) => r.buildingId === undefined);
    expect(collection.terrain.statuses).toEqual(Object.fromEntries(park.map((r) => [r.measureId, r.status])));
    for (const f of collection.features) for (const r of park) expect(f.properties.statuses).not.toHaveProperty(r.measureId);
  });

  it('names the file "<terrein>-gebouwen.geojson" as application/geo+json, also for a hostile name', () => {
    const terrain = { ...located(), name: '<img src=x onerror=alert(1)>' };
    expect(geoJsonFile(terrain, []).name).toBe('img-src-x-onerror-alert-1-gebouwen.geojson');
    expect(geoJsonFile({ ...terrain, name: 'Roomburg' }, []).name).toBe('roomburg-gebouwen.geojson');
    expect(geoJsonFile({ ...terrain, name: '🌞' }, []).name).toBe('terrein-gebouwen.geojson');
    expect(geoJsonFile(terrain, []).type).toBe(GEOJSON_TYPE);
  });

  it('hostile names stay strings', () => {
    const terrain = located();
    const hostile = ['<script>alert(1)</script>', '"},{"type":"Feature"', '\u0000\u2028', '{"__proto__":1}'];
    terrain.name = hostile[0];
    terrain.buildings[0].name = hostile[1];
    terrain.buildings[0].survey = { companyName: hostile[2], address: hostile[3] };
    const parsed = expectValidPoints(geoJsonFile(terrain, []).contents) as unknown as { name: string; features: { properties: Record<string, unknown> }[] };
    expect(parsed.name).toBe(hostile[0]);
    expect(parsed.features).toHaveLength(2);
    expect(parsed.features[0].properties).toMatchObject({ name: hostile[1], companyName: hostile[2], address: hostile[3] });
  });

  it('random locations: valid points only, the rest counted; never NaN or a swapped pair', () => {
    const coordinate = fc.oneof(fc.double({ min: -200, max: 200 }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 90, -90, 180, -180));
    const building = fc.record({ lat: coordinate, lon: coordinate, has: fc.boolean() });
    fc.assert(
      fc.property(fc.array(building, { maxLength: 12 }), (list) => {
        const terrain: Terrain = {
          ...base,
          buildings: list.map(({ lat, lon, has }, i): Building => ({ id: `b${i}`, name: `Gebouw ${i}`, facts: {}, ...(has ? { location: { lat, lon, source: 'hand' as const } } : {}) })),
        };
        const parsed = expectValidPoints(geoJsonFile(terrain, []).contents);
        const valid = list.filter((b) => b.has && Math.abs(b.lat) <= 90 && Math.abs(b.lon) <= 180);
        expect(parsed.features.map((f) => f.geometry.coordinates)).toEqual(valid.map((b) => [b.lon === 0 ? 0 : b.lon, b.lat === 0 ? 0 : b.lat]));
        expect(withoutLocation(terrain)).toBe(list.length - valid.length);
      }),
    );
  });
});
