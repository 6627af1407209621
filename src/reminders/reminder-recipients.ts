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

/** Who hears of a notice that concerns nobody in particular: the admins, or every admin and member. */
export type UnassignedRecipients = 'admins' | 'everyone';

export interface Directory {
  admins: Recipient[];
  /** Admins and members. */
  staff: Recipient[];
  /** The staff who look after this factory (empty: nobody does). */
  responsibleFor(factoryId: string): Recipient[];
  managersOf(factoryId: string): Recipient[];
  contactOf(factoryId: string): Recipient | null;
  unassigned: UnassignedRecipients;
}

/**
 * The organization default for a matter nobody looks after (and for the trader's own
 * certificates): the admins, or every admin and member.
 */
export function hearsByDefault(role: string, unassigned: UnassignedRecipients): boolean {
  return role === 'admin' || (role === 'member' && unassigned === 'everyone');
}

/**
 * Whether a colleague (an admin or a member) hears of a matter about a factory whose
 * responsible colleagues are `responsibleUserIds` (empty: nobody looks after it, or it is
 * the trader's own): those who look after it, else the organization default. The calendar
 * feeds hold the same people's dates, through this function.
 */
export function colleagueHears(
  colleague: { userId: string; role: string },
  responsibleUserIds: readonly string[],
  unassigned: UnassignedRecipients,
): boolean {
  if (responsibleUserIds.length > 0) return responsibleUserIds.includes(colleague.userId);
  return hearsByDefault(colleague.role, unassigned);
}

/**
 * Who hears of a notice (README, "Who hears of what"):
 * - `responsible`, about a factory: its factory managers and contact email, and the
 *   colleagues who look after it; when nobody does, the organization default (the
 *   admins, or every admin and member). An admin hears of it only when escalated, when
 *   nobody looks after the factory, or when she looks after it herself.
 * - `responsible`, about the trader's own certificate: the organization default.
 * - `admins`: the admins only.
 * - `escalateToAdmins` adds every admin.
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
  const byDefault = () =>
    directory.staff
      .filter((colleague) => hearsByDefault(colleague.role, directory.unassigned))
      .forEach(add);
  if (notice.audience === 'responsible') {
    if (notice.factoryId) {
      directory.managersOf(notice.factoryId).forEach(add);
      add(directory.contactOf(notice.factoryId));
      const responsible = directory.responsibleFor(notice.factoryId);
      if (responsible.length > 0) responsible.forEach(add);
      else byDefault();
    } else {
      byDefault();
    }
  } else {
    directory.admins.forEach(add);
  }
  if (notice.escalateToAdmins) directory.admins.forEach(add);
  return [...chosen.values()];
}
