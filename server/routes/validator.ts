// Adapts validateObject to Kibana's route validation function signature.
import type { RouteValidationFunction } from '@kbn/core/server';
import type { FieldRule } from '../lib/validation/validate_object';
import { validateObject, ValidationError } from '../lib/validation/validate_object';

export function bodyValidator<T>(rules: Record<string, FieldRule>): RouteValidationFunction<T> {
  return (data, { ok, badRequest }) => {
    try {
      return ok(validateObject<T>(data, rules));
    } catch (error) {
      if (error instanceof ValidationError) return badRequest(error.message, [error.field]);
      throw error;
    }
  };
}
