/**
 * The terrains model (src/state/terrains.ts) with the route and assessment models: creating
 * and loading terrains, edits of facts and fields, and the current terrain and its assessment,
 * computed from the route. Each test has fresh models on a fresh fake-indexeddb
 * (helpers/appState.ts).
 */
import { summarize } from '../../src/storage/summary';
import { describe, expect, it, vi } from 'vitest';
import { getTerrain, listTerrains, saveTerrain } from '../../src/storage/terrainRepository';
import { hrefs } from '../../src/state';
import { parseRoute } from '../../src/state/route';
import { app, freshAppPerTest, model, open, pvRoof, saveState } from './helpers/appState';

freshAppPerTest();

describe('creating and loading', () => {
  it('createTerrain saves at once and appears in terrainList', async () => {
    const t = await app.terrains.create('Roomburg');
    expect(t.name).toBe('Roomburg');
    expect(t.revision).toBe(1);
    expect(t.buildings).toHaveLength(1);
    expect(t.buildings[0]?.name).toBe('Gebouw 1');
    expect(t.assessmentDate).toMatch(/^\d{4}-\d\d-\d\d$/);

    expect(app.terrains.list.value.map((x) => x.id)).toEqual([t.id]);
    expect(await getTerrain(t.id)).toEqual(t);
  });

  it('terrainList shows the most recently changed terrain first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T00:00:00.000Z'));
    const a = await app.terrains.create('A');
    vi.setSystemTime(new Date('2026-11-02T00:00:00.000Z'));
    const b = await app.terrains.create('B');
    expect(app.terrains.list.value.map((x) => x.name)).toEqual(['B', 'A']);

    vi.setSystemTime(new Date('2026-11-03T00:00:00.000Z'));
    app.terrains.setTerrainField(a.id, 'municipality', 'Leiden');
    expect(app.terrains.list.value.map((x) => x.name)).toEqual(['A', 'B']);
    await app.save.flush();
    expect((await listTerrains()).map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('loadTerrains reads what is in the database', async () => {
    const stored = await saveTerrain({ id: 'x', name: 'Uit de database', facts: {}, buildings: [] });
    await app.terrains.load();
    expect(app.terrains.list.value).toEqual([summarize(stored, null)]);
    expect(app.terrains.byId.value.size).toBe(0); // read in full only when opened
    expect(await app.terrains.open('x')).toEqual(stored);
    expect(app.terrains.byId.value.get('x')).toEqual(stored);
    expect(await app.terrains.open('gone')).toBeNull();
  });
});

describe('editing the current terrain', () => {
  it('setFact on terrain level updates current', async () => {
    const t = await app.terrains.create('Roomburg');
    open(t.id);
    app.terrains.setFact(t.id, null, 'congestionOfftake', 'orange');
    expect(app.terrains.current.value?.facts).toEqual({ congestionOfftake: 'orange' });
    expect(app.assessment.current.value?.terrainId).toBe(t.id);
  });

  it('a save keeps the assessment (same facts, new revision); an edit or another terrain makes a new one', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;
    open(t.id);
    app.terrains.setFact(t.id, b, 'roofAreaM2', 4200);
    const before = app.assessment.current.value;
    expect(before?.terrainId).toBe(t.id);
    await app.save.flush();
    expect(model(t.id).revision).toBe(2);
    expect(app.assessment.current.value).toBe(before); // not assessed again after the save

    app.terrains.setTerrainField(t.id, 'assessmentDate', '2027-02-01');
    const edited = app.assessment.current.value;
    expect(edited).not.toBe(before);
    expect(edited?.assessmentDate).toBe('2027-02-01');
    app.terrains.setFact(t.id, b, 'roofAreaM2', 4300);
    expect(app.assessment.current.value).not.toBe(edited);

    const other = await app.terrains.create('Ander');
    open(other.id);
    expect(app.assessment.current.value?.terrainId).toBe(other.id);
  });

  it('setFact on a building updates current, and the assessment shows the PV potential of that roof', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;
    open(t.id);

    // Nothing known about the roof: no potential, the roof facts are asked for.
    expect(pvRoof(b).potential?.kwp ?? null).toBeNull();
    expect(pvRoof(b).missingFacts).toEqual(expect.arrayContaining(['roofAreaM2', 'roofType']));

    app.terrains.setFact(t.id, b, 'roofAreaM2', 4200);
    app.terrains.setFact(t.id, b, 'roofType', 'flat');
    expect(app.terrains.current.value?.buildings[0]?.facts).toEqual({ roofAreaM2: 4200, roofType: 'flat' });
    const verdict = pvRoof(b);
    expect(verdict.potential?.kwp).toBeGreaterThan(0);
    expect(verdict.potential?.kwhPerYear).toBeGreaterThan(0);
    expect(verdict.missingFacts).not.toContain('roofAreaM2');

    // A bigger roof gives more potential.
    const kwp = verdict.potential!.kwp!;
    app.terrains.setFact(t.id, b, 'roofAreaM2', 8400);
    expect(pvRoof(b).potential?.kwp).toBeCloseTo(kwp * 2, 6);
  });

  it('asbestos in the roof shows R-PV-01 with its Dutch reason and the removal step', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;
    open(t.id);
    app.terrains.setFact(t.id, b, 'roofAreaM2', 4200);
    app.terrains.setFact(t.id, b, 'roofType', 'flat');
    expect(pvRoof(b).reasons.find((r) => r.ruleId === 'R-PV-01')?.outcome ?? 'unknown').toBe('unknown');

    app.terrains.setFact(t.id, b, 'asbestos', true);
    const reason = pvRoof(b).reasons.find((r) => r.ruleId === 'R-PV-01');
    expect(reason).toBeDefined();
    expect(reason).toMatchObject({ factId: 'asbestos', observed: true, outcome: 'fail', resolvedBy: ['asbestos-removal'] });
    expect(reason!.text).toMatch(/asbest/i);
    expect(reason!.sourceIds.length).toBeGreaterThan(0);
    expect(pvRoof(b).missingFacts).not.toContain('asbestos');

    app.terrains.setFact(t.id, b, 'asbestos', false);
    expect(pvRoof(b).reasons.find((r) => r.ruleId === 'R-PV-01')?.outcome).not.toBe('fail');
  });

  it('edits on another terrain do not change current', async () => {
    const a = await app.terrains.create('A');
    const b = await app.terrains.create('B');
    open(a.id);
    const before = app.terrains.current.value;
    app.terrains.setFact(b.id, null, 'organisation', 'biz');
    expect(app.terrains.current.value).toBe(before);
    expect(model(b.id).facts).toEqual({ organisation: 'biz' });
  });

  it('setFact(..., null) removes the key: the fact is unknown again, in the model and in the database', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    app.terrains.setFact(t.id, b, 'roofAreaM2', 4200);
    await app.save.flush();

    app.terrains.setFact(t.id, null, 'organisation', null);
    app.terrains.setFact(t.id, b, 'roofAreaM2', null);
    expect('organisation' in model(t.id).facts).toBe(false);
    expect('roofAreaM2' in model(t.id).buildings[0]!.facts).toBe(false);
    await app.save.flush();
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({});
    expect(stored?.buildings[0]?.facts).toEqual({});
  });

  it('edits of an unknown terrain are ignored', () => {
    app.terrains.setFact('nope', null, 'organisation', 'biz');
    expect(app.terrains.byId.value.size).toBe(0);
    expect(saveState()).toBe('saved');
  });

  it('setTerrainField and setBuildingName change the record itself', async () => {
    const t = await app.terrains.create('Roomburg');
    app.terrains.setTerrainField(t.id, 'postcode4', '2314');
    app.terrains.setBuildingName(t.id, t.buildings[0]!.id, 'Hal A');
    await app.save.flush();
    const stored = await getTerrain(t.id);
    expect(stored?.postcode4).toBe('2314');
    expect(stored?.buildings[0]?.name).toBe('Hal A');
  });
});

