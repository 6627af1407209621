import type { ReminderLocale } from './reminder-source';

/** Someone a notice goes to. */
export interface Recipient {
  email: string;
  userId: string | null;
  /** `admin`, `member`, `factory_manager` or `factory_contact`. */
  role: string;
  locale: ReminderLocale;
  factoryId: string | null;
}

export interface Directory {
  admins: Recipient[];
  managersOf(factoryId: string): Recipient[];
  contactOf(factoryId: string): Recipient | null;
}

/**
 * Who hears of a notice:
 * - `responsible`: the factory's contact email and its factory managers (when the notice
 *   concerns a factory) and the organization's admins;
 * - `admins`: the admins only;
 * - `escalateToAdmins` adds the admins to any audience.
 * One entry per email address; a user wins over the bare contact address.
 */
export function recipientsOf(
  notice: { audience: string; factoryId: string | null; escalateToAdmins?: boolean },
  directory: Directory,
): Recipient[] {
  const chosen = new Map<string, Recipient>();
  const add = (recipient: Recipient | null) => {
    if (!recipient) return;
    const key = recipient.email.toLowerCase();
    const existing = chosen.get(key);
    if (!existing || (existing.userId === null && recipient.userId !== null)) {
      chosen.set(key, { ...recipient, email: key });
    }
  };
  if (notice.audience === 'responsible' && notice.factoryId) {
    directory.managersOf(notice.factoryId).forEach(add);
    add(directory.contactOf(notice.factoryId));
  }
  directory.admins.forEach(add);
  return [...chosen.values()];
}
