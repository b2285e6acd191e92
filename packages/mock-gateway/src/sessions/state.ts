import type { ChannelSink, MockDrive, MockSession } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A drive as the timeline keeps it. @internal */
export interface DriveState extends Mutable<MockDrive> {
  audio?: Mutable<NonNullable<MockDrive['audio']>>;
  /** Next `Seq` expected (streams and audio). */
  nextSeq: number;
  aborted: boolean;
  /** A non-final audio chunk shorter than 5120 bytes arrived: only the final packet may follow. */
  shortChunk: boolean;
  /** When the avatar will have said everything received so far. */
  speakUntil: number;
  speechStart: number;
}

/** One accepted command-channel socket. @internal */
export interface Connection {
  readonly sink: ChannelSink;
  lastFrameAt: number;
  open: boolean;
}

/** A session as the store keeps it (`MockSession` is what users see of it). @internal */
export interface SessionRecord extends Mutable<Omit<MockSession, 'drives' | 'refusals'>> {
  drives: DriveState[];
  refusals: { code: number; message: string }[];
  connection: Connection | undefined;
  lastTextAt: number | undefined;
  busyUntil: number;
  /** The last status message of each recent drive, least recently updated first. */
  recent: Map<string, string>;
  /** Whether an idle check is queued for it. */
  idleWatched: boolean;
}

/** What creating a session takes, after the operation table's checks. @internal */
export type NewSession = Pick<
  MockSession,
  'appkey' | 'userId' | 'protocol' | 'driverType' | 'virtualmanProjectId' | 'assetVirtualmanKey'
> & {
  /** The host `PlayStreamAddr` names. */
  readonly host: string;
};
