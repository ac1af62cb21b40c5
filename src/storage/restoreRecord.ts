/**
 * Rebuilds a terrain record the schema has accepted by walking terrain.schema.json: every field
 * it declares is copied, nothing else, so a field added to the schema needs no importer change.
 */
import commonSchema from '../../toolbox-data/schema/common.schema.json';
import terrainSchema from '../../toolbox-data/schema/terrain.schema.json';
import type { ExportedTerrain } from './envelope';
import { isPlainObject, own } from './messages';

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
}

const TERRAIN = terrainSchema as unknown as SchemaNode;
const SCHEMAS = { '': terrainSchema, 'terrain.schema.json': terrainSchema, 'common.schema.json': commonSchema } as unknown as Record<string, { definitions: Record<string, SchemaNode> }>;

/** The node a `$ref` of terrain.schema.json points to ("#/definitions/x", "common.schema.json#/definitions/x"). */
function resolve(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const [file, pointer] = node.$ref.split('#');
  if (pointer === '') return SCHEMAS[file] as unknown as SchemaNode;
  return resolve(SCHEMAS[file].definitions[pointer.replace('/definitions/', '')]);
}

/**
 * A fresh, plain copy of a value the schema has accepted, walking the schema: an object gets
 * every property the schema declares that the value has, in the schema's order (so a field in
 * the schema is never dropped, and nothing else is kept); an open map (facts, own values)
 * every own key; a list every item; anything else is a primitive and stays as it is.
 */
function restoreValue(schema: SchemaNode, value: unknown): unknown {
  const node = resolve(schema);
  if (Array.isArray(value)) return value.map((item) => restoreValue(node.items ?? {}, item));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  if (node.properties) {
    for (const key of Object.keys(node.properties)) {
      const v = own(value, key);
      if (v !== undefined) out[key] = restoreValue(node.properties[key], v);
    }
  } else if (typeof node.additionalProperties === 'object') {
    for (const key of Object.keys(value)) out[key] = restoreValue(node.additionalProperties, value[key]);
  }
  return out;
}

/** A fresh, plain terrain record from one the schema has accepted. */
export const restoreTerrain = (terrain: unknown): ExportedTerrain => restoreValue(TERRAIN, terrain) as ExportedTerrain;
