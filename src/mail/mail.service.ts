import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createTransport, Transporter } from 'nodemailer';
import { mailConfig } from '../config/configuration';
import { composeMail } from './compose';

export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  /** A stable Message-ID lets mail clients fold a repeat of the same notice. */
  messageId?: string;
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  /** Where the message went: `smtp` or the path of the .eml file in the outbox. */
  deliveredTo: string;
}

/**
 * Mail through nodemailer: to a real SMTP server when SMTP_URL is set, otherwise into
 * `.eml` files in DATA_DIR/outbox, so the program runs with nothing installed.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;

  constructor(@Inject(mailConfig.KEY) private readonly config: ConfigType<typeof mailConfig>) {
    this.transport = config.smtpUrl
      ? createTransport(pooled(config.smtpUrl))
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  get usesOutbox(): boolean {
    return !this.config.smtpUrl;
  }

  /**
   * The message is composed into one Buffer first and handed over as `raw` (issue 17):
   * sendMail would otherwise stream the MIME tree into the SMTP connection piece by piece,
   * a socket write and several event-loop turns per part. The composer is the one sendMail
   * uses, so the headers and parts are the same.
   */
  async send(mail: OutgoingMail): Promise<SentMail> {
    const { messageId, envelope, raw } = await composeMail({
      from: this.config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    const info = (await this.transport.sendMail({ envelope, raw, messageId })) as {
      messageId: string;
      message?: Buffer;
    };
    if (this.config.smtpUrl) return { messageId: info.messageId, deliveredTo: 'smtp' };

    await mkdir(this.config.outboxDir, { recursive: true });
    const safeId = info.messageId.replace(/[^A-Za-z0-9._-]/g, '_');
    const file = join(
      this.config.outboxDir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeId}.eml`,
    );
    await writeFile(file, info.message ?? Buffer.alloc(0));
    this.logger.log(`Mail to ${String(mail.to)} written to ${file}`);
    return { messageId: info.messageId, deliveredTo: file };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/** Mails in flight at once to the SMTP server (the pool's connections, one mail each). */
export const SMTP_POOL_CONNECTIONS = 10;

/**
 * Pooled SMTP connections unless the URL says otherwise (its parameters win): digests go
 * out in bursts, so several connections, each kept for many messages.
 */
function pooled(url: string) {
  return { url, pool: true, maxConnections: SMTP_POOL_CONNECTIONS, maxMessages: 1000 };
}
