import { notifications } from '@mantine/notifications';
import type { UseFormReturnType } from '@mantine/form';
import { fieldErrors } from '../api/errors';

/**
 * Runs a save; on failure the API's field problems go to their fields and the form keeps
 * everything typed (nothing is reset), on success a short notice.
 */
export async function saveForm<V, R>(
  form: UseFormReturnType<V>,
  save: () => Promise<R>,
  savedText: string,
): Promise<R | undefined> {
  try {
    const result = await save();
    notifications.show({ message: savedText, color: 'green', withCloseButton: false });
    return result;
  } catch (error) {
    form.setErrors(fieldErrors(error));
    return undefined;
  }
}

/** Empty text fields are left out (the API's optional fields), trimmed otherwise. */
export function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
