import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback; collects what it receives. `refuse(451 | 550)` makes it answer every
 * recipient with that code (temporary or permanent refusal) until `refuse(null)`; `stop()` closes the
 * port and `start()` opens the same port again (a mail server that is down, then back).
 */
export async function startTestSmtpServer() {
  const received: ReceivedMail[] = [];
  let refusal: number | null = null;
  let server: SMTPServer | null = null;
  let port = 0;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        if (refusal === null) return callback();
        const error = Object.assign(new Error(refusal >= 500 ? 'mailbox unavailable' : 'try again later'), {
          responseCode: refusal,
        });
        callback(error);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });

  async function start() {
    const s = create();
    await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
    const address = s.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
    server = s;
  }
  async function stop() {
    const s = server;
    server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse(code: number | null) {
      refusal = code;
    },
    start,
    stop,
    close: stop,
  };
}

/** The Message-ID header of a received message. */
export function messageIdOf(mail: ReceivedMail): string | undefined {
  return /^message-id:\s*(\S+)/im.exec(mail.raw)?.[1];
}

/** The decoded text body of a single-part message (quoted-printable, base64 or plain). */
export function bodyOf(mail: ReceivedMail): string {
  const split = mail.raw.search(/\r?\n\r?\n/);
  const head = mail.raw.slice(0, split);
  const body = mail.raw.slice(split).trim();
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
