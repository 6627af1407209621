import type { Role } from '../common/actor';

export const FINDING_STATUSES = ['open', 'action_proposed', 'verified_closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Who moves a finding: the factory answers it, trader staff verify, close and reopen. */
export type FindingMove = 'propose_action' | 'close' | 'reopen';

interface MoveRule {
  from: readonly FindingStatus[];
  to: FindingStatus;
  roles: readonly Role[];
}

/**
 * The allowed moves. A corrective action may be proposed again while one is pending (a
 * better one replaces it). Closing needs a proposed action, except for an observation,
 * which asks for none. Reopening sends a rejected proposal, or a closed finding that
 * came back, to `open`.
 */
export const FINDING_MOVES: Record<FindingMove, MoveRule> = {
  propose_action: {
    from: ['open', 'action_proposed'],
    to: 'action_proposed',
    roles: ['admin', 'member', 'factory_manager'],
  },
  close: { from: ['action_proposed'], to: 'verified_closed', roles: ['admin', 'member'] },
  reopen: { from: ['action_proposed', 'verified_closed'], to: 'open', roles: ['admin', 'member'] },
};

export type MoveProblem = 'role' | 'status';

/** Whether `role` may make `move` on a finding in `status` (of `severity`); null when it may. */
export function findingMoveProblem(
  move: FindingMove,
  status: FindingStatus,
  role: Role,
  severity: string,
): MoveProblem | null {
  const rule = FINDING_MOVES[move];
  if (!rule.roles.includes(role)) return 'role';
  const from: readonly FindingStatus[] =
    move === 'close' && severity === 'observation' ? ['open', 'action_proposed'] : rule.from;
  return from.includes(status) ? null : 'status';
}
