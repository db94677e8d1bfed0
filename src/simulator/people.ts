/**
 * Invented people, numbers and records for the scripted meetings. Every value is made up; the
 * shapes follow the published examples (§6.5, §6.6, §6.8, §6.11).
 */
import type { Prng } from './prng.js';

const FIRST_NAMES = [
  'Lena',
  'Kenji',
  'Priya',
  'Tomás',
  'Amara',
  'Jonas',
  'Mei',
  'Omar',
  'Sofia',
  'Dmitri',
  'Aisha',
  'Lucas',
  'Hana',
  'Mateo',
  'Ingrid',
  'Kwame',
  'Yuki',
  'Elena',
  'Ravi',
  'Chloé',
  'Felix',
  'Noor',
  'Bruno',
  'Saanvi',
  'Oskar',
  'Leila',
  'Diego',
  'Anya',
  'Tariq',
  'Wen',
] as const;

const LAST_NAMES = [
  'Ortiz',
  'Sato',
  'Nair',
  'Lindqvist',
  'Okafor',
  'Becker',
  'Chen',
  'Haddad',
  'Rossi',
  'Volkov',
  'Mensah',
  'Moreau',
  'Tanaka',
  'Silva',
  'Novak',
  'Kowalski',
  'Iyer',
  'Dubois',
  'Park',
  'Jensen',
  'Costa',
  'Fischer',
  'Rahman',
  'Andersen',
  'Zhou',
  'Petrov',
  'Mbeki',
  'Alvarez',
] as const;

const ROOMS = ['Meeting room 4B', 'Boardroom North', 'Huddle 2.07', 'Lab studio', 'Room Atlas'] as const;
const DEPARTMENTS = ['Platform', 'Design', 'Sales', 'Finance', 'Research', 'Support', 'Legal'] as const;
const LOGIN_TYPES = ['Desktop', 'Desktop', 'Mobile', 'Pad', 'Desktop', 'Mobile'] as const;

/** The invented enterprise ID every scripted meeting belongs to. */
export const ORG_ID = '70315';

/** A person the script can bring into a meeting. */
export interface Person {
  readonly name: string;
  readonly userUUID: string;
  readonly account: string;
  readonly phone: string;
  readonly kind: 'normal' | 'terminal';
}

/** Draws invented people without repeating a name until the pool runs dry. */
export function createPeoplePool(prng: Prng): { next(kind?: 'normal' | 'terminal'): Person } {
  const used = new Set<string>();
  let serial = 0;
  return {
    next(kind = 'normal') {
      let name = '';
      for (let attempt = 0; attempt < 20; attempt++) {
        name = kind === 'terminal' ? prng.pick(ROOMS) : `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`;
        if (!used.has(name)) break;
      }
      if (used.has(name)) name = `${name} ${++serial}`;
      used.add(name);
      return {
        name,
        userUUID: prng.hex(32),
        account: name.toLowerCase().replace(/[^a-z0-9]+/g, '.'),
        phone: `+99111283${prng.int(100000000, 999999999)}`,
        kind,
      };
    },
  };
}

/** A new participant id: 32 lowercase alphanumerics, as in the examples (§6.5). */
export function newPid(prng: Prng): string {
  return prng.alnum(32);
}

/** The complete pinfoMap of a participant who just joined (§6.5 keys, all strings). */
export function participantPinfo(
  prng: Prng,
  person: { name: string; phone: string; userUUID: string },
  role: 'host' | 'participant' | 'audience',
  addTime: number,
): Record<string, string> {
  return {
    NAME: person.name,
    TEL: person.phone,
    ROLE: role === 'host' ? '1' : role === 'audience' ? '2' : '0',
    STATE: '0',
    HAND: '0',
    BROADCAST: '0',
    ROLLCALL: '0',
    SHARE: '0',
    ADDTIME: String(addTime),
    MUTE: prng.chance(0.5) ? '1' : '0',
    VIDEO: prng.chance(0.8) ? '1' : '0',
    ANONYMOUS: '0',
    LOCALREC: '0',
    CLIENT_LOGIN_TYPE: prng.pick(LOGIN_TYPES),
    VIEW_TYPE: '0',
    IS_COHOST: '0',
    ACCOUNT_ID: person.userUUID,
    ORG_ID: ORG_ID,
  };
}

/** The pinfoMap of someone arriving in the waiting room (§6.11). */
export function waitingPinfo(prng: Prng, name: string, addTime: number): Record<string, string> {
  return {
    NAME: name,
    ANONYMOUS: '1',
    CLIENT_LOGIN_TYPE: prng.pick(LOGIN_TYPES),
    ADDTIME: String(addTime),
    WAITINGSTATE: '0',
  };
}

/** A scheduled attendee record (§6.6), without `mode`. */
export function attendeeRecord(prng: Prng, person: Person, host: boolean): Record<string, unknown> {
  const record: Record<string, unknown> = {
    userUUID: person.userUUID,
    name: person.name,
    phone: person.phone,
    role: host ? 1 : 0,
    isMute: prng.chance(0.3) ? 1 : 0,
    isAutoInvite: 1,
    type: person.kind,
    orgID: ORG_ID,
  };
  if (person.kind === 'normal') {
    record['accountId'] = person.account;
    record['deptName'] = prng.pick(DEPARTMENTS);
  }
  return record;
}

/** A media-quality record for one participant (§6.8): metrics as strings, `bandwidth` a number. */
export function netConditionRecord(prng: Prng, participantID: string): Record<string, unknown> {
  const loss = prng.int(0, 6);
  return {
    participantID,
    netInfo: loss > 4 ? 'bad' : loss > 2 ? 'normal' : 'good',
    lostPacketRate: String(loss),
    delay: String(prng.int(18, 180)),
    jitter: String(prng.int(1, 25)),
    fluxIn: String(prng.int(1, 9)),
    fluxOut: String(prng.int(1, 9)),
    videoInLossPacketRate: String(prng.int(0, 3)),
    videoOutLossPacketRate: String(prng.int(0, 3)),
    bandwidth: prng.pick([20480, 40960, 61440]),
    audioCodecType: prng.pick(['OPUS', 'AACLD']),
    videoCodecType: prng.pick(['H264BP', 'H264HP']),
  };
}

/** Meeting subjects for the scripted meetings. */
export const TITLES = [
  'Quarterly planning sync',
  'Release readiness review',
  'Design critique: onboarding',
  'Customer escalation stand-up',
  'Budget walkthrough',
] as const;

/** Caption lines the script speaks once captions are on. */
export const CAPTION_LINES = [
  "Let's start with the roadmap.",
  'Can everyone see my screen?',
  'The migration finished on Tuesday.',
  'We still need a decision on the vendor.',
  'I will send the notes after the call.',
  'Any questions before we move on?',
  'The latency numbers look better this week.',
  'Please mute if you are not speaking.',
] as const;
