/**
 * Large exchange files, in Node (the pure parts; the database side is exchangeLargeState.test.ts):
 * - the file read in pieces (src/storage/envelopeScanner.ts) gives exactly the result of the
 *   whole text, wherever the pieces are cut: every fixture, and seeded random damage to a file
 *   (structural characters put in, cut short) that never throws past the importer;
 * - what the scanner adds: a top-level key twice is refused, nesting is refused while reading,
 *   members after the terrains are checked too; photos are read one by one like the terrains, in
 *   either order, and each must belong to a building of a terrain somewhere in the file;
 * - each limit's refusal names the limit in Dutch and English, also when found in the last terrain;
 * - the export in pieces is exactly JSON.stringify(envelope, null, 2).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provinceParts, provinceTerrains } from '../../scripts/province';
import type { ExportedPhoto } from '../../src/storage/photoFile';
import { envelopeParts, exportEnvelope, exportParts, LIMITS, serializeEnvelope, type ExportEnvelope } from '../../src/storage/envelope';
import { createImporter, parseImport, type ImportResult } from '../../src/storage/restore';

const root = (rel: string): string => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
const read = (rel: string): string => readFileSync(root(rel), 'utf8');
const FIXTURES = ['export-v1', 'export-v2', 'export-v3', 'export-v4', 'export-v5', 'export-rejected'].flatMap((dir) =>
  readdirSync(root(`tests/fixtures/${dir}`))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `tests/fixtures/${dir}/${f}`),
);
const INTERNAL_FAILURE = 'Het bestand kon niet worden gelezen';

/** The text fed in pieces cut at these positions. */
function inPieces(text: string, cuts: number[]): ImportResult {
  const importer = createImporter();
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
    importer.feed(text.slice(from, cut));
    from = cut;
  }
  importer.feed(text.slice(from));
  return importer.finish();
}

const outcome = (r: ImportResult) =>
  r.ok ? { ok: true, terrains: r.terrains, photos: r.photos.map(({ blob, ...p }) => ({ ...p, size: blob.size, type: blob.type })), envelope: r.envelope } : { ok: false, message: r.message };

function refusal(r: ImportResult): { nl: string; en: string } {
  if (r.ok) throw new Error('expected a refusal');
  expect(r.message.nl).toMatch(/Er is niets geïmporteerd of gewijzigd\.$/);
  expect(r.message.en).toMatch(/Nothing was imported or changed\.$/);
  expect(r.message.nl).not.toContain(INTERNAL_FAILURE);
  return r.message;
}

const minimal = (): ExportEnvelope => JSON.parse(read('tests/fixtures/export-v1/minimal.json')) as ExportEnvelope;
const bare = (i: number, buildings = 0) => ({ id: `t${i}`, name: `T${i}`, facts: {}, buildings: Array.from({ length: buildings }, (_, b) => ({ id: `b${b}`, name: `B${b}`, facts: {} })) });

describe('reading in pieces', { timeout: 30_000 }, () => {
  it.each(FIXTURES)('%s: the same result wherever the pieces are cut', (file) => {
    const text = read(file);
    const whole = outcome(parseImport(text));
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (cuts) => {
        expect(outcome(inPieces(text, cuts))).toEqual(whole);
      }),
      { numRuns: 40 },
    );
    // One character at a time: every state of the scanner meets a piece's end.
    expect(outcome(inPieces(text, Array.from({ length: text.length }, (_, i) => i)))).toEqual(whole);
  });

  it('damaged files (structural characters put in, cut short): never thrown past, refused whenever JSON.parse refuses, the same in pieces', () => {
    const text = read('tests/fixtures/export-v1/all-terrains.json');
    const damage = fc.record({
      at: fc.nat(),
      insert: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\\"', ' ', '0', 'null', '\uFEFF', '"terrains":[]', '"type":1,'),
      cut: fc.boolean(),
      cuts: fc.array(fc.nat(), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(damage, ({ at, insert, cut, cuts }) => {
        const i = at % (text.length + 1);
        const damaged = cut ? text.slice(0, i) : text.slice(0, i) + insert + text.slice(i);
        const whole = parseImport(damaged);
        let json = true;
        try {
          JSON.parse(damaged.replace(/^\uFEFF/, '')); // a byte order mark at the start is accepted, as before
        } catch {
          json = false;
        }
        if (!json) refusal(whole);
        else if (!whole.ok) refusal(whole);
        expect(outcome(inPieces(damaged, cuts))).toEqual(outcome(whole));
      }),
      { numRuns: 400 },
    );
  });

  it('a top-level key twice is refused (JSON.parse would keep the last one silently)', () => {
    const text = read('tests/fixtures/export-v1/minimal.json').replace('{', '{"toolboxVersion": "1.0.0",');
    expect(refusal(parseImport(text)).nl).toMatch(/^Het veld "toolboxVersion" staat meer dan eens in het bestand\./);
  });

  it('members after the terrains are checked as well (type, an unknown field)', () => {
    const { terrains, ...header } = minimal();
    const after = (extra: Record<string, unknown>) => `{"terrains": ${JSON.stringify(terrains)}, ${JSON.stringify({ ...header, ...extra }).slice(1)}`;
    expect(parseImport(after({})).ok).toBe(true);
    expect(outcome(parseImport(after({})))).toEqual(outcome(parseImport(JSON.stringify(minimal()))));
    expect(refusal(parseImport(after({ extra: 1 }))).nl).toMatch(/onbekend veld "extra"/);
    expect(refusal(parseImport(after({ type: 'x' }))).nl).toMatch(/geen exportbestand/);
  });

  it('nesting is refused while reading, before the piece is parsed', () => {
    const importer = createImporter();
    const text = JSON.stringify(minimal()).replace('"facts":{}', `"facts":{"deep":${'['.repeat(100)}`);
    // No closing brackets yet: the value is unfinished, and already refused.
    expect(importer.feed(text)?.nl).toMatch(/dieper genest dan een exportbestand ooit is \(meer dan 16 niveaus\)/);
    expect(importer.feed(']'.repeat(100))?.nl).toMatch(/dieper genest/);
    expect(refusal(importer.finish()).nl).toMatch(/dieper genest/);
  });
});

