import { Subscription } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createConnectionHold } from '../../src/meeting/connection-hold.js';
import { virtualClock } from './virtual-clock.js';

const GRACE = 100;

/** A hold over a fake connection that records how often it was started and stopped. */
function fixture(endsAtOnce = false) {
  const { scheduler, advance } = virtualClock();
  const log = { started: 0, stopped: 0 };
  const hold = createConnectionHold(
    () => {
      log.started += 1;
      const connection = new Subscription(() => {
        log.stopped += 1;
      });
      if (endsAtOnce) connection.unsubscribe();
      return connection;
    },
    GRACE,
    scheduler,
  );
  return { hold, log, advance };
}

describe('createConnectionHold', () => {
  it('starts one connection for many holders and stops it a grace period after the last lets go', () => {
    const f = fixture();
    const a = f.hold.hold();
    const b = f.hold.hold();
    expect(f.log).toEqual({ started: 1, stopped: 0 });
    a();
    b();
    f.advance(GRACE - 1);
    expect(f.log.stopped).toBe(0);
    f.advance(1);
    expect(f.log).toEqual({ started: 1, stopped: 1 });
  });

  it('keeps the connection for a holder who comes within the grace period', () => {
    const f = fixture();
    f.hold.hold()();
    f.advance(GRACE - 1);
    const again = f.hold.hold();
    f.advance(10 * GRACE);
    expect(f.log).toEqual({ started: 1, stopped: 0 });
    again();
    f.advance(GRACE);
    expect(f.log.stopped).toBe(1);
  });

  it('counts a release once, however often it is called', () => {
    const f = fixture();
    const a = f.hold.hold();
    const b = f.hold.hold();
    a();
    a();
    f.advance(10 * GRACE);
    expect(f.log.stopped).toBe(0);
    b();
    f.advance(GRACE);
    expect(f.log.stopped).toBe(1);
  });

  it('starts anew after the connection ended by itself', () => {
    const f = fixture();
    f.hold.hold();
    f.hold.ended();
    f.hold.hold();
    expect(f.log.started).toBe(2);
  });

  it('does not keep a connection that ended at once', () => {
    const f = fixture(true);
    f.hold.hold();
    f.hold.hold();
    expect(f.log.started).toBe(2);
  });

  it('stops at once on stop(), grace period or not', () => {
    const f = fixture();
    const a = f.hold.hold();
    f.hold.stop();
    expect(f.log.stopped).toBe(1);
    a();
    f.advance(GRACE);
    expect(f.log).toEqual({ started: 1, stopped: 1 });
  });
});
