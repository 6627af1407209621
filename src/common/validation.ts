import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { FieldProblem } from './errors';

/** Checks with a bound, which their message states ("shorter than or equal to 200 characters"). */
const BOUNDED = new Set(['maxLength', 'minLength', 'max', 'min', 'arrayMaxSize', 'arrayMinSize']);

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => {
      const bound = BOUNDED.has(rule) ? /-?\d+(\.\d+)?/.exec(message) : null;
      return bound ? { field, message, rule, limit: Number(bound[0]) } : { field, message, rule };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why no database can store a string faithfully, or null when it can. */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL (\\u0000) character';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it holds a lone UTF-16 surrogate)';
  return null;
}

/**
 * The first string holding a NUL character (which PostgreSQL cannot store) or a lone
 * surrogate (which is no character at all), with its path. Iterative: the depth of a
 * body is limited before this, but a query or a path need not be.
 */
function unstorableField(value: unknown, root: string): { field: string; problem: string } | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length > 0) {
    const item = stack.shift()!;
    if (typeof item.value === 'string') {
      const problem = unstorable(item.value);
      if (problem) return { field: item.path || 'value', problem };
    } else if (item.value !== null && typeof item.value === 'object') {
      for (const [key, child] of Object.entries(item.value))
        stack.push({ value: child, path: item.path ? `${item.path}.${key}` : key });
    }
  }
  return null;
}

/**
 * Refuses NUL characters and lone surrogates anywhere in the input, so both databases
 * answer the same 400 naming the field (SQLite would store them, PostgreSQL would fail
 * with a 500).
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const found =
      metadata.type === 'custom'
        ? null
        : unstorableField(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (found) {
      const message = `${found.field} ${found.problem}`;
      throw new BadRequestException({
        message,
        details: [{ field: found.field, message, rule: 'storableText' }],
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
