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

/**
 * The one frame of every mail: the product name and the organization as a header, the
 * content, then a footer (with whatever the mail adds there, such as an unsubscribe link).
 */
export function MailLayout(props: {
  locale: MailLocale;
  title: string;
  preview: string;
  organizationName?: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Html lang={props.locale}>
      <Head>
        <title>{props.title}</title>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.header}>{PRODUCT}</Text>
          {props.organizationName ? (
            <Text style={styles.organization}>{props.organizationName}</Text>
          ) : null}
          {props.children}
          <Hr />
          {props.footer}
          <Text style={styles.muted}>{FOOTER[props.locale]}</Text>
        </Container>
      </Body>
    </Html>
  );
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
