/** One message to one person: plain text, since nothing the product sends yet needs layout. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** How the server sends mail. Modules are handed one when the app is assembled. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

interface InfoLogger {
  info(obj: object, msg: string): void;
}

/**
 * The mailer of an install without SMTP (there is no SMTP sender yet): each message goes to the
 * server log at info level, whole, so whoever runs the server can pass a link on by hand. The
 * message may hold a secret (an invitation's link): docs/configuration.md says so.
 */
export function logMailer(log: InfoLogger): Mailer {
  return {
    send: async (message) => {
      log.info({ mail: message }, `mail to ${message.to} not sent (no SMTP sender yet): "${message.subject}" is in this log line`);
    },
  };
}

/** A mailer that keeps what it is given, for tests: `sent` holds every message, oldest first. */
export function recordingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    send: async (message) => {
      sent.push(message);
    },
  };
}
