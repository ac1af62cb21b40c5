import { describe, expect, it } from 'vitest';
import { fromPosition, parseCoordinate, POSITION_OPTIONS, readPosition } from './location';

describe('parseCoordinate', () => {
  it('takes a Dutch decimal comma, a point, a sign and a degree sign', () => {
    expect(parseCoordinate('52,1581', 'lat')).toEqual({ ok: true, value: 52.1581 });
    expect(parseCoordinate(' 4.5123 ', 'lon')).toEqual({ ok: true, value: 4.5123 });
    expect(parseCoordinate('-33,9', 'lat')).toEqual({ ok: true, value: -33.9 });
    expect(parseCoordinate('4,51°', 'lon')).toEqual({ ok: true, value: 4.51 });
    expect(parseCoordinate(',5', 'lon')).toEqual({ ok: true, value: 0.5 });
    expect(parseCoordinate('-0', 'lat')).toEqual({ ok: true, value: 0 });
  });

  it('refuses what is not one number, and says so by kind', () => {
    for (const text of ['52,15,81', '1.234,5', '52x', '1e2', 'NaN', 'Infinity', '52 N', '--1']) expect(parseCoordinate(text, 'lat'), text).toEqual({ ok: false, problem: 'number' });
    expect(parseCoordinate('  ', 'lat')).toEqual({ ok: false, problem: 'empty' });
  });

  it('keeps each axis to its range (latitude ±90, longitude ±180)', () => {
    expect(parseCoordinate('90', 'lat').ok).toBe(true);
    expect(parseCoordinate('90,0001', 'lat')).toEqual({ ok: false, problem: 'range' });
    expect(parseCoordinate('-91', 'lat')).toEqual({ ok: false, problem: 'range' });
    expect(parseCoordinate('120', 'lon')).toEqual({ ok: true, value: 120 });
    expect(parseCoordinate('180,5', 'lon')).toEqual({ ok: false, problem: 'range' });
  });
});

const fakeGeo = (act: (ok: PositionCallback, fail: PositionErrorCallback, options?: PositionOptions) => void): Geolocation =>
  ({ getCurrentPosition: act, watchPosition: () => 0, clearWatch: () => undefined }) as unknown as Geolocation;

describe('readPosition', () => {
  it('a fix becomes a gps location with its accuracy in whole metres, asked with high accuracy and a timeout', async () => {
    let asked: PositionOptions | undefined;
    const geo = fakeGeo((ok, _fail, options) => {
      asked = options;
      ok({ coords: { latitude: 52.1581, longitude: 4.5123, accuracy: 11.6 } } as GeolocationPosition);
    });
    expect(await readPosition(geo)).toEqual({ ok: true, location: { lat: 52.1581, lon: 4.5123, accuracyM: 12, source: 'gps' } });
    expect(asked).toEqual(POSITION_OPTIONS);
  });

  it('refused, unavailable, timed out and no GPS each give their reason; it never rejects', async () => {
    const failing = (code: number) => fakeGeo((_ok, fail) => fail({ code, message: '' } as GeolocationPositionError));
    expect(await readPosition(failing(1))).toEqual({ ok: false, problem: 'denied' });
    expect(await readPosition(failing(2))).toEqual({ ok: false, problem: 'unavailable' });
    expect(await readPosition(failing(3))).toEqual({ ok: false, problem: 'timeout' });
    expect(await readPosition(undefined)).toEqual({ ok: false, problem: 'unsupported' });
    const throwing = fakeGeo(() => {
      throw new Error('insecure context');
    });
    expect(await readPosition(throwing)).toEqual({ ok: false, problem: 'unsupported' });
  });

  it('a fix that is no point (NaN, out of range) is no location', () => {
    expect(fromPosition({ latitude: Number.NaN, longitude: 4, accuracy: 5 })).toBeNull();
    expect(fromPosition({ latitude: 91, longitude: 4, accuracy: 5 })).toBeNull();
    expect(fromPosition({ latitude: 52, longitude: 4, accuracy: Number.NaN })).toEqual({ lat: 52, lon: 4, source: 'gps' });
  });
});
