/**
 * The editor's outcome panel (`assessment.settled`): at once when a terrain is opened; while the
 * user types it keeps the last verdicts and assesses once the edits pause for SETTLE_AFTER_EDIT_MS,
 * so no keystroke waits for the engine; a save (a new revision, the same input) does not hold it
 * back further; closing the terrain clears it at once.
 */
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssessmentModel, SETTLE_AFTER_EDIT_MS } from '../../src/state/assessment';
import { SAVE_DEBOUNCE_MS } from '../../src/state/save';
import type { StoredTerrain } from '../../src/storage/db';

const terrainAt = (floorAreaM2: number | undefined): StoredTerrain => ({
  id: 't',
  name: 'Park',
  assessmentDate: '2026-12-01',
  facts: {},
  buildings: [{ id: 'b1', name: 'Hal', facts: floorAreaM2 === undefined ? {} : { floorAreaM2 } }],
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  revision: 1,
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the settled assessment', () => {
  it('comes well after the save of the same pause, so neither waits for the other', () => {
    expect(SETTLE_AFTER_EDIT_MS).toBeGreaterThanOrEqual(SAVE_DEBOUNCE_MS + 100);
  });

  it('follows the edits once they pause, not on every keystroke', async () => {
    const terrain = signal<StoredTerrain | null>(terrainAt(undefined));
    const model = new AssessmentModel(terrain);
    await model.loadEngine();
    const opened = model.settled.value;
    expect(opened?.terrain).toBe(terrain.value); // at once when opened
    expect(opened?.assessment).toBe(model.current.value);

    terrain.value = terrainAt(1);
    vi.advanceTimersByTime(SETTLE_AFTER_EDIT_MS - 100);
    terrain.value = terrainAt(12); // the next key: the pause starts again
    vi.advanceTimersByTime(SETTLE_AFTER_EDIT_MS - 100);
    terrain.value = terrainAt(120);
    const typed = terrain.value;
    vi.advanceTimersByTime(SETTLE_AFTER_EDIT_MS - 100);
    terrain.value = { ...typed, revision: 2 }; // saved: a new revision of the same input does not restart the pause
    expect(model.settled.value).toBe(opened);
    vi.advanceTimersByTime(100);
    expect(model.settled.value?.terrain).toBe(terrain.value);
    expect(model.settled.value?.assessment).toBe(model.current.value);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('closing the terrain clears it at once, with no assessment left waiting', async () => {
    const terrain = signal<StoredTerrain | null>(terrainAt(undefined));
    const model = new AssessmentModel(terrain);
    await model.loadEngine();
    terrain.value = terrainAt(5);
    terrain.value = null;
    expect(model.settled.value).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
