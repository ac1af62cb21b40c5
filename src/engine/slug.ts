/** A name as it may stand in a file name: accents dropped, lower case, letters and digits joined by "-", at most 40 characters ('' when nothing is left). Pure; used by the export file and the GeoJSON file. */
export function fileSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
