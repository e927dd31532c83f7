// The wait that wrong teacher PINs start, counted down every second: the teacher area's PIN form and the
// delete-learner dialog both show it, from the end the backend gives (teacher:status' lockedUntil).
export class PinWait {
  /** When the next try is allowed (ms since the epoch); null when no wait is on. */
  until = $state<number | null>(null);
  private clock = $state(Date.now());
  /** Whole seconds before the next try, counted down every second; 0 once trying is allowed. */
  readonly secondsLeft = $derived(this.until === null ? 0 : Math.max(0, Math.ceil((this.until - this.clock) / 1000)));
  private ticking: ReturnType<typeof setInterval> | undefined;

  /** `onOver` runs once a wait has been counted down to 0 (the form clears the refusal it showed). */
  constructor(private readonly onOver: () => void = () => {}) {}

  /** Counts down to `lockedUntil` (an ISO time), or stops counting when it is null or past. */
  start(lockedUntil: string | null): void {
    this.stop();
    this.clock = Date.now();
    this.until = lockedUntil === null ? null : Date.parse(lockedUntil);
    if (this.secondsLeft === 0) return void (this.until = null);
    this.ticking = setInterval(() => {
      this.clock = Date.now();
      if (this.secondsLeft > 0) return;
      this.stop();
      this.until = null;
      this.onOver();
    }, 1000);
  }

  /** Stops the timer (the form is leaving, or a new wait replaces this one). */
  stop(): void {
    clearInterval(this.ticking);
    this.ticking = undefined;
  }
}
