/**
 * Rule `gap_episodes`: a gap is reported once per appearance — the daily scan opens an
 * episode for a gap it finds with no open episode, and closes the open episode of a gap
 * it no longer finds, so a solved gap that comes back opens a new episode. Pure.
 */
export interface OpenEpisode {
  id: string;
  gapKey: string;
}

export interface EpisodePlan<G> {
  /** Gaps found now with no open episode: open one each. */
  open: G[];
  /** Ids of open episodes whose gap is gone: close them. */
  close: string[];
}

export function planEpisodes<G>(
  openEpisodes: OpenEpisode[],
  currentGaps: G[],
  keyOf: (gap: G) => string,
): EpisodePlan<G> {
  const current = new Map<string, G>();
  for (const gap of currentGaps) if (!current.has(keyOf(gap))) current.set(keyOf(gap), gap);
  const alreadyOpen = new Set(openEpisodes.map((episode) => episode.gapKey));
  return {
    open: [...current.entries()].filter(([key]) => !alreadyOpen.has(key)).map(([, gap]) => gap),
    close: openEpisodes.filter((episode) => !current.has(episode.gapKey)).map((e) => e.id),
  };
}

/** The reminder's dedupe key: one per episode, so a reappearing gap is reported again. */
export function scopeGapDedupeKey(episodeId: string): string {
  return `gap:${episodeId}`;
}
