/** The header of a replay request that carries the subject the event was published on. */
export const REPLAY_SUBJECT_HEADER = 'Hr-Replay-Subject';

/** A consumer's answer to a replay request. */
export type ReplayReply = { ok: true; duplicate: boolean } | { ok: false; error: string };
