import { overdueFindingNotice, renderOverdueFinding } from './finding-overdue';

const finding = {
  id: 'f1',
  auditId: 'a1',
  factoryId: 'fa1',
  factoryName: 'Yuyao Valve',
  clause: '8.4',
  description: 'Plating subcontractor never evaluated.',
  dueOn: '2026-12-10',
  status: 'open',
};

describe('overdueFindingNotice', () => {
  it.each<[string, string | null, boolean | null]>([
    ['2026-12-10', null, null],
    ['2026-12-11', 'finding:f1:overdue:2026-12-10:w0', false],
    ['2026-12-17', 'finding:f1:overdue:2026-12-10:w0', false],
    ['2026-12-18', 'finding:f1:overdue:2026-12-10:w1', true],
  ])('on %s: %s', (today, key, escalated) => {
    const notice = overdueFindingNotice(finding, today);
    expect(notice?.dedupeKey ?? null).toBe(key);
    expect(notice?.escalateToAdmins ?? null).toBe(escalated);
  });

  it('says nothing of a closed finding', () => {
    expect(
      overdueFindingNotice({ ...finding, status: 'verified_closed' }, '2027-01-01'),
    ).toBeNull();
  });

  it('renders in both languages, linking to the finding', () => {
    const notice = overdueFindingNotice(finding, '2026-12-13')!;
    const stored = { ...notice, daysLeft: -3 };
    expect(renderOverdueFinding(stored, 'en')).toEqual({
      title:
        'A major finding (clause 8.4) at Yuyao Valve is 3 days past its corrective-action date (2026-12-10)',
      detail: 'No corrective action yet: the factory should propose one and attach its evidence.',
      link: '/findings/f1',
    });
    expect(renderOverdueFinding(stored, 'zh-CN').title).toBe(
      'Yuyao Valve 的严重不符合项（条款 8.4）整改已逾期 3 天（应于 2026-12-10 完成）',
    );
  });
});
