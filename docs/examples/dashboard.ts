/**
 * A live meeting dashboard in plain DOM: the roster, who is speaking, the meeting's state and the
 * connection status. Served with its page by `huawei-meeting-rx demo --web`; see docs/browser.md.
 *
 * The page never sees the host password. Before every connection attempt it asks its own backend
 * (`POST /api/meeting-tokens`) for fresh tokens, and the library opens the meeting's WebSocket with
 * the browser's native WebSocket.
 */
import { connectMeeting } from 'huawei-meeting-rx';
import type { ObservedValueOf } from 'rxjs';

type Meeting = ReturnType<typeof connectMeeting>;
type Roster = ObservedValueOf<Meeting['roster$']>;
type Participant = Roster extends ReadonlyMap<string, infer P> ? P : never;
type Speakers = ObservedValueOf<Meeting['activeSpeakers$']>;
type State = ObservedValueOf<Meeting['meetingState$']>;
type Status = ObservedValueOf<Meeting['status$']>;

/** How many joins and leaves the log keeps. */
const LOG_LENGTH = 8;

/** The element marked `data-testid="<id>"` (the end-to-end test finds things the same way). */
function byTestId(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`dashboard.html has no [data-testid="${id}"]`);
  return element;
}

/** A new element with text. Only `textContent`, never `innerHTML`: names come from the network. */
function el(tag: string, text: string, attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

async function readJson(response: Response): Promise<unknown> {
  const body = (await response.json()) as unknown;
  // The backend's failures are the library's own typed errors (e.g. MEETING_NOT_FOUND ends the
  // streams instead of retrying), so they are thrown as they are.
  if (!response.ok) throw (body as { error?: unknown }).error ?? new Error(`HTTP ${response.status}`);
  return body;
}

/** Called by the library before every connection attempt: single-use tokens from our backend. */
async function fetchTokens(conferenceId: string) {
  const url = `/api/meeting-tokens?conferenceId=${encodeURIComponent(conferenceId)}`;
  return (await readJson(await fetch(url, { method: 'POST' }))) as {
    wsURL: string;
    confToken: string;
    webSocketToken: string;
  };
}

function renderRoster(roster: Roster, speaking: ReadonlySet<string>): void {
  const people = [...roster.values()].sort(
    (a, b) => (a.joinedAtMs ?? 0) - (b.joinedAtMs ?? 0) || (a.name ?? '').localeCompare(b.name ?? ''),
  );
  const rows = people.map((p: Participant) => {
    const row = el('tr', '', {
      'data-testid': 'participant',
      'data-pid': p.pid,
      'data-speaking': String(speaking.has(p.pid)),
    });
    row.append(
      el('td', p.name ?? p.pid, { 'data-testid': 'participant-name' }),
      el('td', p.role),
      el('td', p.muted ? 'muted' : 'on', { 'data-testid': 'participant-mic' }),
      el('td', p.handRaised ? 'raised' : '', { 'data-testid': 'participant-hand' }),
    );
    return row;
  });
  byTestId('roster').replaceChildren(...rows);
  byTestId('participant-count').textContent = String(people.length);
}

function renderSpeakers(speakers: Speakers): void {
  const items = speakers.map((s) =>
    el('li', `${s.name ?? s.pid}${s.volume === undefined ? '' : ` (${s.volume})`}`, {
      'data-testid': 'speaker',
    }),
  );
  byTestId('speakers').replaceChildren(
    ...(items.length > 0 ? items : [el('li', 'nobody', { class: 'muted' })]),
  );
}

function renderState(state: State): void {
  byTestId('meeting-title').textContent = state.title ?? 'Untitled meeting';
  byTestId('meeting-state').textContent = `state: ${state.state}`;
  const recording = byTestId('meeting-recording');
  recording.textContent = state.recording ? 'recording' : 'not recording';
  recording.dataset['on'] = String(state.recording);
  const locked = byTestId('meeting-locked');
  locked.textContent = state.locked ? 'locked' : 'unlocked';
  locked.dataset['on'] = String(state.locked);
}

function renderStatus(status: Status): void {
  const badge = byTestId('connection-status');
  badge.dataset['phase'] = status.phase;
  badge.textContent =
    status.phase === 'reconnecting'
      ? `reconnecting (attempt ${status.attempt}, in ${Math.round(status.delayMs / 100) / 10} s)`
      : status.phase;
  // lastError is redacted by the library; safe to show.
  badge.title = status.lastError?.message ?? '';
}

function logEvent(text: string): void {
  const list = byTestId('events');
  list.querySelector('.muted')?.remove();
  list.prepend(el('li', `${new Date().toLocaleTimeString()} ${text}`, { 'data-testid': 'event' }));
  while (list.children.length > LOG_LENGTH) list.lastElementChild?.remove();
}

async function main(): Promise<void> {
  // Which meeting: `?conference=ID` in the page's URL, else the backend's default.
  const fromUrl = new URLSearchParams(location.search).get('conference');
  const conferenceId =
    fromUrl ?? ((await readJson(await fetch('/api/meeting'))) as { conferenceId: string }).conferenceId;

  const meeting = connectMeeting({
    conferenceId,
    getTokens: (context) => fetchTokens(context.conferenceId),
  });

  let roster: Roster = new Map();
  let speaking: ReadonlySet<string> = new Set();
  meeting.status$.subscribe(renderStatus);
  meeting.meetingState$.subscribe(renderState);
  meeting.roster$.subscribe((next) => {
    roster = next;
    renderRoster(roster, speaking);
  });
  meeting.activeSpeakers$.subscribe((speakers) => {
    speaking = new Set(speakers.map((s) => s.pid));
    renderSpeakers(speakers);
    renderRoster(roster, speaking);
  });
  meeting.joined$.subscribe((p) => logEvent(`${p.name ?? p.pid} joined`));
  meeting.left$.subscribe((p) => logEvent(`${p.name ?? p.pid} left`));

  // Leave cleanly: close the socket when the tab goes away.
  addEventListener('pagehide', () => meeting.close());
}

main().catch((error: unknown) => {
  byTestId('connection-status').textContent =
    `failed: ${error instanceof Error ? error.message : String(error)}`;
});
