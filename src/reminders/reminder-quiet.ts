/**
 * Acknowledged notices stay quiet: an acknowledgement with a date silences the repeats
 * and escalations of the same notice until that date. A new threshold (30 days, then 14)
 * or a change of the subject's date (a new expiresOn, a moved audit) is a new notice and
 * ends the quiet. Pure: "today" is passed in.
 */
export interface Quiet {
  kind: string;
  subjectType: string;
  subjectId: string;
  /** The due date the acknowledged notice had. */
  dueOn: string;
  /** The threshold it had reached (days before dueOn), or null for repeats without one. */
  stage: number | null;
  /** Last quiet day, YYYY-MM-DD. */
  quietUntil: string;
}

export interface NoticeFacts {
  kind: string;
  subjectType: string;
  subjectId: string;
  dueOn: string;
  payload: Record<string, unknown>;
}

/** The threshold a notice stands for (`thresholdDays` in its payload), if any. */
export function stageOf(payload: Record<string, unknown>): number | null {
  return typeof payload.thresholdDays === 'number' ? payload.thresholdDays : null;
}

/** Whether one of these acknowledgements silences the notice on `today`. */
export function isQuiet(notice: NoticeFacts, quiets: readonly Quiet[], today: string): boolean {
  const stage = stageOf(notice.payload);
  return quiets.some(
    (q) =>
      q.kind === notice.kind &&
      q.subjectType === notice.subjectType &&
      q.subjectId === notice.subjectId &&
      q.dueOn === notice.dueOn &&
      q.stage === stage &&
      today <= q.quietUntil,
  );
}
