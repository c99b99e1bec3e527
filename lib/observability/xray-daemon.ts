import { createSocket, type Socket } from 'node:dgram';
import { isIP } from 'node:net';

/** Where the X-Ray daemon listens for segment documents (UDP). */
export interface DaemonAddress {
  host: string;
  port: number;
}

/**
 * `AWS_XRAY_DAEMON_ADDRESS` as Lambda sets it (`169.254.79.129:2000`), or in its two-address form
 * (`udp:127.0.0.1:2000 tcp:127.0.0.1:2001`, either order): where UDP goes. Undefined when unset
 * or malformed: then nothing is traced.
 */
export const parseDaemonAddress = (value: string | undefined): DaemonAddress | undefined => {
  const parts = value?.trim().split(/\s+/) ?? [];
  const udp = parts.length === 1 ? parts[0] : parts.find((part) => part.startsWith('udp:'))?.slice('udp:'.length);
  const match = udp?.match(/^(.+):(\d{1,5})$/);
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host: match[1], port };
};

/** What precedes each document in a datagram (the daemon's protocol). */
const protocolHeader = '{"format":"json","version":1}\n';

let socket: Socket | undefined;
let pending = 0;
let waiting: (() => void)[] = [];

/**
 * Sends one segment document to the daemon, one datagram each, without waiting. Like the X-Ray
 * SDK in Lambda, the socket lives only while datagrams are on their way and is closed when the
 * last one has gone: a socket kept open across the environment's freeze and thaw is not reused.
 * A datagram that can't go is lost, never an invocation's failure (the SDK's choice too).
 */
export const sendDocument = (daemon: DaemonAddress, document: object): void => {
  const message = Buffer.from(protocolHeader + JSON.stringify(document));
  if (!socket) {
    socket = createSocket(isIP(daemon.host) === 6 ? 'udp6' : 'udp4').unref();
    // A send's own failure comes to its callback; nothing else of the socket's may throw.
    socket.on('error', () => undefined);
  }
  const current = socket;
  pending += 1;
  current.send(message, daemon.port, daemon.host, () => {
    pending -= 1;
    if (pending > 0) return;
    current.close();
    if (socket === current) socket = undefined;
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  });
};

/** Resolves when every datagram sent so far has left: the invocation ends after this, so Lambda freezes nothing half-sent. */
export const documentsSent = (): Promise<void> => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve)));
