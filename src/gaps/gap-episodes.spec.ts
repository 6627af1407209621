import { planEpisodes, scopeGapDedupeKey } from './gap-episodes';

const key = (gap: { key: string }) => gap.key;

describe('gap episodes', () => {
  it.each([
    {
      name: 'a newly found gap opens an episode',
      open: [],
      current: ['a'],
      opened: ['a'],
      closed: [],
    },
    {
      name: 'a gap already open is not opened (nor reported) again',
      open: [{ id: 'e1', gapKey: 'a' }],
      current: ['a'],
      opened: [],
      closed: [],
    },
    {
      name: 'a solved gap closes its episode',
      open: [{ id: 'e1', gapKey: 'a' }],
      current: [],
      opened: [],
      closed: ['e1'],
    },
    {
      name: 'one gap solved, another found, one still open',
      open: [
        { id: 'e1', gapKey: 'a' },
        { id: 'e2', gapKey: 'b' },
      ],
      current: ['b', 'c', 'c'],
      opened: ['c'],
      closed: ['e1'],
    },
  ])('$name', ({ open, current, opened, closed }) => {
    const plan = planEpisodes(
      open,
      current.map((k) => ({ key: k })),
      key,
    );
    expect(plan.open.map(key)).toEqual(opened);
    expect(plan.close).toEqual(closed);
  });

  it('reports a gap that reappears after being solved under a new dedupe key', () => {
    // day 1: found; day 2: solved; day 3: back again
    const day1 = planEpisodes([], [{ key: 'a' }], key);
    expect(day1.open).toHaveLength(1);
    const day2 = planEpisodes([{ id: 'e1', gapKey: 'a' }], [], key);
    expect(day2.close).toEqual(['e1']);
    const day3 = planEpisodes([], [{ key: 'a' }], key);
    expect(day3.open).toHaveLength(1);
    expect(scopeGapDedupeKey('e2')).not.toBe(scopeGapDedupeKey('e1'));
  });
});
