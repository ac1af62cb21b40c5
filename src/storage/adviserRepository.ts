/**
 * The adviser who signs the reports made on this device (name, organisation, contact), kept in
 * the meta store: set once, shared by all tabs, never part of an export. A stored value that is
 * not a string reads as empty.
 */
import { openDatabase } from './db';

const KEY = 'adviser';

export interface Adviser {
  name: string;
  organisation: string;
  contact: string;
}

export const NO_ADVISER: Adviser = { name: '', organisation: '', contact: '' };

function read(value: unknown): Adviser {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const text = (x: unknown) => (typeof x === 'string' ? x : '');
  return { name: text(v.name), organisation: text(v.organisation), contact: text(v.contact) };
}

export async function getAdviser(): Promise<Adviser> {
  const db = await openDatabase();
  return read(await db.get('meta', KEY));
}

/** Sets one field, in one read-modify-write transaction (another field written meanwhile stays). */
export async function putAdviserField(field: keyof Adviser, value: string): Promise<Adviser> {
  const db = await openDatabase();
  const tx = db.transaction('meta', 'readwrite');
  const next = { ...read(await tx.store.get(KEY)), [field]: value };
  await Promise.all([tx.store.put(next, KEY), tx.done]);
  return next;
}
