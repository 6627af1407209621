/**
 * Where an agreement may go next. People move it along draft → negotiating → signed →
 * in_progress → certified, or end it (terminated) from any open state; only the daily
 * scan moves an in_progress agreement past its target, with unfinished milestones, to
 * lapsed. certified, terminated and lapsed are final.
 */
export const AGREEMENT_STATUSES = [
  'draft',
  'negotiating',
  'signed',
  'in_progress',
  'certified',
  'terminated',
  'lapsed',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const OPEN_STATUSES: readonly AgreementStatus[] = [
  'draft',
  'negotiating',
  'signed',
  'in_progress',
];

/** Who moves the agreement: a person through the API, or the daily scan. */
export type TransitionBy = 'person' | 'scan';

const BY_PERSON: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['negotiating', 'terminated'],
  negotiating: ['signed', 'terminated'],
  signed: ['in_progress', 'terminated'],
  in_progress: ['certified', 'terminated'],
  certified: [],
  terminated: [],
  lapsed: [],
};

const BY_SCAN: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: [],
  negotiating: [],
  signed: [],
  in_progress: ['lapsed'],
  certified: [],
  terminated: [],
  lapsed: [],
};

export function isOpen(status: AgreementStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function nextStatuses(
  from: AgreementStatus,
  by: TransitionBy = 'person',
): readonly AgreementStatus[] {
  return (by === 'person' ? BY_PERSON : BY_SCAN)[from];
}

/** Null when the move is allowed; otherwise the sentence a 409 answers with. */
export function transitionProblem(
  from: AgreementStatus,
  to: AgreementStatus,
  by: TransitionBy = 'person',
): string | null {
  const allowed = nextStatuses(from, by);
  if (allowed.includes(to)) return null;
  const next = allowed.length ? allowed.join(', ') : 'none (it is final)';
  const why = to === 'lapsed' && by === 'person' ? ' (lapsed is set by the daily scan)' : '';
  return `An agreement cannot move from ${from} to ${to}${why}; allowed next states: ${next}`;
}

/**
 * The daily scan's rule: an in_progress agreement whose targetOn has passed (today is
 * after it) while milestones are still pending has lapsed.
 */
export function shouldLapse(
  agreement: { status: AgreementStatus; targetOn: string },
  pendingMilestones: number,
  today: string,
): boolean {
  return agreement.status === 'in_progress' && today > agreement.targetOn && pendingMilestones > 0;
}
