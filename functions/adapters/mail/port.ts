/** A message to one person; the body is plain text with the links it needs. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail: SES in AWS, a readable outbox locally. */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
}
