import { VirtualTimeScheduler } from 'rxjs';

/**
 * A VirtualTimeScheduler with `advance(ms)`: runs everything due within the next `ms` and moves the
 * clock there (a plain `flush()` leaves the clock at the last action it ran).
 */
export function virtualClock(): { scheduler: VirtualTimeScheduler; advance: (ms: number) => void } {
  const scheduler = new VirtualTimeScheduler();
  const advance = (ms: number) => {
    const until = scheduler.now() + ms;
    scheduler.maxFrames = until;
    scheduler.flush();
    scheduler.frame = until;
  };
  return { scheduler, advance };
}
