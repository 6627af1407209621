import type { ReactElement, ReactNode } from 'react';
import { Body } from '@react-email/body';
import { Button } from '@react-email/button';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import { renderToStaticMarkup } from 'react-dom/server';

export type MailLocale = 'en' | 'zh-CN';

/** Every mail's subject, plain-text part and HTML part. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const PRODUCT = 'certpact';

const FOOTER: Record<MailLocale, string> = {
  en: 'certpact keeps partner factories’ certificates, agreements and audits current.',
  'zh-CN': 'certpact 帮助您跟踪合作工厂的认证证书、协议与审核。',
};

export const styles = {
  body: {
    backgroundColor: '#f4f5f7',
    fontFamily: 'Helvetica, Arial, "PingFang SC", "Microsoft YaHei", sans-serif',
  },
  container: {
    backgroundColor: '#ffffff',
    margin: '24px auto',
    padding: '24px',
    maxWidth: '600px',
  },
  header: { fontSize: '13px', color: '#1c7ed6', fontWeight: 700, margin: '0 0 4px' },
  organization: { fontSize: '20px', fontWeight: 700, margin: '0 0 16px', color: '#212529' },
  text: { fontSize: '14px', lineHeight: '22px', color: '#212529', margin: '0 0 12px' },
  muted: { fontSize: '12px', lineHeight: '18px', color: '#868e96', margin: '0 0 6px' },
  button: {
    backgroundColor: '#1c7ed6',
    color: '#ffffff',
    padding: '10px 18px',
    borderRadius: '4px',
    fontSize: '14px',
    textDecoration: 'none',
  },
} as const;

export interface MailLayoutProps {
  locale: MailLocale;
  title: string;
  preview: string;
  organizationName?: string;
  children: ReactNode;
  footer?: ReactNode;
}

/**
 * The one frame of every mail: the product name and the organization as a header, the
 * content, then a footer (with whatever the mail adds there, such as an unsubscribe link).
 */
export function MailLayout(props: MailLayoutProps) {
  return (
    <MailFrame
      locale={props.locale}
      title={props.title}
      preview={<Preview>{props.preview}</Preview>}
      header={
        props.organizationName ? (
          <Text style={styles.organization}>{props.organizationName}</Text>
        ) : null
      }
      footer={props.footer}
    >
      {props.children}
    </MailFrame>
  );
}

/** What MailLayout lays out, each slot a node of its own: the same for every mail of a locale. */
function MailFrame(props: {
  locale: MailLocale;
  title: ReactNode;
  preview: ReactNode;
  header: ReactNode;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <Html lang={props.locale}>
      <Head>
        <title>{props.title}</title>
      </Head>
      {props.preview}
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.header}>{PRODUCT}</Text>
          {props.header}
          {props.children}
          <Hr />
          {props.footer}
          <Text style={styles.muted}>{FOOTER[props.locale]}</Text>
        </Container>
      </Body>
    </Html>
  );
}

type Slot = 'title' | 'preview' | 'header' | 'children' | 'footer';

/** Marks a slot in the frame's markup: a private-use character React writes as it is. */
const SLOT_MARK = '\ue000';
const SLOT_PATTERN = new RegExp(`${SLOT_MARK}(\\w+)${SLOT_MARK}`);

/** Per locale, the frame's markup split at its slots: text, slot name, text, slot name, … */
const frames = new Map<MailLocale, string[]>();

function frameOf(locale: MailLocale): string[] {
  let frame = frames.get(locale);
  if (!frame) {
    const mark = (slot: Slot) => `${SLOT_MARK}${slot}${SLOT_MARK}`;
    frame = renderToStaticMarkup(
      <MailFrame
        locale={locale}
        title={mark('title')}
        preview={mark('preview')}
        header={mark('header')}
        footer={mark('footer')}
      >
        {mark('children')}
      </MailFrame>,
    ).split(SLOT_PATTERN);
    frames.set(locale, frame);
  }
  return frame;
}

/**
 * The same HTML as `renderHtml(<MailLayout {...props} />)` (mail-layout.spec.ts checks it),
 * with the frame rendered once per locale (issue 17): each mail renders only what is its
 * own (title, preview, organization, content and footer) and puts it into the frame's
 * markup. Static markup has no separators between siblings, so the parts join as they are.
 */
export function renderInLayout(props: MailLayoutProps): Promise<string> {
  return Promise.resolve(
    fillLayout({
      locale: props.locale,
      title: props.title,
      preview: props.preview,
      organizationName: props.organizationName,
      content: renderToStaticMarkup(<>{props.children}</>),
      footer: renderToStaticMarkup(<>{props.footer}</>),
    }),
  );
}

/** A mail whose content and footer are markup already (see `fillTemplate`). */
export interface LayoutMarkup {
  locale: MailLocale;
  title: string;
  preview: string;
  organizationName?: string;
  /** The content's markup. */
  content: string;
  /** The footer's markup (before the product's own line). */
  footer: string;
}

/**
 * `renderInLayout` for content and footer given as markup: no React render at all, the
 * frame and the organization line are templates and the title and preview text, escaped
 * as React escapes them.
 */
