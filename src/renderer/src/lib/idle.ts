// Work that can wait for a frame the learner or teacher is not using: the rest of a page after its first screenful.

/** Runs `work` when the renderer is idle (within half a second); a short timer where requestIdleCallback is missing (Safari). */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 500 });
  else setTimeout(work, 1);
}
