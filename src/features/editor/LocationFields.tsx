/**
 * A building's section "Locatie": "Huidige locatie" (the phone's GPS, which needs no signal),
 * or latitude and longitude typed by hand (decimal comma or point, range checked). A location
 * is stored only as a pair; a coordinate typed alone waits for the other, and text that fails
 * its check is never stored (the stored location stays). The engine never reads it. Its fields
 * enter the page when the fold is first opened (LazyGroup).
 */
import { useState } from 'preact/hooks';
import terrainSchema from '../../../toolbox-data/schema/terrain.schema.json';
import type { Building } from '../../engine/types';
import { formatNumber, t, tx } from '../../i18n';
import { terrains } from '../../state';
import { TextField } from '../../ui/TextField';
import { groupDomId, LazyGroup } from './LazyGroup';
import { AXIS_RANGE, parseCoordinate, readPosition, type Axis, type PositionProblem } from './location';

const schema = terrainSchema.definitions.buildingLocation.properties;
const SECTION_LABEL = terrainSchema.definitions.building.properties.location['x-label'];
const OTHER: Record<Axis, Axis> = { lat: 'lon', lon: 'lat' };
const PROBLEM_KEY = { denied: 'locationDenied', unavailable: 'locationUnavailable', timeout: 'locationTimeout', unsupported: 'locationUnsupported' } as const;

type GpsState = { kind: 'idle' | 'busy' | 'done' } | { kind: 'failed'; problem: PositionProblem };

/** Degrees as the reader writes them (52,1581 or 52.1581), up to 7 decimals (about 1 cm). */
const degrees = (value: number | undefined): string => (value === undefined ? '' : formatNumber(value, 7));

export function LocationFields({ terrainId, building }: { terrainId: string; building: Building }) {
  const stored = building.location;
  /** A coordinate typed while the other is still missing (nothing is stored until both are there). */
  const [pending, setPending] = useState<Partial<Record<Axis, number>>>({});
  const [gps, setGps] = useState<GpsState>({ kind: 'idle' });
  const store = (location: Building['location']) => terrains.updateBuilding(terrainId, building.id, { location });

  const commit = (axis: Axis, text: string): void => {
    const parsed = parseCoordinate(text, axis);
    if (!parsed.ok) {
      setPending(({ [axis]: _dropped, ...rest }) => rest);
      return;
    }
    const other = pending[OTHER[axis]] ?? stored?.[OTHER[axis]];
    if (other === undefined) {
      setPending((p) => ({ ...p, [axis]: parsed.value }));
      return;
    }
    setPending({});
    const point = { lat: stored?.lat, lon: stored?.lon, ...pending, [OTHER[axis]]: other, [axis]: parsed.value } as Record<Axis, number>;
    store({ lat: point.lat, lon: point.lon, source: 'hand' });
  };

  const check = (axis: Axis) => (text: string): string | null => {
    const parsed = parseCoordinate(text, axis);
    if (parsed.ok) return null;
    if (parsed.problem === 'empty') return stored ? t('locationEmpty') : null;
    if (parsed.problem === 'range') return t('locationRange', { min: formatNumber(AXIS_RANGE[axis].min), max: formatNumber(AXIS_RANGE[axis].max) });
    return t('locationNotNumber', { example: degrees(axis === 'lat' ? 52.1581 : 4.5123) });
  };

  const locate = async () => {
    setGps({ kind: 'busy' });
    const result = await readPosition(typeof navigator !== 'undefined' ? navigator.geolocation : undefined);
    if (!result.ok) return setGps({ kind: 'failed', problem: result.problem });
    setPending({});
    store(result.location);
    setGps({ kind: 'done' });
  };

  const waiting = (['lat', 'lon'] as const).find((axis) => pending[axis] !== undefined && stored === undefined && pending[OTHER[axis]] === undefined);
  const id = (axis: Axis) => `location-${building.id}-${axis}`;
  return (
    <LazyGroup id={groupDomId(building.id, 'location')} label={tx(SECTION_LABEL)} open={stored !== undefined}>
      {() => (
        <>
          <div class="actions">
            <button type="button" class="secondary" disabled={gps.kind === 'busy'} onClick={() => void locate()}>
              {gps.kind === 'busy' ? t('locationGpsBusy') : t('locationGps')}
            </button>
            {stored && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setPending({});
                  setGps({ kind: 'idle' });
                  store(undefined);
                }}
              >
                {t('locationClear')}
              </button>
            )}
          </div>
          <p class={gps.kind === 'failed' ? 'field-error' : 'muted'} aria-live="polite">
            {gps.kind === 'failed'
              ? t(PROBLEM_KEY[gps.problem])
              : !stored
                ? t('locationNone')
                : stored.source === 'hand'
                  ? t('locationSourceHand')
                  : stored.accuracyM !== undefined
                    ? t('locationSourceGps', { m: formatNumber(stored.accuracyM, 0) })
                    : t('locationSourceGpsPlain')}
          </p>
          <div class="grid">
            {(['lat', 'lon'] as const).map((axis) => (
              <TextField
                key={axis}
                id={id(axis)}
                label={tx(schema[axis]['x-label'])}
                value={degrees(stored?.[axis] ?? pending[axis])}
                inputMode="text"
                help={axis === 'lat' ? t('locationHelp') : undefined}
                check={check(axis)}
                onCommit={(text) => commit(axis, text)}
              />
            ))}
          </div>
          {waiting && (
            <p class="muted" aria-live="polite">
              {t('locationNeedsOther', { other: tx(schema[OTHER[waiting]]['x-label']).toLowerCase() })}
            </p>
          )}
        </>
      )}
    </LazyGroup>
  );
}
