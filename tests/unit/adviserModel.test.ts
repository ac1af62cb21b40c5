/**
 * The adviser model on fake-indexeddb: a field is stored and read back by a fresh model (the
 * device keeps it), fields are written independently, a value that fails its check is refused
 * and the stored one stays, and a full disk keeps the last stored value and reports it.
 */
import { describe, expect, it } from 'vitest';
import { AdviserModel, checkAdviserValue } from '../../src/state/adviser';
import { getAdviser } from '../../src/storage/adviserRepository';
import { app, freshAppPerTest } from './helpers/appState';
import { simulateFullDisk } from './helpers/quota';

freshAppPerTest();

describe('the adviser', () => {
  it('is empty at first, and what is set is there for a fresh model', async () => {
    await app.adviser.load();
    expect(app.adviser.adviser.value).toEqual({ name: '', organisation: '', contact: '' });
    expect(await app.adviser.set('name', 'Ada de Vries')).toBe(true);
    expect(await app.adviser.set('organisation', 'Parkmanagement Leiden')).toBe(true);
    expect(await app.adviser.set('contact', 'ada@example.nl · 071 123 45 67')).toBe(true);
    const fresh = new AdviserModel();
    await fresh.load();
    expect(fresh.adviser.value).toEqual({ name: 'Ada de Vries', organisation: 'Parkmanagement Leiden', contact: 'ada@example.nl · 071 123 45 67' });
  });

  it('refuses a value that fails its check and keeps the stored one', async () => {
    await app.adviser.set('name', 'Ada');
    for (const bad of ['x'.repeat(101), 'Ada\nde Vries', 'tab\there']) {
      expect(checkAdviserValue('name', bad)).not.toBeNull();
      expect(await app.adviser.set('name', bad)).toBe(false);
    }
    expect(app.adviser.adviser.value.name).toBe('Ada');
    expect((await getAdviser()).name).toBe('Ada');
    expect(checkAdviserValue('contact', 'x'.repeat(200))).toBeNull();
    expect(checkAdviserValue('name', '')).toBeNull();
  });

  it('on a full disk keeps the last stored value and says why', async () => {
    await app.adviser.set('name', 'Ada');
    const restore = await simulateFullDisk();
    expect(await app.adviser.set('name', 'Bea')).toBe(false);
    restore();
    expect(app.adviser.failure.value).toEqual({ code: 'quota' });
    expect(app.adviser.adviser.value.name).toBe('Ada');
    expect((await getAdviser()).name).toBe('Ada');
    expect(await app.adviser.set('name', 'Bea')).toBe(true);
    expect(app.adviser.failure.value).toBeNull();
  });
});
