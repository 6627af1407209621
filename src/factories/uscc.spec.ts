import { usccCheckCharacter, usccProblem } from './uscc';

describe('Unified Social Credit Code', () => {
  it.each([
    ['91350100M000100Y43', null],
    ['91110000600037341L', null],
    ['91350100m000100y43', null],
    ['91350100M000100Y44', 'check_character'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100M0001O0Y43', 'characters'],
    ['', 'length'],
  ])('%p -> %p', (code, expected) => {
    expect(usccProblem(code)).toBe(expected);
  });

  it('computes the check character from the first 17', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });
});
