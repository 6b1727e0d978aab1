/**
 * DevTools over the pipe Chromium opens with `--remote-debugging-pipe` (it reads commands from
 * its fd 3 and writes replies to fd 4, each message ended by a NUL byte), for Puppeteer to
 * connect through. Compared with the WebSocket: nothing to wait for before connecting (no
 * "DevTools listening on" line to read, no handshake: commands wait in the pipe until Chromium
 * reads them), no WebSocket library to load, and a screenshot's half-megabyte reply is decoded
 * piece by piece into a string instead of being gathered into one large buffer first.
 */
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { ConnectionTransport } from 'puppeteer-core';

export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  private closeListener: (() => void) | undefined;
  /** The text of the message being received, piece by piece (a UTF-8 sequence may span two reads). */
  private partial = '';
  private readonly decoder = new StringDecoder('utf8');
  private closed = false;

  constructor(
    private readonly toChromium: Writable,
    fromChromium: Readable,
  ) {
    fromChromium.on('data', (chunk: Buffer) => this.receive(chunk));
    fromChromium.once('close', () => {
      this.closed = true;
      this.closeListener?.();
    });
    // A pipe that breaks is Chromium gone: 'close' follows and ends the connection.
    fromChromium.on('error', () => undefined);
    toChromium.on('error', () => undefined);
  }

  /** Called when Chromium has closed the pipe — at once when set after that (a browser that died while Puppeteer loaded). */
  get onclose(): (() => void) | undefined {
    return this.closeListener;
  }

  set onclose(listener: (() => void) | undefined) {
    this.closeListener = listener;
    if (this.closed && listener) setImmediate(listener);
  }

  send(message: string): void {
    // Throwing fails the command at once; written to a closed pipe, it would wait for its timeout.
    if (this.closed) throw new Error('Chromium closed its DevTools pipe');
    this.toChromium.write(`${message}\0`);
  }

  close(): void {
    this.closed = true;
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      const message = this.partial + this.decoder.write(chunk.subarray(start, end)) + this.decoder.end();
      this.partial = '';
      start = end + 1;
      // Puppeteer's own transports hand each message on in a later task, so a reply never
      // arrives inside the call that sent its command.
      setImmediate(() => this.onmessage?.(message));
    }
    if (start < chunk.length) this.partial += this.decoder.write(chunk.subarray(start));
  }
}
