import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { FieldProblem } from './errors';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The path of the first string holding a NUL character, which PostgreSQL cannot store. */
function nulField(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulField(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses NUL characters anywhere in the input, so both databases answer the same 400
 * naming the field (SQLite would store them, PostgreSQL would fail with a 500).
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field =
      metadata.type === 'custom'
        ? null
        : nulField(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (field) {
      const message = `${field} must not contain a NUL (\\u0000) character`;
      throw new BadRequestException({
        message,
        details: [{ field, message }],
        code: 'VALIDATION.FAILED',
      });
    }
    return super.transform(value, metadata);
  }
}

/** The one ValidationPipe (registered as APP_PIPE): every bad field is named in `details`. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.length
        ? details.map((d) => d.message).join('; ')
        : 'The request is not valid';
      return new BadRequestException({ message, details, code: 'VALIDATION.FAILED' });
    },
  });
}
