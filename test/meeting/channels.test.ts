/**
 * Per-type channels (unit), and the replay and cache rules as a meeting applies them (virtual time,
 * fake sockets).
 */
import { take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createChannels } from '../../src/meeting/channels.js';
import type { Push } from '../../src/meeting/link-events.js';
import { confDynamicInfo, netCondition, speakerChange } from '../protocol/fixtures/protocol-examples.js';
import { decodeOk } from '../protocol/helpers.js';
import { fakeLink, providedTokens } from './fake-link.js';

const push = (text: string) => decodeOk(text) as Push;
const dynamic = push(confDynamicInfo);
const net = push(netCondition);
const speakers = push(speakerChange);

describe('createChannels', () => {
  it('delivers a push to the subscribers of its type only', () => {
    const channels = createChannels(new Set());
    const got: string[] = [];
    channels.channel('ConfDynamicInfoNotify').subscribe((p) => got.push(`a ${p.action}`));
    channels.channel('NetConditionNotify').subscribe((p) => got.push(`b ${p.action}`));
    channels.dispatch(dynamic);
    channels.dispatch(net);
    expect(got).toEqual(['a ConfDynamicInfoNotify', 'b NetConditionNotify']);
  });

  it('replays the latest push to a late subscriber for replayed types only', () => {
    const channels = createChannels(new Set(['ConfDynamicInfoNotify']));
    channels.dispatch(dynamic);
    channels.dispatch(net);
    const late: Push[] = [];
    channels.channel('ConfDynamicInfoNotify').subscribe((p) => late.push(p));
    channels.channel('NetConditionNotify').subscribe((p) => late.push(p));
    expect(late).toEqual([dynamic]);
  });

  it('forgets what it holds on forgetLatest', () => {
    const channels = createChannels(new Set(['SpeakerChangeNotify']));
    channels.dispatch(speakers);
    channels.forgetLatest();
    const late: Push[] = [];
    channels.channel('SpeakerChangeNotify').subscribe((p) => late.push(p));
    expect(late).toEqual([]);
  });

  it('a subscriber satisfied by the replay is not kept', () => {
    const channels = createChannels(new Set(['SpeakerChangeNotify']));
    channels.dispatch(speakers);
    const got: Push[] = [];
    channels
      .channel('SpeakerChangeNotify')
      .pipe(take(1))
      .subscribe((p) => got.push(p));
    channels.dispatch(speakers);
    expect(got).toHaveLength(1);
  });

  it('a delivery under way goes on over the list it began with (as a Subject)', () => {
    const channels = createChannels(new Set());
    const got: string[] = [];
    const first = channels.channel('NetConditionNotify').subscribe(() => {
      got.push('first');
      first.unsubscribe();
      // Joins during the delivery: gets the next push, not this one.
      channels.channel('NetConditionNotify').subscribe(() => got.push('joined'));
    });
    channels.channel('NetConditionNotify').subscribe(() => got.push('second'));
    channels.dispatch(net);
    channels.dispatch(net);
    expect(got).toEqual(['first', 'second', 'second', 'joined']);
  });

  it('completeAll completes every subscriber now, and every later one at once', () => {
    const channels = createChannels(new Set(['ConfDynamicInfoNotify']));
    channels.dispatch(dynamic);
    const completed: string[] = [];
    channels.channel('NetConditionNotify').subscribe({ complete: () => completed.push('now') });
    channels.completeAll();
    const later: Push[] = [];
    channels
      .channel('ConfDynamicInfoNotify')
      .subscribe({ next: (p) => later.push(p), complete: () => completed.push('later') });
    expect(completed).toEqual(['now', 'later']);
    expect(later).toEqual([]);
  });
});

describe('replay and cache rules of a meeting', () => {
  /** Live, with one status push received; then every data subscriber leaves at 0 ms. */
  async function liveThenLeft() {
    const f = fakeLink({ getTokens: providedTokens, idleGraceMs: 1000 });
    const held = f.meeting.confDynamicInfo$.subscribe();
    await f.settle();
    f.openLatest();
    expect(f.statuses.at(-1)?.phase).toBe('live');
    held.unsubscribe();
    return f;
  }

  it('a state-like stream replays the latest push while the connection runs', async () => {
    const f = await liveThenLeft();
    const got: Push[] = [];
    f.meeting.confDynamicInfo$.pipe(take(1)).subscribe((p) => got.push(p));
    expect(got.map((p) => p.action)).toEqual(['ConfDynamicInfoNotify']);
    f.meeting.close();
  });

  it('the latest push is forgotten when the connection ends after the grace period', async () => {
    const f = await liveThenLeft();
    f.advance(1000);
    expect(f.open()).toHaveLength(0);
    const got: Push[] = [];
    f.meeting.confDynamicInfo$.subscribe((p) => got.push(p));
    await f.settle();
    // A new socket is opening; nothing of the old one may be told as current.
    expect(f.sockets).toHaveLength(2);
    expect(got).toEqual([]);
    f.meeting.close();
  });

  it('a subscriber satisfied by the replay alone does not hold the socket past its grace period', async () => {
    const f = await liveThenLeft();
    f.advance(600);
    f.meeting.confDynamicInfo$.pipe(take(1)).subscribe();
    f.advance(400);
    expect(f.open()).toHaveLength(0);
    f.meeting.close();
  });

  it('netConditions$ (a list type) replays nothing: a late subscriber gets no increment as state', async () => {
    const f = fakeLink({ getTokens: providedTokens });
    const early: Push[] = [];
    f.meeting.netConditions$.subscribe((p) => early.push(p));
    await f.settle();
    f.openLatest();
    f.sockets[0]!.receive(netCondition);
    expect(early).toHaveLength(1);
    const late: Push[] = [];
    f.meeting.netConditions$.subscribe((p) => late.push(p));
    expect(late).toEqual([]);
    f.meeting.close();
  });
});
