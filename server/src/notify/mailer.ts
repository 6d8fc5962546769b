import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** stable over retries, so a receiver can recognise a message delivered twice */
  messageId: string;
}

export interface Mailer {
  /** resolves when the SMTP server accepted the message; rejects with nodemailer's error otherwise */
  send(mail: Mail): Promise<void>;
}

/**
 * SMTP (AWARE_SMTP_URL); null when mail is off. Only the outbox sends (notify/outbox-repository.ts). Messages never
 * carry a client's name, address or phone: they say that there is something to do and where, and the
 * platform shows the rest to whoever may see it.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer | null {
  if (!options.smtpUrl) return null;
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    // one attempt never outlasts its lease in the outbox (rules.ts ATTEMPT_LEASE_MS)
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: options.from, ...mail });
    },
  };
}

/** The domain of the sender address, for Message-ID headers. */
export function mailDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)/.exec(from);
  return match?.[1] ?? 'aware.local';
}
