import { createFactory } from './factories/managers';
import { addStaff, signUp, type Account } from './support/accounts';
import { startApp, type TestApp } from './support/app';

/** The team page's pending invitations: listed for admins until accepted or revoked. */
describe('pending invitations', () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
  });
  afterAll(() => t.close());

  it('lists an invitation until it is revoked, for admins only, and never another organization’s', async () => {
    const factory = await createFactory(t, admin);
    const invited = await t
      .http()
      .post(`/api/v1/factories/${factory.id}/invitations`)
      .set(admin.auth)
      .send({ email: 'wang.fang@yuyao-valves.example', name: 'Wang Fang' })
      .expect(201);
    const listed = await t.http().get('/api/v1/invitations').set(admin.auth).expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: invited.body.id,
        email: 'wang.fang@yuyao-valves.example',
        role: 'factory_manager',
        factoryId: factory.id,
      }),
    ]);
    expect(listed.body[0]).not.toHaveProperty('tokenHash');

    const other = await signUp(t);
    expect((await t.http().get('/api/v1/invitations').set(other.auth).expect(200)).body).toEqual(
      [],
    );
    const member = await addStaff(t, admin, 'member');
    await t.http().get('/api/v1/invitations').set(member.auth).expect(403);

    await t.http().delete(`/api/v1/invitations/${invited.body.id}`).set(admin.auth).expect(204);
    const after = await t.http().get('/api/v1/invitations').set(admin.auth).expect(200);
    expect(after.body.map((i: { id: string }) => i.id)).not.toContain(invited.body.id);
  });
});
