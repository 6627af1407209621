import ICAL from 'ical.js';
import { startApp, TestApp } from './support/app';
import { createTestDatabase } from './support/test-database';
import { Account, addStaff, signUp } from './support/accounts';
import { createCertificate, createFactory } from './factories';
import { makeAgreement } from './factories/agreements';
import { inviteManager } from './factories/managers';

interface FeedEvent {
  uid: string;
  summary: string;
  start: string;
  isDate: boolean;
  url: string;
  alarmSecondsBefore: number | null;
}

/** Parses a feed with ical.js, a parser independent of the library that wrote it. */
function parseFeed(text: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const alarm = vevent.getFirstSubcomponent('valarm');
    const trigger = alarm?.getFirstPropertyValue('trigger') as ICAL.Duration | undefined;
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      isDate: event.startDate.isDate,
      url: String(vevent.getFirstPropertyValue('url')),
      alarmSecondsBefore: trigger ? -trigger.toSeconds() : null,
    };
  });
}

describe('calendar feed', () => {
  let t: TestApp;
  let admin: Account;
  const publicUrl = 'https://certpact.example';

  beforeAll(async () => {
    t = await startApp({ env: { PUBLIC_URL: publicUrl } });
    admin = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const feedUrl = async (account: Account) =>
    (
      (await t.http().get('/api/v1/me/calendar-feed').set(account.auth).expect(200)).body as {
        url: string;
      }
    ).url;

  /** The feed without a login, by the path of its URL. */
  const fetchFeed = (url: string) => t.http().get(new URL(url).pathname);

  it('holds exactly the user’s dates, as all-day events with stable UIDs, links and an alarm', async () => {
    const valve = await createFactory(t, admin, { name: '余姚精密阀门厂', licenseNumber: null });
    const textile = await createFactory(t, admin, {
      name: 'Hanoi Textiles',
      country: 'VN',
      licenseNumber: null,
    });
    const own = await createCertificate(t, admin, {
      factoryId: valve.id,
      standard: 'ISO 14001:2015',
      certificateNumber: 'CAL-1',
      expiresOn: '2028-02-28',
      nextSurveillanceAuditOn: '2027-02-15',
    });
    const other = await createCertificate(t, admin, {
      factoryId: textile.id,
      certificateNumber: 'CAL-2',
      expiresOn: '2028-06-30',
      nextSurveillanceAuditOn: null,
    });
    const renewed = await createCertificate(t, admin, {
      factoryId: textile.id,
      certificateNumber: 'CAL-OLD',
    });
    await t
      .http()
      .post(`/api/v1/certificates/${renewed.id}/renew`)
      .set(admin.auth)
      .send({ issuedOn: '2026-03-01', expiresOn: '2029-02-28' })
      .expect(201);
    const agreement = (
      await t
        .http()
        .post('/api/v1/agreements')
        .set(admin.auth)
        .send(makeAgreement({ factoryId: valve.id }))
        .expect(201)
    ).body as { id: string; milestones: { id: string; name: string; dueOn: string }[] };

    const url = await feedUrl(admin);
    expect(url).toMatch(new RegExp(`^${publicUrl}/api/v1/calendar-feeds/[A-Za-z0-9_.-]+\\.ics$`));
    expect(await feedUrl(admin)).toBe(url);
    const response = await fetchFeed(url).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const events = parseFeed(response.text);

    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const certificateEvents = events.filter((e) => e.uid.startsWith('certificate-'));
    // CAL-1: expiry and surveillance; CAL-2: expiry; the superseded CAL-OLD: none; its renewal (no audit date): expiry.
    expect(
      certificateEvents
        .filter((e) => e.uid.includes(own.id))
        .map((e) => e.uid)
        .sort(),
    ).toEqual([
      `certificate-${own.id}-expiry@certpact`,
      `certificate-${own.id}-surveillance@certpact`,
    ]);
    expect(certificateEvents.some((e) => e.uid.includes(renewed.id))).toBe(false);
    expect(certificateEvents).toHaveLength(4);
    const expiry = events.find((e) => e.uid === `certificate-${own.id}-expiry@certpact`);
    expect(expiry).toEqual({
      uid: `certificate-${own.id}-expiry@certpact`,
      summary: 'ISO 14001:2015 certificate CAL-1 expires (余姚精密阀门厂)',
      start: '2028-02-28',
      isDate: true,
      url: `${publicUrl}/certificates/${own.id}`,
      alarmSecondsBefore: 90 * 24 * 3600,
    });
    expect(events.find((e) => e.uid === `certificate-${other.id}-expiry@certpact`)?.start).toBe(
      '2028-06-30',
    );
    expect(events.every((e) => e.isDate)).toBe(true);

    const milestoneEvents = events.filter((e) => e.uid.startsWith('milestone-'));
    expect(milestoneEvents.map((e) => e.uid).sort()).toEqual(
      agreement.milestones.map((m) => `milestone-${m.id}@certpact`).sort(),
    );
    expect(milestoneEvents[0].url).toBe(`${publicUrl}/agreements/${agreement.id}`);

    // ISO 14001:2015 is held: its transition dates from the catalogue are in; ISO 9001:2015 has none yet.
    expect(
      events.filter((e) => e.uid.startsWith('standard-')).map((e) => [e.uid, e.start]),
    ).toEqual([
      ['standard-iso-14001-2015-audits-from@certpact', '2028-10-15'],
      ['standard-iso-14001-2015-valid-until@certpact', '2029-04-15'],
    ]);

    // The same UIDs on the next fetch, so calendars update events in place.
    expect(parseFeed((await fetchFeed(url).expect(200)).text).map((e) => e.uid)).toEqual(uids);
  });

  it('gives a factory manager only their factory’s dates, in their language', async () => {
    const mine = await createFactory(t, admin, { name: '宁波海天塑机厂', licenseNumber: null });
    const theirs = await createFactory(t, admin, {
      name: 'Other Works',
      country: 'VN',
      licenseNumber: null,
    });
    const held = await createCertificate(t, admin, {
      factoryId: mine.id,
      certificateNumber: 'MGR-1',
    });
    await createCertificate(t, admin, { factoryId: theirs.id, certificateNumber: 'MGR-2' });
    await createCertificate(t, admin, { factoryId: null, certificateNumber: 'MGR-OWN' });
    await t
      .http()
      .post('/api/v1/agreements')
      .set(admin.auth)
      .send(makeAgreement({ factoryId: theirs.id }))
      .expect(201);
    const manager = await inviteManager(t, admin, mine.id, { locale: 'zh-CN' });

    const events = parseFeed((await fetchFeed(await feedUrl(manager)).expect(200)).text);
    expect(events.map((e) => e.uid).sort()).toEqual([
      `certificate-${held.id}-expiry@certpact`,
      `certificate-${held.id}-surveillance@certpact`,
    ]);
    expect(events.find((e) => e.uid.endsWith('-expiry@certpact'))?.summary).toBe(
      'ISO 9001:2015 证书 MGR-1 到期（宁波海天塑机厂）',
    );
    expect(events.find((e) => e.uid.endsWith('-surveillance@certpact'))?.summary).toBe(
      '监督审核到期：ISO 9001:2015 MGR-1（宁波海天塑机厂）',
    );
  });

  it('gives each colleague the factories she looks after; an admin also those nobody looks after', async () => {
    const boss = await signUp(t);
    const anna = await addStaff(t, boss, 'member');
    const bo = await addStaff(t, boss, 'member');
    const responsible = (factoryId: string, userIds: string[]) =>
      t
        .http()
        .put(`/api/v1/factories/${factoryId}/responsible`)
        .set(boss.auth)
        .send({ userIds })
        .expect(200);
    const certificateAt = async (factoryId: string | null, certificateNumber: string) =>
      (
        await createCertificate(t, boss, {
          factoryId,
          certificateNumber,
          nextSurveillanceAuditOn: null,
        })
      ).id;
    const annas = await createFactory(t, boss, { name: 'Anna Works', licenseNumber: null });
    const bos = await createFactory(t, boss, { name: 'Bo Works', licenseNumber: null });
    const shared = await createFactory(t, boss, { name: 'Shared Works', licenseNumber: null });
    const nobodys = await createFactory(t, boss, { name: 'Nobody Works', licenseNumber: null });
    await responsible(annas.id, [anna.userId]);
    await responsible(bos.id, [bo.userId]);
    await responsible(shared.id, [anna.userId, boss.userId]);
    const atAnnas = await certificateAt(annas.id, 'RESP-ANNA');
    const atBos = await certificateAt(bos.id, 'RESP-BO');
    const atShared = await certificateAt(shared.id, 'RESP-SHARED');
    const atNobodys = await certificateAt(nobodys.id, 'RESP-NOBODY');
    const own = await certificateAt(null, 'RESP-OWN');
    const agreement = (
      await t
        .http()
        .post('/api/v1/agreements')
        .set(boss.auth)
        .send(makeAgreement({ factoryId: annas.id }))
        .expect(201)
    ).body as { milestones: { id: string }[] };
    const annasMilestones = agreement.milestones.map((m) => `milestone-${m.id}@certpact`);

    const feedOf = async (account: Account) => {
      const events = parseFeed((await fetchFeed(await feedUrl(account)).expect(200)).text);
      return {
        certificates: events
          .filter((e) => e.uid.startsWith('certificate-'))
          .map((e) => e.uid)
          .sort(),
        milestones: events
          .filter((e) => e.uid.startsWith('milestone-'))
          .map((e) => e.uid)
          .sort(),
      };
    };
    const expiries = (...ids: string[]) =>
      ids.map((id) => `certificate-${id}-expiry@certpact`).sort();

    expect(await feedOf(anna)).toEqual({
      certificates: expiries(atAnnas, atShared),
      milestones: [...annasMilestones].sort(),
    });
    expect(await feedOf(bo)).toEqual({ certificates: expiries(atBos), milestones: [] });
    expect(await feedOf(boss)).toEqual({
      certificates: expiries(atShared, atNobodys, own),
      milestones: [],
    });

    // Unassigned notices to everyone: the members also get what nobody looks after.
    await t
      .http()
      .put('/api/v1/settings/reminders')
      .set(boss.auth)
      .send({ unassignedRecipients: 'everyone' })
      .expect(200);
    expect((await feedOf(bo)).certificates).toEqual(expiries(atBos, atNobodys, own));

    // Handing a factory over moves its dates to the new feed.
    await responsible(bos.id, [anna.userId]);
    expect((await feedOf(anna)).certificates).toEqual(
      expiries(atAnnas, atBos, atShared, atNobodys, own),
    );
    expect((await feedOf(bo)).certificates).toEqual(expiries(atNobodys, own));
  });

  it('keeps the feed URLs working when the JWT secret is rotated: they have a secret of their own', async () => {
    const database = await createTestDatabase();
    const feedSecret = 'calendar-feed-secret-of-this-test-long-enough';
    const before = await startApp({
      database,
      env: {
        JWT_SECRET: 'first-jwt-secret-of-this-test-long-enough',
        CALENDAR_FEED_SECRET: feedSecret,
      },
    });
    let url: string;
    try {
      const account = await signUp(before);
      url = (
        (await before.http().get('/api/v1/me/calendar-feed').set(account.auth).expect(200))
          .body as { url: string }
      ).url;
    } finally {
      await before.close();
    }
    const rotated = await startApp({
      database,
      env: {
        JWT_SECRET: 'second-jwt-secret-of-this-test-long-enough',
        CALENDAR_FEED_SECRET: feedSecret,
      },
    });
    try {
      await rotated.http().get(new URL(url).pathname).expect(200);
    } finally {
      await rotated.close();
    }
    const feedRotated = await startApp({
      database,
      env: {
        JWT_SECRET: 'second-jwt-secret-of-this-test-long-enough',
        CALENDAR_FEED_SECRET: 'another-calendar-feed-secret-long-enough',
      },
    });
    try {
      await feedRotated.http().get(new URL(url).pathname).expect(404);
    } finally {
      await feedRotated.close();
      await database.drop();
    }
  });

  it('makes a new URL on POST; the old one answers 404, as does a forged one', async () => {
    const member = await signUp(t);
    const old = await feedUrl(member);
    const renewed = (await t.http().post('/api/v1/me/calendar-feed').set(member.auth).expect(201))
      .body as {
      url: string;
    };
    expect(renewed.url).not.toBe(old);
    await fetchFeed(old).expect(404);
    await fetchFeed(renewed.url).expect(200);
    expect(await feedUrl(member)).toBe(renewed.url);
    const forged = renewed.url.replace(/.\.ics$/, (m) => (m[0] === 'A' ? 'B' : 'A') + '.ics');
    await fetchFeed(forged).expect(404);
    await t.http().get('/api/v1/calendar-feeds/nonsense.ics').expect(404);
    await t.http().get('/api/v1/me/calendar-feed').expect(401);
  });
});
