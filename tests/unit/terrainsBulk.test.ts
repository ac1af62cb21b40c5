/**
 * The terrains model's bulk edits: copy the facts of another building (not its name or
 * survey), and one answer for all buildings; each is one edit and one save.
 */
import { describe, expect, it } from 'vitest';
import { getTerrain } from '../../src/storage/terrainRepository';
import { app, freshAppPerTest } from './helpers/appState';

freshAppPerTest();

async function threeBuildings() {
  const t = await app.terrains.create('Bulk');
  app.terrains.addBuilding(t.id);
  app.terrains.addBuilding(t.id);
  const [a, b, c] = app.terrains.byId.value.get(t.id)!.buildings.map((x) => x.id);
  app.terrains.setFact(t.id, a, 'roofAreaM2', 5000);
  app.terrains.setFact(t.id, a, 'monument', 'none');
  app.terrains.updateBuilding(t.id, b, { survey: { companyName: 'Bakkerij B' } });
  app.terrains.setFact(t.id, b, 'gasM3', 12000);
  await app.save.flush();
  return { id: t.id, a, b, c, revision: (await getTerrain(t.id))!.revision };
}

describe('bulk edits', () => {
  it('copy from another building replaces the facts only, in one save', async () => {
    const { id, a, b, revision } = await threeBuildings();
    app.terrains.copyFactsFrom(id, b, a);
    await app.save.flush();
    const stored = (await getTerrain(id))!;
    const target = stored.buildings.find((x) => x.id === b)!;
    expect(target.facts).toEqual({ roofAreaM2: 5000, monument: 'none' });
    expect(target.name).toBe('Gebouw 2');
    expect(target.survey).toEqual({ companyName: 'Bakkerij B' });
    expect(stored.revision).toBe(revision + 1);
    // A copy, not the same object: editing the source later leaves the target alone.
    app.terrains.setFact(id, a, 'roofAreaM2', 10);
    expect(app.terrains.byId.value.get(id)!.buildings.find((x) => x.id === b)!.facts.roofAreaM2).toBe(5000);
  });

  it('one answer for all buildings sets it everywhere, as one edit and one save', async () => {
    const { id, a, b, c, revision } = await threeBuildings();
    const before = app.terrains.byId.value.get(id)!.buildings;
    app.terrains.setFactForAll(id, 'monument', 'none');
    const after = app.terrains.byId.value.get(id)!.buildings;
    expect(after[0]).toBe(before[0]); // already had it: the same object
    await app.save.flush();
    const stored = (await getTerrain(id))!;
    expect(stored.buildings.map((x) => x.facts.monument)).toEqual(['none', 'none', 'none']);
    expect(stored.buildings.find((x) => x.id === b)!.facts.gasM3).toBe(12000);
    expect(stored.revision).toBe(revision + 1);
    expect([a, b, c]).toEqual(stored.buildings.map((x) => x.id));
  });
});
