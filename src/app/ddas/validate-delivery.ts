import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import schema from './uitwisselmodel-v1.2.schema.json' with { type: 'json' };

// The national DDAS v1.2 schema, as eropaf ships it (restated from VNG-Realisatie's exchange
// model; see the README), and the check every delivery passes before anything is written.

// ajv-formats is CommonJS: its plugin is the module itself or its `default`, depending on the loader.
const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv2020) => Ajv2020;

export const DDAS_SCHEMA: object = schema;

/** One way a delivery breaks the schema: where (a JSON pointer, never a value) and what. */
export interface SchemaViolation {
  path: string;
  message: string;
}

export type DeliveryValidator = (delivery: unknown) => SchemaViolation[];

let compiled: DeliveryValidator | undefined;

/**
 * The function that lists every violation of a delivery. The schema is compiled on first use and
 * kept for the process: compiling takes a quarter of a second, too long for every web request.
 */
export function ddasValidator(): DeliveryValidator {
  compiled ??= compileValidator();
  return compiled;
}

function compileValidator(): DeliveryValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(DDAS_SCHEMA);
  return (delivery) => {
    if (validate(delivery)) return [];
    return (validate.errors ?? []).map(violation);
  };
}

function violation(error: ErrorObject): SchemaViolation {
  // ajv's messages name the rule (a type, a format, an allowed list), not the value checked.
  return { path: error.instancePath === '' ? '/' : error.instancePath, message: error.message ?? error.keyword };
}
