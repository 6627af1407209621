import type { ReactElement, ReactNode } from 'react';
import {
  Body,
  Button,
  Container,
  Head,
  Hr,
  Html,
  Preview,
  Section,
  Text,
} from '@react-email/components';
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
  const slots: Record<Slot, string> = {
    title: renderToStaticMarkup(<>{props.title}</>),
    preview: renderToStaticMarkup(<Preview>{props.preview}</Preview>),
    header: props.organizationName
      ? renderToStaticMarkup(<Text style={styles.organization}>{props.organizationName}</Text>)
      : '',
    children: renderToStaticMarkup(<>{props.children}</>),
    footer: renderToStaticMarkup(<>{props.footer}</>),
  };
  const frame = frameOf(props.locale);
  let html = DOCTYPE;
  for (let i = 0; i < frame.length; i++) html += i % 2 ? slots[frame[i] as Slot] : frame[i];
  return Promise.resolve(html);
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
