import { ValidationOptions, ValidateBy, ValidateIf, buildMessage } from 'class-validator';
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

/**
 * May be left out, but not sent as null: for optional fields whose column is NOT NULL
 * (arrays, statuses), so that `null` is a 400 naming the field rather than a failed insert.
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined, options);
}
