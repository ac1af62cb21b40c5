/**
 * The terrains model's one write of a spreadsheet import (importBuildings): additions and
 * updates in one edit, saved at once, only the listed cells changed; an unknown terrain writes
 * nothing. And the column memory of the exchange model, kept in the meta store.
 */
import { describe, expect, it } from 'vitest';
import { getTerrain } from '../../src/storage/terrainRepository';
import { app, freshAppPerTest, model } from './helpers/appState';

freshAppPerTest();

describe('importBuildings', () => {
  it('adds and updates in one write: stored at once, other values of an updated building kept', async () => {
    const t = await app.terrains.create('Roomburg');
    const first = t.buildings[0].id;
    app.terrains.updateBuilding(t.id, first, { facts: { roofAreaM2: 900, asbestos: false }, survey: { companyName: 'Molen', notes: 'oud' } });
    await app.save.flush();
    const before = (await getTerrain(t.id))!.revision;

    const ok = await app.terrains.importBuildings(t.id, {
      add: [{ name: 'Nieuw B.V.', facts: { roofAreaM2: 1250.5 }, survey: { companyName: 'Nieuw B.V.', kvkNumber: '12345678' } }],
      update: [{ id: first, facts: { roofAreaM2: 1000 }, survey: { kvkNumber: '11112222' } }],
    });
    expect(ok).toBe(true);
    const stored = (await getTerrain(t.id))!;
    expect(stored.revision).toBe(before + 1);
    expect(stored.buildings).toHaveLength(2);
    expect(stored.buildings[0]).toEqual({ id: first, name: 'Gebouw 1', facts: { roofAreaM2: 1000, asbestos: false }, survey: { companyName: 'Molen', notes: 'oud', kvkNumber: '11112222' } });
    expect(stored.buildings[1]).toMatchObject({ name: 'Nieuw B.V.', facts: { roofAreaM2: 1250.5 }, survey: { kvkNumber: '12345678' } });
    expect(stored.buildings[1].id).toMatch(/^b-/);
    expect(model(t.id).buildings).toEqual(stored.buildings);
    expect(app.save.status.value.kind).toBe('saved');
  });

  it('a terrain that is not here: false, nothing written', async () => {
    const t = await app.terrains.create('Roomburg');
    expect(await app.terrains.importBuildings('gone', { add: [{ name: 'X', facts: {} }], update: [] })).toBe(false);
    expect((await getTerrain(t.id))!.buildings).toHaveLength(1);
    expect(await getTerrain('gone')).toBeUndefined();
  });
});

describe('column memory', () => {
  it('remembers header → target in the meta store, the newest choice replacing the old', async () => {
    await app.exchange.loadColumnMemory();
    expect(app.exchange.columnMemory.value).toEqual({});
    await app.exchange.rememberColumns({ 'opp. dak': 'fact:roofAreaM2', naam: 'name' });
    await app.exchange.rememberColumns({ 'opp. dak': '' });
    await app.exchange.loadColumnMemory();
    expect(app.exchange.columnMemory.value).toEqual({ naam: 'name', 'opp. dak': '' });
  });
});
