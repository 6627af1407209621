import {
  ArrayMaxSize,
  IsArray,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
  buildMessage,
} from 'class-validator';
import { CleanStringArray } from './transforms';
import { isCalendarDate, isValidTimezone } from './dates';

/** A real calendar date written `YYYY-MM-DD`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a real date written YYYY-MM-DD`,
          options,
        ),
      },
    },
    options,
  );
}

export function IsTimezone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimezone',
      validator: {
        validate: (value) => isValidTimezone(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an IANA timezone such as Asia/Shanghai`,
          options,
        ),
      },
    },
    options,
  );
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * One line of text: no CR, LF, NUL or other control character. For names and addresses
 * that end up in mail headers and greetings, where a line break would forge a line.
 */
export function IsSingleLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSingleLine',
      validator: {
        validate: (value) => typeof value !== 'string' || !CONTROL_CHARACTER.test(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be one line, without line breaks or control characters`,
          options,
        ),
      },
    },
    options,
  );
}

/**
 * May be left out, but not sent as null: for optional fields whose column is NOT NULL
 * (arrays, statuses), so that `null` is a 400 naming the field rather than a failed insert.
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  const notNull = ValidateBy(
    {
      name: 'isNotNull',
      validator: {
        validate: (value) => value !== null,
        defaultMessage: buildMessage((each) => `${each}$property must not be null`, options),
      },
    },
    options,
  );
  const optional = ValidateIf((_, value) => value !== undefined, options);
  return (target: object, propertyKey: string | symbol) => {
    notNull(target, propertyKey);
    optional(target, propertyKey);
  };
}

/**
 * A list of short texts (product categories, sites): trimmed, empties and repeats dropped,
 * then at most `maxItems` strings of at most `maxLength` characters each; a wrong type is
 * "<field> must be an array of strings". Whether it may be left out stays at the call site.
 * The Swagger plugin cannot see inside this decorator: give `maxItems` to ApiProperty.
 */
export function IsCleanStringArray(limits: {
  maxItems: number;
  maxLength: number;
}): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    const message = `${String(propertyKey)} must be an array of strings`;
    // Applied in the order of the decorator stack this replaces (bottom first), so the
    // constraints, and the order of their messages, stay as they were.
    const decorators: PropertyDecorator[] = [
      MaxLength(limits.maxLength, { each: true }),
      IsString({ each: true, message }),
      ArrayMaxSize(limits.maxItems),
      IsArray({ message }),
      CleanStringArray(),
    ];
    for (const decorate of decorators) decorate(target, propertyKey);
  };
}
