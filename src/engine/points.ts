/** Which buildings have a location the GeoJSON export can hold as a point (finite degrees within WGS84's range). Small and pure, so the terrain's summary can count them for the list. */
import type { Building, Terrain } from './types';

export function hasPoint(building: Pick<Building, 'location'>): boolean {
  const l = building.location;
  return !!l && typeof l.lat === 'number' && typeof l.lon === 'number' && Number.isFinite(l.lat) && Number.isFinite(l.lon) && Math.abs(l.lat) <= 90 && Math.abs(l.lon) <= 180;
}

/** The buildings of this terrain without such a location (the list says "3 gebouwen zonder locatie"). */
export const withoutLocation = (terrain: Pick<Terrain, 'buildings'>): number => terrain.buildings.filter((b) => !hasPoint(b)).length;
