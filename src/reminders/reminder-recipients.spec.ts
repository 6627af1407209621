import { Directory, Recipient, recipientsOf } from './reminder-recipients';

const person = (email: string, role: string, factoryId: string | null = null): Recipient => ({
  email,
  userId: role === 'factory_contact' ? null : `u-${email}`,
  role,
  locale: 'en',
  factoryId,
});

const directory: Directory = {
  admins: [person('boss@trader.example', 'admin'), person('ops@trader.example', 'admin')],
  managersOf: (factoryId) =>
    factoryId === 'f1' ? [person('mgr@f1.example', 'factory_manager', 'f1')] : [],
  contactOf: (factoryId) =>
    factoryId === 'f1'
      ? person('MGR@f1.example', 'factory_contact', 'f1') // the manager's own address
      : factoryId === 'f2'
        ? person('quality@f2.example', 'factory_contact', 'f2')
        : null,
};

describe('recipientsOf', () => {
  it.each<
    [string, { audience: string; factoryId: string | null; escalateToAdmins?: boolean }, string[]]
  >([
    [
      'responsible, factory with a manager',
      { audience: 'responsible', factoryId: 'f1' },
      ['mgr@f1.example:factory_manager', 'boss@trader.example:admin', 'ops@trader.example:admin'],
    ],
    [
      'responsible, factory with a contact only',
      { audience: 'responsible', factoryId: 'f2' },
      [
        'quality@f2.example:factory_contact',
        'boss@trader.example:admin',
        'ops@trader.example:admin',
      ],
    ],
    [
      'responsible, own certificate',
      { audience: 'responsible', factoryId: null },
      ['boss@trader.example:admin', 'ops@trader.example:admin'],
    ],
    [
      'admins only',
      { audience: 'admins', factoryId: 'f1' },
      ['boss@trader.example:admin', 'ops@trader.example:admin'],
    ],
    [
      'escalated',
      { audience: 'responsible', factoryId: 'f2', escalateToAdmins: true },
      [
        'quality@f2.example:factory_contact',
        'boss@trader.example:admin',
        'ops@trader.example:admin',
      ],
    ],
  ])('%s', (_, notice, expected) => {
    expect(recipientsOf(notice, directory).map((r) => `${r.email}:${r.role}`)).toEqual(expected);
  });
});
