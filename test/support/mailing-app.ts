import { startApp, TestApp } from './app';
import { deleteQueueKeys } from './redis';
import { TestSmtpServer } from './smtp';

export interface MailingApp {
  t: TestApp;
  smtp: TestSmtpServer;
  /** Closes the application, removes its queue's keys from Redis and stops the SMTP server. */
  close(): Promise<void>;
}

/**
 * An application whose worker sends its mail to a real SMTP server of the test process,
 * with links to https://certpact.example: what every spec of mail starts from.
 */
export async function startMailingApp(env: Record<string, string> = {}): Promise<MailingApp> {
  const smtp = await TestSmtpServer.start();
  const t = await startApp({
    env: { RUN_WORKER: 'true', SMTP_URL: smtp.url, PUBLIC_URL: 'https://certpact.example', ...env },
  });
  return {
    t,
    smtp,
    close: async () => {
      await t.close();
      await deleteQueueKeys(t.env.QUEUE_PREFIX);
      await smtp.close();
    },
  };
}
