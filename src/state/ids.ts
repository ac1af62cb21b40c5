/** New record ids (terrains, buildings, photos): a random id (crypto.randomUUID where there is one), after the prefix given. */
export function newId(prefix = ''): string {
  const uuid = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  return prefix + uuid;
}