describe('the current terrain comes from the route', () => {
  it('is computed from the path, never copied: opening, leaving and opening another follow the route', async () => {
    const a = await app.terrains.create('A');
    const b = await app.terrains.create('B');
    expect(app.route.currentTerrainId.value).toBeNull();
    expect(app.terrains.current.value).toBeNull();
    app.route.navigate(hrefs.assessment(a.id));
    expect(app.route.currentTerrainId.value).toBe(a.id);
    expect(app.terrains.current.value?.id).toBe(a.id);
    expect(app.assessment.current.value?.terrainId).toBe(a.id);
    app.route.navigate(hrefs.report(b.id));
    expect(app.assessment.current.value?.terrainId).toBe(b.id);
    app.route.navigate(hrefs.compare());
    expect(app.terrains.current.value).toBeNull();
    expect(app.assessment.current.value).toBeNull();
    // A terrain that is not on this device: the id is the route's, the terrain is null.
    app.route.navigate(hrefs.editor('nope'));
    expect(app.route.currentTerrainId.value).toBe('nope');
    expect(app.terrains.current.value).toBeNull();
  });

  it('returning to the same terrain does not assess it again', async () => {
    const t = await app.terrains.create('Roomburg');
    open(t.id);
    const first = app.assessment.current.value;
    app.route.navigate(hrefs.list());
    expect(app.assessment.current.value).toBeNull();
    open(t.id);
    expect(app.assessment.current.value).toBe(first);
  });

  it('a malformed link is "not found", never a thrown error; a well-formed escape is decoded', () => {
    expect(parseRoute('/terrein/%E0%A4%A')).toEqual({ name: 'not-found' });
    expect(parseRoute('/terrein/%')).toEqual({ name: 'not-found' });
    expect(parseRoute('/terrein/a%20b#f-b1-roofAreaM2')).toEqual({ name: 'editor', id: 'a b', focus: 'f-b1-roofAreaM2' });
  });

  it("a report of one company: ?gebouw=<id>, made by hrefs.report and read back (any other query is ignored)", () => {
    expect(hrefs.report('t 1', 'b/2')).toBe('/terrein/t%201/rapport?gebouw=b%2F2');
    expect(parseRoute(hrefs.report('t 1', 'b/2'))).toEqual({ name: 'report', id: 't 1', buildingId: 'b/2' });
    expect(parseRoute(hrefs.report('t'))).toEqual({ name: 'report', id: 't' });
    expect(parseRoute('/terrein/t/rapport?x=1')).toEqual({ name: 'report', id: 't' });
    expect(parseRoute('/terrein/t/beoordeling?gebouw=b1')).toEqual({ name: 'assessment', id: 't' });
    app.route.navigate(hrefs.report('t', 'b1'));
    expect(app.route.route.value).toEqual({ name: 'report', id: 't', buildingId: 'b1' });
  });

  it('every navigation counts as a visit, also to the page already shown', () => {
    const before = app.route.visits.value;
    app.route.navigate(hrefs.editor('x', 'f-b1-roofAreaM2'));
    app.route.navigate(hrefs.editor('x', 'f-b1-roofAreaM2'));
    expect(app.route.visits.value).toBe(before + 2);
    expect(app.route.route.value).toEqual({ name: 'editor', id: 'x', focus: 'f-b1-roofAreaM2' });
  });
});
