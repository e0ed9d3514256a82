/**
 * What keeps one connection's trouble its own. The protocol code handles a socket through its event
 * listeners; an exception thrown from one would escape to the process and end every connection with
 * it. So every event the socket emits is run inside a catch that closes that socket alone. And a
 * client that stops reading must not make the server queue its replies without bound.
 */
import type { Socket } from 'node:net';

export interface GuardOptions {
  /** Bytes a socket may have queued for the client before it is closed as not reading. */
  readonly maxQueuedBytes: number;
  /** Called once, just before the socket is destroyed, with why. */
  readonly onFault: (reason: string) => void;
}

export function guardSocket(socket: Socket, options: GuardOptions): void {
  let faulted = false;
  const fault = (reason: string) => {
    if (faulted) return;
    faulted = true;
    options.onFault(reason);
    socket.destroy();
  };

  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    try {
      return emit(event, ...args);
    } catch (error) {
      fault(`internal error (${errorName(error)})`);
      return true;
    }
  }) as Socket['emit'];

  // Checked after every write: the queue grows only by writes, so none can slip past the bound.
  const write = socket.write.bind(socket);
  socket.write = ((...args: Parameters<Socket['write']>) => {
    const flushed = (write as (...a: Parameters<Socket['write']>) => boolean)(...args);
    if (socket.writableLength > options.maxQueuedBytes) {
      fault(`the client is not reading (more than ${options.maxQueuedBytes} bytes queued)`);
    }
    return flushed;
  }) as Socket['write'];
}

/**
 * The kind of error only: its message may quote what the client sent (a JSON parser's does), and
 * that may be a password.
 */
function errorName(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}
