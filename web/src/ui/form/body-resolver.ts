// Forms are checked in the browser with the schema the server checks the request with (generated from its
// OpenAPI document), so the reader sees the same rule before sending that the server would apply after.
// @cfworker/json-schema interprets the schema: no code generation, which the Content-Security-Policy forbids.
import { type OutputUnit, Validator } from '@cfworker/json-schema';
import i18n from 'i18next';
import { type FieldErrors, type FieldValues, type Resolver, set } from 'react-hook-form';
import { REQUEST_BODIES, type RequestBodyKey } from '../../api/request-bodies.ts';

export interface BodyResolverOptions<V> {
  /** The request body the form's values become (dates in ISO notation, lists split, empty text left out). */
  toBody?: (values: V) => unknown;
  /** The form field that shows a body property's error, where their names differ. */
  fieldOf?: Record<string, string>;
}

const validators = new Map<RequestBodyKey, Validator>();

function validatorFor(operation: RequestBodyKey): Validator {
  let validator = validators.get(operation);
  if (!validator) {
    validator = new Validator(REQUEST_BODIES[operation] as never, '7', false);
    validators.set(operation, validator);
  }
  return validator;
}

/** The keywords that only say "something below failed"; the leaf errors under them name the field. */
const SUMMARY_KEYWORDS = new Set([
  'properties',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  '$ref',
  'additionalProperties',
]);

/** The schema node an error's keyword sits in, to read its limit (maxLength, minimum …). */
function schemaAt(operation: RequestBodyKey, keywordLocation: string): Record<string, unknown> {
  let at: unknown = REQUEST_BODIES[operation];
  for (const part of keywordLocation.replace(/^#\/?/, '').split('/').slice(0, -1))
    at = (at as Record<string, unknown> | undefined)?.[decodeURIComponent(part)];
  return (at ?? {}) as Record<string, unknown>;
}

/** The body property an error is about, as a dotted path ("children.0.firstName"). */
function propertyOf(unit: OutputUnit): string {
  const path = unit.instanceLocation.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (unit.keyword === 'required') {
    const missing = /"([^"]+)"/.exec(unit.error)?.[1];
    if (missing) path.push(missing);
  }
  return path.map(decodeURIComponent).join('.');
}

/** The reader's-language text of one schema rule that the value breaks. */
export function ruleText(unit: OutputUnit, schema: Record<string, unknown>): string {
  switch (unit.keyword) {
    case 'required':
      return i18n.t('form.required');
    case 'minLength':
      return schema.minLength === 1
        ? i18n.t('form.required')
        : i18n.t('form.minLength', { min: schema.minLength });
    case 'maxLength':
      return i18n.t('form.maxLength', { max: schema.maxLength });
    case 'minItems':
      return i18n.t('form.minItems', { min: schema.minItems });
    case 'maxItems':
      return i18n.t('form.maxItems', { max: schema.maxItems });
    case 'minimum':
    case 'exclusiveMinimum':
      return i18n.t('form.minimum', { min: schema.minimum ?? schema.exclusiveMinimum });
    case 'maximum':
    case 'exclusiveMaximum':
      return i18n.t('form.maximum', { max: schema.maximum ?? schema.exclusiveMaximum });
    case 'enum':
    case 'const':
      return i18n.t('form.choose');
    case 'format':
      return schema.format === 'date' ? i18n.t('form.date') : i18n.t('form.format');
    default:
      return i18n.t('form.format');
  }
}

/**
 * A react-hook-form resolver that validates the request body made from the form against the server's
 * schema for `operation`. The first broken rule of each property is shown at its field.
 */
export function bodyResolver<V extends FieldValues>(
  operation: RequestBodyKey,
  { toBody = (v) => v, fieldOf = {} }: BodyResolverOptions<V> = {},
): Resolver<V> {
  return (values) => {
    // as the request will carry it: a property left undefined is not sent at all
    const body: unknown = JSON.parse(JSON.stringify(toBody(values) ?? null));
    const result = validatorFor(operation).validate(body);
    if (result.valid) return { values, errors: {} };
    const seen = new Set<string>();
    const errors = {};
    for (const unit of result.errors) {
      if (SUMMARY_KEYWORDS.has(unit.keyword)) continue;
      const property = propertyOf(unit);
      const field = fieldOf[property] ?? property;
      if (!field || seen.has(field)) continue;
      seen.add(field);
      // nested ("children.0.firstName"), as react-hook-form looks errors up
      const message = ruleText(unit, schemaAt(operation, unit.keywordLocation));
      set(errors, field, { type: unit.keyword, message });
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
