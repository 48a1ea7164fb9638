// The tracker's session rule: 30 minutes without activity end a session.
import { describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS, continuedSession } from '../../embed/tracker/session.js';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
const at = 1_733_450_000_000;

describe('continuedSession', () => {
  it('continues a session active less than 30 minutes ago', () => {
    expect(continuedSession(`${id}.${at}`, at)).toBe(id);
    expect(continuedSession(`${id}.${at}`, at + SESSION_IDLE_MS - 1)).toBe(id);
  });

  it('starts a new one after 30 minutes without activity', () => {
    expect(continuedSession(`${id}.${at}`, at + SESSION_IDLE_MS)).toBeNull();
    expect(continuedSession(`${id}.${at}`, at + 24 * 3600_000)).toBeNull();
  });

  it('lets time spent reading the page continue a session however long it was', () => {
    expect(continuedSession(`${id}.${at}`, at + 3 * 3600_000, true)).toBe(id);
  });

  it('survives a clock set back a little, not one set back by more than the idle time', () => {
    expect(continuedSession(`${id}.${at}`, at - 60_000)).toBe(id);
    expect(continuedSession(`${id}.${at}`, at - SESSION_IDLE_MS)).toBeNull();
  });

  it('starts a new one when nothing, or nothing of the right shape, is stored', () => {
    expect(continuedSession(null, at)).toBeNull();
    expect(continuedSession('', at)).toBeNull();
    expect(continuedSession(id, at)).toBeNull();
    expect(continuedSession(`${id}.soon`, at)).toBeNull();
    expect(continuedSession(`${id.toUpperCase()}.${at}`, at)).toBeNull();
    expect(continuedSession(`session-1.${at}`, at, true)).toBeNull();
  });
});