describe('photos read one by one', { timeout: 30_000 }, () => {
  const fixture = (): ExportEnvelope => JSON.parse(read('tests/fixtures/export-v5/photos.json')) as ExportEnvelope;
  /** The fixture's text with its members in this order. */
  const ordered = (env: ExportEnvelope, keys: (keyof ExportEnvelope)[]): string => JSON.stringify(Object.fromEntries(keys.map((k) => [k, env[k]])));

  it('photos before the terrains give the same result as after them', () => {
    const env = fixture();
    const after = outcome(parseImport(JSON.stringify(env)));
    expect(after.ok && after.photos?.length).toBe(2);
    expect(outcome(parseImport(ordered(env, ['photos', 'type', 'formatVersion', 'toolboxVersion', 'appVersion', 'exportedAt', 'terrains'])))).toEqual(after);
    expect(outcome(parseImport(ordered(env, ['type', 'formatVersion', 'photos', 'toolboxVersion', 'appVersion', 'exportedAt', 'terrains'])))).toEqual(after);
  });

  it("a photo whose building is in no terrain of the file is refused once all terrains are read, and named", () => {
    const env = fixture();
    env.photos![1].buildingId = 'nergens';
    const text = ordered(env, ['type', 'formatVersion', 'photos', 'toolboxVersion', 'appVersion', 'exportedAt', 'terrains']);
    expect(refusal(parseImport(text)).nl).toMatch(/^Foto 2 \(id "[^"]+"\): hoort bij gebouw "nergens", dat niet in zijn terrein staat\./);
  });

  it('a photo with a forbidden key, a schema error or a second id is refused where it is', () => {
    const env = fixture();
    const withKey = ordered(env, ['type', 'formatVersion', 'toolboxVersion', 'appVersion', 'exportedAt', 'terrains', 'photos']).replace('"caption":', '"__proto__":{},"caption":');
    expect(refusal(parseImport(withKey)).nl).toMatch(/niet toegestane sleutel "__proto__"/);
    const twice = fixture();
    twice.photos![1].id = twice.photos![0].id;
    expect(refusal(parseImport(JSON.stringify(twice))).nl).toMatch(/^Foto 2 .*meer dan eens/);
    const wide = fixture();
    wide.photos![0].width = 0;
    expect(refusal(parseImport(JSON.stringify(wide))).nl).toMatch(/breedte/);
  });

  it(`more than ${LIMITS.maxPhotos} photos are refused at the one past the limit`, () => {
    const env = fixture();
    const one = env.photos![0];
    const importer = createImporter();
    const text = JSON.stringify({ ...env, photos: [] }).replace('"photos":[]', `"photos":[${Array.from({ length: LIMITS.maxPhotos + 1 }, (_, i) => JSON.stringify({ ...one, id: `p${i}`, type: 'image/png', data: 'iVBORw0KGgo=' })).join(',')}]`);
    importer.feed(text);
    expect(refusal(importer.finish()).nl).toMatch(/^Het bestand bevat meer dan 10\.000 foto's; de grens is 10\.000\./);
  });
});

describe('limits, each named in its message', { timeout: 30_000 }, () => {
  it(`more than ${LIMITS.maxBytes / 1024 / 1024} MB fed in pieces is refused at the piece that crosses it`, () => {
    const importer = createImporter();
    expect(importer.feed('{"pad": "')).toBeNull();
    // 3 bytes a character: the limit counts UTF-8 bytes, not characters.
    const piece = '€'.repeat(1024 * 1024);
    let bytes = 9;
    while (bytes + 3 * piece.length <= LIMITS.maxBytes) {
      expect(importer.feed(piece)).toBeNull();
      bytes += 3 * piece.length;
    }
    const message = importer.feed(piece);
    expect(message?.nl).toMatch(/^Het bestand is groter dan 100 MB, de grens voor een import\./);
    expect(message?.en).toMatch(/^The file is larger than 100 MB, the limit for an import\./);
  });

  it(`more than ${LIMITS.maxBuildings} buildings in all is refused where the count crosses it`, () => {
    const perTerrain = LIMITS.maxBuildingsPerTerrain;
    const full = LIMITS.maxBuildings / perTerrain;
    const env = { ...minimal(), terrains: Array.from({ length: full }, (_, i) => bare(i, perTerrain)) };
    expect(parseImport(JSON.stringify(env)).ok).toBe(true);
    env.terrains.push(bare(full, 1));
    const m = refusal(parseImport(JSON.stringify(env)));
    expect(m.nl).toMatch(/^Het bestand bevat meer dan 100\.000 gebouwen \(grens bereikt bij terrein 101\); de grens is 100\.000\./);
    expect(m.en).toMatch(/^The file holds more than 100,000 buildings \(limit reached at park 101\); the limit is 100,000\./);
  });

  it('a refusal found in the last terrain of a province-size file names that terrain', () => {
    const terrains = [...provinceTerrains(200, 10)];
    terrains[199].buildings[9].facts.roofAreaM2 = -5;
    const m = refusal(parseImport(serializeEnvelope(exportEnvelope(terrains))));
    expect(m.nl).toMatch(/^Terrein 200 \("Bedrijventerrein 200"\), gebouw 10 \("Gebouw 10"\), gegeven "Dakoppervlak" \(roofAreaM2\): .*In het bestand staat -5\./);
    expect(m.en).toMatch(/^Park 200 \("Bedrijventerrein 200"\), building 10/);
  });

  // The full 631 × 48 (52 MB) is imported in the browser test and the benchmark; here 631 × 6 keeps the suite quick.
  it("a province's 631 parks (6 buildings each here, with surveys and locations) are accepted, every terrain restored", () => {
    const result = parseImport([...provinceParts(631, 6)].join(''));
    if (!result.ok) throw new Error(result.message.nl);
    expect(result.terrains).toHaveLength(631);
    expect(result.terrains.reduce((n, t) => n + t.buildings.length, 0)).toBe(631 * 6);
    expect(result.terrains[630]).toEqual([...provinceTerrains(631, 6)][630]);
  }, 30_000);
});

describe('the export in pieces', { timeout: 30_000 }, () => {
  const at = new Date('2026-12-02T00:00:00.000Z');
  const photo = (id: string, t: ExportEnvelope['terrains'][number]): ExportedPhoto => ({
    id, terrainId: t.id, buildingId: t.buildings[0].id, type: 'image/png', width: 2, height: 1, takenAt: '2026-12-01T10:00:00.000Z', caption: 'meterkast', data: 'iVBORw0KGgo=',
  });
  async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
    for (const item of items) yield item;
  }
  const collect = async (parts: AsyncIterable<string>): Promise<string[]> => {
    const out: string[] = [];
    for await (const part of parts) out.push(part);
    return out;
  };

  it('is exactly JSON.stringify(envelope, null, 2) and a newline, for none, one and many terrains, with and without photos', async () => {
    for (const terrains of [[], [...provinceTerrains(1, 3)], [...provinceTerrains(7, 2)]]) {
      for (const photos of terrains.length ? [[], [photo('p1', terrains[0])], terrains.map((t, i) => photo(`p${i}`, t))] : [[]]) {
        const env = exportEnvelope(terrains, { now: at, photos });
        const parts = await collect(exportParts(terrains, each(photos), { now: at }));
        // One part per terrain and per photo, the end of the terrains and the end of the file.
        expect(parts).toHaveLength(terrains.length + photos.length + 2);
        expect(parts.join('')).toBe(`${JSON.stringify(env, null, 2)}\n`);
        expect(serializeEnvelope(env)).toBe(parts.join(''));
      }
    }
  });

  it('writes an explicit empty photo list as JSON.stringify does', () => {
    const env = { ...exportEnvelope([...provinceTerrains(1, 1)], { now: at }), photos: [] };
    expect([...envelopeParts(env)].join('')).toBe(`${JSON.stringify(env, null, 2)}\n`);
  });

  it('leaves the local revision out', () => {
    const [t] = provinceTerrains(1, 1);
    expect([...envelopeParts({ ...exportEnvelope([]), terrains: [{ ...t, revision: 7 }] })].join('')).not.toContain('"revision"');
  });
});
