/**
 * Scoring of a supplier audit checklist. Pure: it takes the checklist (sections of
 * question ids) and the answers, and decides each section's score and the overall one.
 *
 * The rule: `yes` earns 2 points, `partial` 1, `no` 0, out of 2 per question;
 * `not_applicable` and unanswered questions count neither for nor against. A section's
 * score is its points over its possible points, as a whole percentage (rounded half up),
 * or null when none of its questions was answered with yes, partial or no. The overall
 * score is the mean of the section scores that are not null (each section weighs the same,
 * so a long section cannot drown a short one such as subcontracting), or null when all are.
 */
export const CHECKLIST_ANSWERS = ['yes', 'partial', 'no', 'not_applicable'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

const POINTS: Record<Exclude<ChecklistAnswer, 'not_applicable'>, number> = {
  yes: 2,
  partial: 1,
  no: 0,
};

export interface ScoredSection {
  sectionId: string;
  questionIds: string[];
}

export interface SectionScore {
  sectionId: string;
  /** 0–100, or null when nothing in the section was scored. */
  score: number | null;
  /** Questions answered (not_applicable included). */
  answered: number;
  questions: number;
}

export interface ChecklistScore {
  sections: SectionScore[];
  overall: number | null;
  /** Every question has an answer. */
  complete: boolean;
}

export function scoreChecklist(
  sections: ScoredSection[],
  answers: ReadonlyMap<string, ChecklistAnswer>,
): ChecklistScore {
  const scored = sections.map((section): SectionScore => {
    let points = 0;
    let possible = 0;
    let answered = 0;
    for (const questionId of section.questionIds) {
      const answer = answers.get(questionId);
      if (answer === undefined) continue;
      answered += 1;
      if (answer === 'not_applicable') continue;
      points += POINTS[answer];
      possible += 2;
    }
    return {
      sectionId: section.sectionId,
      score: possible === 0 ? null : Math.round((points / possible) * 100),
      answered,
      questions: section.questionIds.length,
    };
  });
  const counted = scored.flatMap((s) => (s.score === null ? [] : [s.score]));
  return {
    sections: scored,
    overall:
      counted.length === 0 ? null : Math.round(counted.reduce((a, b) => a + b, 0) / counted.length),
    complete: scored.every((s) => s.answered === s.questions),
  };
}
