import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailSender } from './port';

/** Sends through Amazon SES from a verified sender address. */
export function sesMailSender(from: string, client = new SESv2Client({})): MailSender {
  return {
    async send(message) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [message.to] },
          Content: { Simple: { Subject: { Data: message.subject }, Body: { Text: { Data: message.text } } } },
        }),
      );
    },
  };
}
