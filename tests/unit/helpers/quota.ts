/**
 * Simulates a full disk in fake-indexeddb the way a browser reports it: the put request
 * fails asynchronously with a QuotaExceededError and the transaction aborts with it,
 * rolling back every write it made.
 */
import { unwrap } from 'idb';
import { vi } from 'vitest';
import { openDatabase } from '../../../src/storage/db';

type StoreRecord = (this: unknown, ...args: unknown[]) => unknown;

/**
 * From now on the n-th record written (1-based, counted across stores; default the first)
 * and every later one fails with QuotaExceededError. Returns a function that ends the
 * simulation.
 */
export async function simulateFullDisk(failFrom = 1): Promise<() => void> {
  const db = await openDatabase();
  const tx = unwrap(db.transaction('terrains', 'readonly'));
  const raw = (tx.objectStore('terrains') as unknown as { _rawObjectStore: object })._rawObjectStore;
  const proto = Object.getPrototypeOf(raw) as { storeRecord: StoreRecord };
  const original = proto.storeRecord;
  let writes = 0;
  const spy = vi.spyOn(proto, 'storeRecord').mockImplementation(function (this: unknown, ...args: unknown[]) {
    writes++;
    if (writes >= failFrom) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  });
  return () => spy.mockRestore();
}