export function fillLayout(mail: LayoutMarkup): string {
  const slots: Record<Slot, string> = {
    title: escapeHtml(mail.title),
    preview: previewMarkup(mail.preview),
    header: mail.organizationName
      ? fillTemplate(
          'layout:organization',
          (hole) => <Text style={styles.organization}>{hole('name')}</Text>,
          { name: mail.organizationName },
        )
      : '',
    children: mail.content,
    footer: mail.footer,
  };
  const frame = frameOf(mail.locale);
  let html = DOCTYPE;
  for (let i = 0; i < frame.length; i++) html += i % 2 ? slots[frame[i] as Slot] : frame[i];
  return html;
}

/** React Email's Preview: its first 150 characters, padded with invisible characters to 150. */
const PREVIEW_LENGTH = 150;
let previewFrame: { open: string; pad: string; close: string } | null = null;

function previewMarkup(preview: string): string {
  if (!previewFrame) {
    // One mark character: the padding holds 149 of Preview's whitespace sequences.
    const markup = renderToStaticMarkup(<Preview>{SLOT_MARK}</Preview>);
    const [open, rest] = markup.split(SLOT_MARK);
    const padding = /^<div>(.*)<\/div>(<\/div>)$/su.exec(rest);
    if (!padding || padding[1].length % (PREVIEW_LENGTH - 1) !== 0) {
      throw new Error('React Email Preview markup changed: update previewMarkup');
    }
    previewFrame = {
      open,
      pad: padding[1].slice(0, padding[1].length / (PREVIEW_LENGTH - 1)),
      close: padding[2],
    };
  }
  const text = preview.substring(0, PREVIEW_LENGTH);
  const pad =
    text.length < PREVIEW_LENGTH
      ? `<div>${previewFrame.pad.repeat(PREVIEW_LENGTH - text.length)}</div>`
      : '';
  return `${previewFrame.open}${escapeHtml(text)}${pad}${previewFrame.close}`;
}

/** A value put into a template: text, escaped as React escapes it, or markup as it is. */
export type TemplateValue = string | { html: string };

/** By key, an element's markup split at its holes: text, hole name, text, hole name, … */
const templates = new Map<string, string[]>();

const hole = (name: string) => `${SLOT_MARK}${name}${SLOT_MARK}`;

/**
 * The markup of `element` with its holes filled (issue 17: a digest's items rendered by
 * React cost more than composing and sending the mail). The element is rendered once per
 * key with a mark in each hole, which must stand where React writes text or an attribute
 * value as it is given; each call then joins the markup's pieces with the values. The
 * key names everything the element's shape depends on (which elements it has, their
 * styles): the values only fill text and attributes. mail-layout.spec.tsx checks the
 * result against React's render.
 */
export function fillTemplate(
  key: string,
  element: (hole: (name: string) => string) => ReactNode,
  values: Record<string, TemplateValue>,
): string {
  let parts = templates.get(key);
  if (!parts) {
    parts = renderToStaticMarkup(<>{element(hole)}</>).split(SLOT_PATTERN);
    templates.set(key, parts);
  }
  let html = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = values[parts[i]];
    if (value === undefined) throw new Error(`template ${key}: no value for ${parts[i]}`);
    html += (typeof value === 'string' ? escapeHtml(value) : value.html) + parts[i + 1];
  }
  return html;
}

const HTML_ESCAPES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&#x27;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Text as React writes it into markup, in text and in attribute values alike. */
export function escapeHtml(text: string): string {
  return /["&'<>]/.test(text) ? text.replace(/["&'<>]/g, (c) => HTML_ESCAPES[c]) : text;
}

/** A short mail: a greeting, a few paragraphs, one button, and the link written out. */
export function SimpleMail(props: {
  locale: MailLocale;
  subject: string;
  organizationName?: string;
  paragraphs: string[];
  action?: { label: string; href: string };
  /** Shown under the button (e.g. "this link works once"). */
  after?: string[];
}) {
  return (
    <MailLayout
      locale={props.locale}
      title={props.subject}
      preview={props.paragraphs[1] ?? props.paragraphs[0] ?? props.subject}
      organizationName={props.organizationName}
    >
      {props.paragraphs.map((paragraph, index) => (
        <Text key={index} style={styles.text}>
          {paragraph}
        </Text>
      ))}
      {props.action ? (
        <Section style={{ margin: '8px 0 16px' }}>
          <Button href={props.action.href} style={styles.button}>
            {props.action.label}
          </Button>
          <Text style={styles.muted}>{props.action.href}</Text>
        </Section>
      ) : null}
      {(props.after ?? []).map((paragraph, index) => (
        <Text key={`after-${index}`} style={styles.text}>
          {paragraph}
        </Text>
      ))}
    </MailLayout>
  );
}

const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * One render per mail, in one synchronous pass (issue 17: digests go out by the hundred a
 * second). React Email's own `render()` streams through a dynamic `import()` of
 * react-dom/server, which costs a stream and a Suspense boundary per mail and cannot run
 * under Jest's CommonJS; the components are plain React, so react-dom's static markup
 * with React Email's doctype is the same HTML. Async so a later renderer may stream.
 */
export function renderHtml(element: ReactElement): Promise<string> {
  return Promise.resolve(DOCTYPE + renderToStaticMarkup(element));
}
