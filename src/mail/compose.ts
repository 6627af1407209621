import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type MimeNode from 'nodemailer/lib/mime-node';
import { encode as base64Encode, wrap as base64Wrap } from 'nodemailer/lib/base64';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

/** A message ready for the SMTP envelope: its Message-ID, envelope and bytes. */
export interface ComposedMail {
  messageId: string;
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

/** What of a MIME node this file reads beyond nodemailer's published types. */
interface MimeTree {
  childNodes: MimeTree[];
  multipart: string | false;
  boundary: string;
  contentType: string;
  content?: unknown;
  buildHeaders(): string;
  getTransferEncoding(): string;
}

/** nodemailer's line length for encoded bodies. */
const LINE_LENGTH = 76;

/**
 * The message nodemailer's MailComposer builds, written out in one synchronous pass
 * (issue 17: digests go out by the hundred a second). MailComposer's own `build()` streams
 * every node through transforms, with several event-loop turns and stream pipelines per
 * part; for string parts the bytes are the same as writing the compiled tree's headers
 * and nodemailer's encoders' output one after another, which compose.spec.ts checks
 * against `build()`. Any other content (attachments, streams) goes through `build()`.
 */
export async function composeMail(options: Mail.Options): Promise<ComposedMail> {
  const message = new MailComposer(options).compile();
  return {
    messageId: message.messageId(),
    envelope: message.getEnvelope() as ComposedMail['envelope'],
    raw: writeAtOnce(message) ?? (await message.build()),
  };
}

/** The compiled message's bytes, or null when it has content only `build()` can write. */
export function writeAtOnce(message: MimeNode): Buffer | null {
  const written = serialize(message as unknown as MimeTree);
  return written === null ? null : Buffer.from(endWithNewline(written), 'utf8');
}

/**
 * One node as MimeNode.stream() writes it: headers, encoded content, then its children;
 * null for content other than a text part given as a string. The headers come first:
 * building them is what sets the node's content type and boundary.
 */
function serialize(node: MimeTree): string | null {
  let out = `${node.buildHeaders()}\r\n\r\n`;
  if (node.content !== undefined) {
    if (typeof node.content !== 'string' || !/^text\//i.test(node.contentType)) return null;
    if (node.content) out += encodeText(node.content, node.getTransferEncoding());
  }
  if (node.multipart) {
    for (const [i, child] of node.childNodes.entries()) {
      const written = serialize(child);
      if (written === null) return null;
      out += `${i > 0 ? '\r\n' : ''}--${node.boundary}\r\n${written}`;
    }
    out += `\r\n--${node.boundary}--\r\n`;
  }
  return out;
}

function encodeText(content: string, transferEncoding: string): string {
  if (transferEncoding === 'quoted-printable') return qpWrap(qpEncode(content), LINE_LENGTH);
  if (transferEncoding === 'base64') return base64Wrap(base64Encode(content), LINE_LENGTH);
  return content;
}

/** As MimeNode's last stage does: the message ends with a line break. */
function endWithNewline(message: string): string {
  if (message.endsWith('\n')) return message;
  return message.endsWith('\r') ? `${message}\n` : `${message}\r\n`;
}
