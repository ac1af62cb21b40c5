/**
 * A building's location, pure: a coordinate typed by hand (Dutch decimal comma or a point, the
 * range the schema declares) and the phone's GPS position turned into a stored location, or
 * into the reason there is none (refused, unavailable, timed out, no GPS in this browser).
 */
import terrainSchema from '../../../toolbox-data/schema/terrain.schema.json';
import type { BuildingLocation } from '../../engine/types';

export type Axis = 'lat' | 'lon';

/** The range of each coordinate, as terrain.schema.json declares it. */
export const AXIS_RANGE: Readonly<Record<Axis, { min: number; max: number }>> = {
  lat: { min: terrainSchema.definitions.buildingLocation.properties.lat.minimum, max: terrainSchema.definitions.buildingLocation.properties.lat.maximum },
  lon: { min: terrainSchema.definitions.buildingLocation.properties.lon.minimum, max: terrainSchema.definitions.buildingLocation.properties.lon.maximum },
};

export type CoordinateResult = { ok: true; value: number } | { ok: false; problem: 'empty' | 'number' | 'range' };

/** "52,1581", "52.1581", " 4,51° " → degrees; no thousands separators, no exponent. */
export function parseCoordinate(text: string, axis: Axis): CoordinateResult {
  const trimmed = text.trim().replace(/\s*°$/u, '');
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/u.test(trimmed)) return { ok: false, problem: 'number' };
  const value = Number(trimmed.replace(',', '.'));
  const { min, max } = AXIS_RANGE[axis];
  if (!Number.isFinite(value) || value < min || value > max) return { ok: false, problem: 'range' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

export type PositionProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';
export type PositionResult = { ok: true; location: BuildingLocation } | { ok: false; problem: PositionProblem };

/** High accuracy (a walk outside), at most 20 s, a fix up to a minute old is good enough. */
export const POSITION_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 };

/** GeolocationPositionError's codes (1, 2, 3) in words. */
const PROBLEMS: Record<number, PositionProblem> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };

/** A GPS fix as a stored location (accuracy rounded to whole metres); a fix outside the schema's range is no location. */
export function fromPosition(coords: Pick<GeolocationCoordinates, 'latitude' | 'longitude' | 'accuracy'>): BuildingLocation | null {
  const { latitude: lat, longitude: lon, accuracy } = coords;
  if (![lat, lon].every(Number.isFinite) || Math.abs(lat) > AXIS_RANGE.lat.max || Math.abs(lon) > AXIS_RANGE.lon.max) return null;
  return Number.isFinite(accuracy) && accuracy >= 0 ? { lat, lon, accuracyM: Math.round(accuracy), source: 'gps' } : { lat, lon, source: 'gps' };
}

/** Asks the phone where it is (works without signal: GPS needs no network). Never rejects. */
export function readPosition(geolocation: Geolocation | undefined): Promise<PositionResult> {
  if (!geolocation?.getCurrentPosition) return Promise.resolve({ ok: false, problem: 'unsupported' });
  return new Promise((resolve) => {
    try {
      geolocation.getCurrentPosition(
        (position) => {
          const location = fromPosition(position.coords);
          resolve(location ? { ok: true, location } : { ok: false, problem: 'unavailable' });
        },
        (error) => resolve({ ok: false, problem: PROBLEMS[error?.code] ?? 'unavailable' }),
        POSITION_OPTIONS,
      );
    } catch {
      resolve({ ok: false, problem: 'unsupported' });
    }
  });
}
