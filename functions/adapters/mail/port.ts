/** A message to one person; the body is plain text with the links it needs. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * Names this mail: a sender that sees the same key twice sends once. The local outbox honours
   * it exactly; SES has no idempotency key, so in AWS a crash between SES accepting a mail and
   * the caller recording it can still send it twice (docs/workers.md).
   */
  idempotencyKey?: string;
}

/** Sends mail: SES in AWS, a readable outbox locally. */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
}
