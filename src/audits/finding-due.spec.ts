import { correctiveActionDueOn } from './finding-due';
import { findingMoveProblem } from './finding-transitions';

describe('correctiveActionDueOn', () => {
  it.each([
    ['major', '2026-11-10', '2026-12-10'],
    ['minor', '2026-11-10', '2027-02-08'],
    ['observation', '2026-11-10', null],
    // across a month end and a leap day
    ['major', '2028-02-15', '2028-03-16'],
  ] as const)('%s found on %s is due on %s', (severity, auditedOn, dueOn) => {
    expect(correctiveActionDueOn(severity, auditedOn)).toBe(dueOn);
  });
});

describe('findingMoveProblem', () => {
  it.each([
    ['propose_action', 'open', 'factory_manager', 'major', null],
    ['propose_action', 'action_proposed', 'factory_manager', 'major', null],
    ['propose_action', 'verified_closed', 'factory_manager', 'major', 'status'],
    ['close', 'action_proposed', 'member', 'major', null],
    ['close', 'action_proposed', 'factory_manager', 'major', 'role'],
    ['close', 'open', 'admin', 'major', 'status'],
    ['close', 'open', 'admin', 'observation', null],
    ['reopen', 'verified_closed', 'admin', 'minor', null],
    ['reopen', 'action_proposed', 'member', 'minor', null],
    ['reopen', 'open', 'admin', 'minor', 'status'],
    ['reopen', 'verified_closed', 'factory_manager', 'minor', 'role'],
  ] as const)('%s from %s by %s (%s): %s', (move, status, role, severity, problem) => {
    expect(findingMoveProblem(move, status, role, severity)).toBe(problem);
  });
});
