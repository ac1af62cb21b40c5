/**
 * The toolbox data files as they lie in toolbox-data/: each data file with its JSON Schema,
 * the example terrains, and schemaErrors, which validates a value against a schema with
 * readable errors (the path, the nearest record id, the message).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type AnySchema, type ErrorObject } from 'ajv';
import type { Terrain } from '../../../src/engine/types';
import { addAnnotationKeywords } from '../../../scripts/gen-export-validator';

const DATA_DIR = fileURLToPath(new URL('../../../toolbox-data/', import.meta.url));
export const readJson = (rel: string): unknown => JSON.parse(readFileSync(join(DATA_DIR, rel), 'utf8'));

/** Each data file with the schema it must satisfy. */
export const DATA_FILES: [file: string, schema: string][] = [
  ['toolbox.json', 'toolbox.schema.json'],
  ['sources.json', 'sources.schema.json'],
  ['facts.json', 'facts.schema.json'],
  ['parameters.json', 'parameters.schema.json'],
  ['conditions.json', 'conditions.schema.json'],
  ['calcs.json', 'calcs.schema.json'],
  ['steps.json', 'steps.schema.json'],
  ['measures.json', 'measures.schema.json'],
  ['eml.json', 'eml.schema.json'],
];
export const EXAMPLES = readdirSync(join(DATA_DIR, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .sort();
/** The example terrains themselves, in file order. */
export const exampleTerrains = (): Terrain[] => EXAMPLES.map((f) => readJson(`examples/${f}`) as Terrain);

/** Ajv with every schema in toolbox-data/schema/ registered under its $id (the file name). */
function makeAjv(): Ajv {
  const ajv = addAnnotationKeywords(new Ajv({ allErrors: true, strict: true }));
  for (const file of readdirSync(join(DATA_DIR, 'schema')).filter((f) => f.endsWith('.schema.json'))) {
    ajv.addSchema(readJson(`schema/${file}`) as AnySchema);
  }
  return ajv;
}
const ajv = makeAjv();

/** Readable ajv errors: the path, the nearest record id on it, the message. if/then/else wrappers are left out. */
function describeErrors(data: unknown, errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      let node: unknown = data;
      let id: string | undefined;
      for (const part of e.instancePath.split('/').slice(1)) {
        if (node === null || typeof node !== 'object') break;
        node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
        const nodeId = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
        if (typeof nodeId === 'string') id = nodeId;
      }
      return `  ${e.instancePath || '/'}${id ? ` (${id})` : ''}: ${e.message} ${JSON.stringify(e.params)}`;
    })
    .join('\n');
}

export function schemaErrors(schema: string, data: unknown): string {
  const validate = ajv.getSchema(schema);
  if (!validate) return `schema ${schema} not found`;
  return validate(data) ? '' : describeErrors(data, validate.errors);
}
