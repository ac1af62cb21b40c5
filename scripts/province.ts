/**
 * A generated province for the exchange tests and the import benchmark: PROVINCE.terrains parks
 * of PROVINCE.buildings companies each (Zuid-Holland: 631 parks, IBIS 2017; about 48 companies
 * each), every building with the engine benchmark's realistic facts (10 % unknown), a survey
 * (company, address, KvK number, visit date) and a location. Seeded: the same file every run.
 *
 *   npx tsx scripts/province.ts out.json [terrains] [buildings]     writes the export file
 */
import { writeFileSync } from 'node:fs';
import type { Terrain } from '../src/engine/types';
import { envelopeParts, exportEnvelope } from '../src/storage/envelope';
import { randomTerrain } from './bench-engine';
import { seededRandom } from './bench-util';

export const PROVINCE = { terrains: 631, buildings: 48 } as const;
const SEED = 20261202;

/** The parks, generated one at a time (a province is never one array of text). */
export function* provinceTerrains(terrains: number = PROVINCE.terrains, buildings: number = PROVINCE.buildings, seed = SEED): Generator<Terrain> {
  const rnd = seededRandom(seed);
  for (let n = 0; n < terrains; n++) {
    const t = randomTerrain(rnd, buildings, 0.1, n);
    const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    yield {
      ...t,
      id: `zh-${n + 1}`,
      name: `Bedrijventerrein ${n + 1}`,
      municipality: ['Leiden', 'Delft', 'Gouda', 'Dordrecht', 'Zoetermeer'][n % 5],
      postcode4: String(2300 + (n % 700)),
      createdAt: at,
      updatedAt: at,
      buildings: t.buildings.map((b, i) => ({
        ...b,
        survey: {
          companyName: `Bedrijf ${n + 1}.${i + 1} B.V.`,
          address: `Industrieweg ${i + 1}`,
          kvkNumber: String(10_000_000 + n * 1000 + i),
          visitDate: '2026-11-20',
        },
        location: { lat: 52 + rnd() * 0.5, lon: 4 + rnd() * 0.8, accuracyM: 10, source: 'gps' as const },
      })),
    };
  }
}

/** The province's export file, in pieces (join them, or write them one by one). */
export const provinceParts = (terrains?: number, buildings?: number, seed?: number): Generator<string> =>
  envelopeParts({ ...exportEnvelope([], { now: new Date('2026-12-02T03:30:00.000Z') }), terrains: provinceTerrains(terrains, buildings, seed) });

if (process.argv[1]?.endsWith('province.ts') && process.argv[2]) {
  const [out, terrains, buildings] = process.argv.slice(2);
  writeFileSync(out, [...provinceParts(terrains ? Number(terrains) : undefined, buildings ? Number(buildings) : undefined)].join(''));
  console.log(`wrote ${out}`);
}
