import type { SessionDriverType, SessionStatus } from '@tvs/envelope';

/** Session behaviour of the mock gateway (the `sessions` option of `createMockGateway`). */
export interface MockSessionOptions {
  /** Sessions per appkey that may hold a slot at once (preparing or ready; not failed ones); default 2. */
  readonly maxConcurrent?: number;
  /** How long a new session prepares (status 3) before it is ready (status 1), ms; default 3000. */
  readonly prepareMs?: number;
  /** A command-channel socket with no uplink frame or downlink message for this long is closed, ms; default 180 000. */
  readonly socketIdleMs?: number;
  /** A session with no activity (drive, frame, start) for this long is closed, ms; default 600 000. */
  readonly sessionIdleMs?: number;
  /** Speech speed multiplier of the simulated avatar (default 1; 10 speaks ten times faster). */
  readonly speechSpeed?: number;
  /** Two `SEND_TEXT` drives of a session must be more than this apart, ms; default 1000. */
  readonly textIntervalMs?: number;
}

/** One drive of a session: a text, a text stream or an audio stream, by `ReqId`. */
export interface MockDrive {
  readonly reqId: string;
  readonly kind: 'text' | 'stream' | 'audio';
  /** `http` for the drive command, `channel` for the command channel. */
  readonly source: 'http' | 'channel';
  /** The text spoken (stream chunks joined). */
  readonly text: string;
  /** Gateway time of the first packet, ms. */
  readonly receivedAt: number;
  /** Packets received (chunks; the final packet included). */
  readonly packets: number;
  /** Whether the final packet has arrived (always true for `text`). */
  readonly final: boolean;
  /** The last `SpeakStatus` sent for it. */
  readonly speakStatus: string;
  /** Whether it was cut short by an interrupt. */
  readonly interrupted: boolean;
  /** The error code that aborted it, if one did. */
  readonly errorCode?: number;
  /** Audio only: bytes of PCM received, their duration, and arrival times of the first and final packets. */
  readonly audio?: {
    readonly bytes: number;
    readonly durationMs: number;
    readonly firstAt: number;
    readonly finalAt?: number;
    /**
     * Wall time from the first packet to the final one over the audio's duration; within
     * 0.75–1 when paced as documented.
     */
    readonly realTimeFactor?: number;
  };
}

/** A session as the mock keeps it. Read-only for users; the gateway updates it. */
export interface MockSession {
  readonly sessionId: string;
  readonly appkey: string;
  readonly userId: string;
  readonly protocol: string;
  readonly driverType: SessionDriverType;
  readonly virtualmanProjectId?: string;
  readonly assetVirtualmanKey?: string;
  /** 1 ready, 2 closed, 3 preparing, 4 failed. */
  readonly status: SessionStatus;
  readonly started: boolean;
  readonly createdAt: number;
  readonly readyAt: number;
  readonly startedAt?: number;
  readonly endedAt?: number;
  /** Why it closed or failed: 110013 closed or idle, 110022 taken over, or a failure code. */
  readonly endCode?: number;
  readonly endMessage?: string;
  readonly playStreamAddr: string;
  readonly lastActivityAt: number;
  /** Command-channel connections accepted so far, and whether one is open now. */
  readonly connections: number;
  readonly channelOpen: boolean;
  /** Heartbeats received. */
  readonly heartbeats: number;
  /** Every drive, oldest first. */
  readonly drives: readonly MockDrive[];
  /** Every uplink frame refused on the channel: its code and message. */
  readonly refusals: readonly { readonly code: number; readonly message: string }[];
}

/** Where the command channel's transport delivers downlink frames. @internal */
export interface ChannelSink {
  send(text: string): void;
  /** A clean close with a code and reason. */
  close(code: number, reason: string): void;
  /** Drops the connection abruptly (no close frame). */
  terminate(): void;
}

/** One accepted command-channel connection, as the transport sees it. */
export interface ChannelConnection {
  /** Hands an uplink message (text, or bytes, which are refused) to the gateway. */
  receive(data: string | Uint8Array): void;
  /** The transport closed (either side). */
  closed(): void;
}

/** What the gateway says about a command-channel upgrade request. */
export type ChannelVerdict =
  | { readonly ok: true; readonly sessionId: string; readonly appkey: string }
  | {
      readonly ok: false;
      /** The HTTP status to refuse the upgrade with. */
      readonly httpStatus: number;
      /** The body: a gateway error envelope. */
      readonly body: string;
      readonly code: number;
      readonly message: string;
    };

/**
 * The command channel's host side, for transport adapters (the Node adapter uses it with
 * `ws`): check an upgrade request, then connect the accepted socket.
 */
export interface CommandChannelHost {
  /** Checks the signed URL of an upgrade request (docs/protocol.md §4: `requestid` is the SessionId). */
  authorize(url: string): ChannelVerdict;
  /** Connects an accepted socket to its session; the gateway then sends through `sink`. */
  connect(sessionId: string, sink: ChannelSink): ChannelConnection;
}
