import {
  colleagueHears,
  Directory,
  Recipient,
  recipientsOf,
  UnassignedRecipients,
} from './reminder-recipients';

const person = (email: string, role: string, factoryId: string | null = null): Recipient => ({
  email,
  userId: role === 'factory_contact' ? null : `u-${email}`,
  role,
  locale: 'en',
  factoryId,
});

const boss = person('boss@trader.example', 'admin');
const ops = person('ops@trader.example', 'admin');
const mei = person('mei@trader.example', 'member');
const li = person('li@trader.example', 'member');

function directoryWith(unassigned: UnassignedRecipients): Directory {
  return {
    admins: [boss, ops],
    staff: [boss, ops, mei, li],
    // f1: Mei looks after it; f3: the admin Ops does; f2 and f4: nobody
    responsibleFor: (factoryId) => (factoryId === 'f1' ? [mei] : factoryId === 'f3' ? [ops] : []),
    managersOf: (factoryId) =>
      factoryId === 'f1' ? [person('mgr@f1.example', 'factory_manager', 'f1')] : [],
    contactOf: (factoryId) =>
      factoryId === 'f1'
        ? person('MGR@f1.example', 'factory_contact', 'f1') // the manager's own address
        : factoryId === 'f2'
          ? person('quality@f2.example', 'factory_contact', 'f2')
          : null,
    unassigned,
  };
}

type Notice = { audience: string; factoryId: string | null; escalateToAdmins?: boolean };

describe('recipientsOf', () => {
  it.each<[string, UnassignedRecipients, Notice, string[]]>([
    [
      'a factory someone looks after: her, the manager, no admin',
      'admins',
      { audience: 'responsible', factoryId: 'f1' },
      ['mgr@f1.example:factory_manager', 'mei@trader.example:member'],
    ],
    [
      'the same notice escalated: every admin too',
      'admins',
      { audience: 'responsible', factoryId: 'f1', escalateToAdmins: true },
      [
        'mgr@f1.example:factory_manager',
        'mei@trader.example:member',
        'boss@trader.example:admin',
        'ops@trader.example:admin',
      ],
    ],
    [
      'an admin who looks after the factory herself, and no other admin',
      'admins',
      { audience: 'responsible', factoryId: 'f3' },
      ['ops@trader.example:admin'],
    ],
    [
      'nobody looks after it: its contact and the admins (default)',
      'admins',
      { audience: 'responsible', factoryId: 'f2' },
      [
        'quality@f2.example:factory_contact',
        'boss@trader.example:admin',
        'ops@trader.example:admin',
      ],
    ],
    [
      'nobody looks after it, organization default everyone: every admin and member',
      'everyone',
      { audience: 'responsible', factoryId: 'f4' },
      [
        'boss@trader.example:admin',
        'ops@trader.example:admin',
        'mei@trader.example:member',
        'li@trader.example:member',
      ],
    ],
    [
      "the trader's own certificate: the organization default",
      'admins',
      { audience: 'responsible', factoryId: null },
      ['boss@trader.example:admin', 'ops@trader.example:admin'],
    ],
    [
      'admins only, whoever looks after the factory',
      'everyone',
      { audience: 'admins', factoryId: 'f1' },
      ['boss@trader.example:admin', 'ops@trader.example:admin'],
    ],
  ])('%s', (_, unassigned, notice, expected) => {
    expect(
      recipientsOf(notice, directoryWith(unassigned)).map((r) => `${r.email}:${r.role}`),
    ).toEqual(expected);
  });

  it('escalation is what brings the admins to a looked-after factory', () => {
    const quiet = recipientsOf(
      { audience: 'responsible', factoryId: 'f1' },
      directoryWith('admins'),
    );
    const loud = recipientsOf(
      { audience: 'responsible', factoryId: 'f1', escalateToAdmins: true },
      directoryWith('admins'),
    );
    expect(quiet.some((r) => r.role === 'admin')).toBe(false);
    expect(loud.filter((r) => r.role === 'admin')).toHaveLength(2);
  });
});

describe('which colleague hears of a factory’s matters (its reminders and its calendar dates)', () => {
  const admin = { userId: 'a', role: 'admin' };
  const member = { userId: 'm', role: 'member' };
  it.each([
    ['a member responsible for it', member, ['m'], 'admins', true],
    ['a member, another looks after it', member, ['x'], 'admins', false],
    ['a member, nobody looks after it', member, [], 'admins', false],
    ['a member, nobody looks after it, unassigned to everyone', member, [], 'everyone', true],
    ['an admin, another looks after it', admin, ['m'], 'admins', false],
    ['an admin responsible for it', admin, ['a', 'm'], 'admins', true],
    ['an admin, nobody looks after it', admin, [], 'admins', true],
    ['an admin, nobody looks after it, unassigned to everyone', admin, [], 'everyone', true],
  ] as const)('%s: %p', (_, reader, responsible, unassigned, holds) =>
    expect(colleagueHears(reader, responsible, unassigned)).toBe(holds),
  );
});
