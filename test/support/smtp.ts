import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** Each header as sent (lower-case name → unfolded value), for those mailparser reshapes. */
  rawHeaders: Map<string, string>;
}

/**
 * A real SMTP server in the test process, on a free port: records every message it
 * accepts, and can refuse the next N attempts with a temporary error (451).
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Attempts refused so far. */
  refused = 0;
  private refuseNext = 0;
  private acceptDelayMs = 0;
  private server!: SMTPServer;
  private port = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  static async start(): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer();
    await smtp.listen();
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `count` messages are refused at MAIL FROM with 451 (the client must retry). */
  refuse(count: number): void {
    this.refuseNext = count;
  }

  /** Each message is acknowledged only `ms` after its data arrived (a slow server keeps sends in flight). */
  slowDown(ms: number): void {
    this.acceptDelayMs = ms;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /** Reminder digests only (not invitations and other mail). */
  get digests(): ReceivedMail[] {
    return this.received.filter((mail) => mail.headers.has('x-certpact-digest'));
  }

  digestsTo(address: string): ReceivedMail[] {
    return this.digests.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /** Resolves once `count` messages in all have arrived. */
  waitForCount(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        if (this.refuseNext > 0) {
          this.refuseNext--;
          this.refused++;
          const error = new Error('Try again later (test refusal)') as Error & {
            responseCode: number;
          };
          error.responseCode = 451;
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (parsed) => {
            if (this.acceptDelayMs > 0)
              await new Promise((resolve) => setTimeout(resolve, this.acceptDelayMs));
            this.received.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? '',
              messageId: parsed.messageId ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers as Map<string, unknown>,
              rawHeaders: new Map(
                parsed.headerLines.map((h) => [
                  h.key,
                  h.line
                    .slice(h.line.indexOf(':') + 1)
                    .replace(/\r?\n[ \t]+/g, ' ')
                    .trim(),
                ]),
              ),
            });
            for (const waiter of this.waiters.filter((w) => this.received.length >= w.count))
              waiter.resolve();
            this.waiters = this.waiters.filter((w) => this.received.length < w.count);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // A client killed mid-message (the multi-process test's SIGKILL) resets its connection;
    // smtp-server reports that as an 'error' event, which unheard would end the test run.
    this.server.on('error', () => undefined);
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }
}
