import {
  AGREEMENT_AT_RISK,
  agreementNotices,
  MILESTONE_DUE,
  MILESTONE_OVERDUE,
  milestoneReminderDue,
  renderAgreementNotice,
  ReminderAgreement,
  ReminderMilestone,
} from './milestone-reminders';

const milestone = (overrides: Partial<ReminderMilestone> = {}): ReminderMilestone => ({
  id: 'm1',
  templateKey: null,
  name: 'Stage 1 audit',
  dueOn: '2027-03-10',
  status: 'pending',
  completedOn: null,
  plannedDays: 0,
  position: 0,
  owner: 'factory',
  ...overrides,
});

const agreement = (overrides: Partial<ReminderAgreement> = {}): ReminderAgreement => ({
  id: 'a1',
  title: 'ISO 9001 with Yuyao Valve',
  status: 'in_progress',
  factoryId: 'f1',
  factoryName: 'Yuyao Valve',
  startsOn: '2027-01-01',
  targetOn: '2027-06-30',
  ...overrides,
});

describe('milestone reminders', () => {
  it.each([
    // today, expected dedupe key (due 2027-03-10) or null
    ['2027-03-01', null], // 9 days left
    ['2027-03-02', null], // 8 days left
    ['2027-03-03', 'milestone:m1:due:2027-03-10:7'], // 7 days left
    ['2027-03-08', 'milestone:m1:due:2027-03-10:7'], // 2 days left: the 7-day window
    ['2027-03-09', 'milestone:m1:due:2027-03-10:1'], // 1 day left
    ['2027-03-10', 'milestone:m1:due:2027-03-10:1'], // due today
    ['2027-03-11', 'milestone:m1:overdue:2027-03-10:w0'], // 1 day overdue
    ['2027-03-17', 'milestone:m1:overdue:2027-03-10:w0'], // 7 days overdue
    ['2027-03-18', 'milestone:m1:overdue:2027-03-10:w1'], // 8 days overdue: a week later
    ['2027-03-24', 'milestone:m1:overdue:2027-03-10:w1'],
    ['2027-03-25', 'milestone:m1:overdue:2027-03-10:w2'],
    ['2027-05-10', 'milestone:m1:overdue:2027-03-10:w8'], // 61 days overdue
  ])('on %s a milestone due 2027-03-10 is owed %p', (today, key) => {
    expect(milestoneReminderDue(milestone(), today)?.dedupeKey ?? null).toBe(key);
  });

  it.each(['done', 'skipped'] as const)('a %s milestone is owed nothing', (status) => {
    expect(milestoneReminderDue(milestone({ status }), '2027-03-09')).toBeNull();
    expect(milestoneReminderDue(milestone({ status }), '2027-04-09')).toBeNull();
  });

  it('gives a rescheduled milestone fresh keys', () => {
    const before = milestoneReminderDue(milestone(), '2027-03-09')!.dedupeKey;
    const after = milestoneReminderDue(milestone({ dueOn: '2027-03-10' }), '2027-03-09')!.dedupeKey;
    const moved = milestoneReminderDue(milestone({ dueOn: '2027-03-16' }), '2027-03-09')!.dedupeKey;
    expect(after).toBe(before);
    expect(moved).not.toBe(before);
  });

  it('counts weeks across a leap day', () => {
    expect(milestoneReminderDue(milestone({ dueOn: '2028-02-28' }), '2028-03-07')).toMatchObject({
      kind: MILESTONE_OVERDUE,
      daysOverdue: 8,
      week: 1,
    });
  });

  it.each(['draft', 'negotiating', 'certified', 'terminated', 'lapsed'] as const)(
    'a %s agreement is not chased',
    (status) => {
      expect(agreementNotices(agreement({ status }), [milestone()], '2027-03-12')).toEqual([]);
    },
  );

  it('lists the milestone notices and the at-risk notice of a signed agreement', () => {
    const notices = agreementNotices(
      agreement({ status: 'signed' }),
      [
        milestone({ id: 'late', dueOn: '2027-03-01', position: 0, plannedDays: 10 }),
        milestone({ id: 'soon', dueOn: '2027-03-13', position: 1, plannedDays: 5 }),
        milestone({ id: 'far', dueOn: '2027-05-01', position: 2, plannedDays: 40 }),
        milestone({ id: 'done', dueOn: '2027-03-11', status: 'done', completedOn: '2027-03-01' }),
      ],
      '2027-03-12',
    );
    expect(notices.map((n) => [n.kind, n.dedupeKey, n.audience, n.factoryId])).toEqual([
      [MILESTONE_OVERDUE, 'milestone:late:overdue:2027-03-01:w1', 'responsible', 'f1'],
      [MILESTONE_DUE, 'milestone:soon:due:2027-03-13:1', 'responsible', 'f1'],
      [AGREEMENT_AT_RISK, 'agreement:a1:at-risk:MILESTONE_OVERDUE:2027-06-30', 'responsible', 'f1'],
    ]);
    expect(notices[0]).toMatchObject({
      subjectType: 'milestone',
      subjectId: 'late',
      dueOn: '2027-03-01',
    });
    expect(notices[2]).toMatchObject({
      subjectType: 'agreement',
      subjectId: 'a1',
      dueOn: '2027-06-30',
    });
  });

  it('warns of a plan that cannot fit before the target', () => {
    const notices = agreementNotices(
      agreement({ targetOn: '2027-03-20' }),
      [milestone({ dueOn: '2027-03-19', plannedDays: 90 })],
      '2027-01-02',
    );
    expect(notices.map((n) => n.dedupeKey)).toEqual([
      'agreement:a1:at-risk:PLAN_CANNOT_FIT:2027-03-20',
    ]);
  });

  describe('rendering', () => {
    const base = {
      subjectType: 'milestone',
      subjectId: 'm1',
      factoryId: 'f1',
      dueOn: '2027-03-10',
      payload: {
        agreementId: 'a1',
        agreementTitle: 'ISO 9001 with Yuyao Valve',
        factoryName: 'Yuyao Valve',
        milestoneName: 'Stage 1 audit',
        owner: 'factory',
      },
    };

    it.each([
      [
        MILESTONE_DUE,
        7,
        'en',
        'Milestone "Stage 1 audit" of "ISO 9001 with Yuyao Valve" (Yuyao Valve) is due in 7 days (2027-03-10)',
      ],
      [MILESTONE_DUE, 1, 'en', 'is due tomorrow'],
      [MILESTONE_DUE, 0, 'en', 'is due today'],
      [MILESTONE_DUE, 7, 'zh-CN', '里程碑“Stage 1 audit”7 天后到期（2027-03-10）'],
      [MILESTONE_OVERDUE, -8, 'en', 'is 8 days overdue (due 2027-03-10)'],
      [MILESTONE_OVERDUE, -1, 'en', 'is 1 day overdue'],
      [MILESTONE_OVERDUE, -8, 'zh-CN', '已逾期 8 天（应于 2027-03-10 完成）'],
    ] as const)('%s with %d days left in %s', (kind, daysLeft, locale, words) => {
      const rendered = renderAgreementNotice({ ...base, kind, daysLeft }, locale);
      expect(rendered.title).toContain(words);
      expect(rendered.link).toBe('/agreements/a1');
      expect(rendered.detail).toContain(locale === 'en' ? 'the factory' : '工厂');
    });

    it('names a plan step in Chinese for a Chinese reader, and as it is for an English one', () => {
      const notice = {
        ...base,
        kind: MILESTONE_DUE,
        daysLeft: 7,
        payload: { ...base.payload, milestoneNameZh: '第一阶段审核（文件审查）' },
      };
      expect(renderAgreementNotice(notice, 'zh-CN').title).toContain(
        '里程碑“第一阶段审核（文件审查）”7 天后到期',
      );
      expect(renderAgreementNotice(notice, 'en').title).toContain('Milestone "Stage 1 audit"');
    });

    it.each([
      ['en', 'is at risk of missing its target 2027-06-30', 'need until 2027-07-10'],
      [
        'zh-CN',
        '可能无法在目标日期 2027-06-30 前完成认证',
        '2027-07-10 才能完成，比目标日期晚 10 天',
      ],
    ] as const)('an agreement at risk in %s', (locale, title, detail) => {
      const rendered = renderAgreementNotice(
        {
          ...base,
          kind: AGREEMENT_AT_RISK,
          subjectType: 'agreement',
          subjectId: 'a1',
          dueOn: '2027-06-30',
          daysLeft: 100,
          payload: {
            ...base.payload,
            targetOn: '2027-06-30',
            reason: {
              code: 'PLAN_CANNOT_FIT',
              message:
                "The 3 remaining milestones need until 2027-07-10 at the plan's pace, 10 days after targetOn 2027-06-30",
              projectedFinishOn: '2027-07-10',
              daysLate: 10,
            },
          },
        },
        locale,
      );
      expect(rendered.title).toContain(title);
      expect(rendered.detail).toContain(detail);
    });
  });
});
