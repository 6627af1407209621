import type { ReactNode } from 'react';
import { Heading } from '@react-email/heading';
import { Link } from '@react-email/link';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import { fillLayout, fillTemplate, MailLayoutProps, styles } from '../../mail/mail-layout';
import {
  DigestInput,
  DigestLine,
  DigestModel,
  digestModel,
  digestText,
  RenderedDigest,
  UrgencyGroup,
} from './digest.render';

const GROUP_COLOURS = { overdue: '#c92a2a', thisWeek: '#e67700', later: '#495057' } as const;

/** The digest as MailLayout lays it out. */
export function digestLayout(model: DigestModel, organizationName: string): MailLayoutProps {
  return {
    locale: model.locale,
    title: model.subject,
    preview: model.summary,
    organizationName,
    footer: <DigestFooter text={model.footer} unsubscribe={model.unsubscribe} />,
    children: <DigestContent model={model} />,
  };
}

function DigestFooter(props: { text: string; unsubscribe?: { label: string; url: string } }) {
  return (
    <>
      <Text style={styles.muted}>{props.text}</Text>
      {props.unsubscribe ? (
        <Text style={styles.muted}>
          <Link href={props.unsubscribe.url}>{props.unsubscribe.label}</Link>
        </Text>
      ) : null}
    </>
  );
}

function DigestContent({ model }: { model: DigestModel }) {
  return (
    <>
      <DigestIntro intro={model.intro} summary={model.summary} />
      {model.groups.map((group) => (
        <GroupSection key={group.group} group={group.group} heading={group.heading}>
          {group.lines.map((line, index) => (
            <LineSection key={index} group={group.group} line={line} words={model.words} />
          ))}
        </GroupSection>
      ))}
    </>
  );
}

function DigestIntro(props: { intro: string; summary: string }) {
  return (
    <>
      <Text style={styles.text}>{props.intro}</Text>
      <Text style={{ ...styles.text, fontWeight: 700 }}>{props.summary}</Text>
    </>
  );
}

function GroupSection(props: { group: UrgencyGroup; heading: string; children: ReactNode }) {
  return (
    <Section>
      <Heading
        as="h2"
        style={{ fontSize: '16px', margin: '20px 0 8px', color: GROUP_COLOURS[props.group] }}
      >
        {props.heading}
      </Heading>
      {props.children}
    </Section>
  );
}

type LineWords = { escalated: string; open: string; acknowledge: string };

function LineSection({
  group,
  line,
  words,
}: {
  group: UrgencyGroup;
  line: DigestLine;
  words: LineWords;
}) {
  return (
    <Section
      style={{
        borderLeft: `3px solid ${GROUP_COLOURS[group]}`,
        padding: '2px 0 2px 10px',
        margin: '0 0 12px',
      }}
    >
      <Text style={{ ...styles.text, margin: '0 0 2px' }}>
        {line.escalated ? <strong style={{ color: '#c92a2a' }}>{words.escalated} </strong> : null}
        <strong>{line.title}</strong>
      </Text>
      <Text style={{ ...styles.text, margin: '0 0 2px' }}>{line.when}</Text>
      {line.detail ? (
        <Text style={{ ...styles.text, margin: '0 0 2px' }}>{line.detail}</Text>
      ) : null}
      {line.acknowledged ? (
        <Text style={{ ...styles.muted, fontStyle: 'italic' }}>{line.acknowledged}</Text>
      ) : null}
      {line.url || line.acknowledgeUrl ? (
        <Text style={{ ...styles.text, margin: '0' }}>
          {line.url ? <Link href={line.url}>{words.open}</Link> : null}
          {line.url && line.acknowledgeUrl ? ' · ' : null}
          {line.acknowledgeUrl ? <Link href={line.acknowledgeUrl}>{words.acknowledge}</Link> : null}
        </Text>
      ) : null}
    </Section>
  );
}

/**
 * The digest's HTML content without a React render per mail (issue 17): each piece above
 * is rendered once per shape (which optional parts a line has, its group's colour) with
 * holes for its text, and filled for each digest. The same markup as <DigestContent>
 * (mail-layout.spec.tsx checks it).
 */
function digestContentMarkup(model: DigestModel): string {
  let html = fillTemplate(
    'digest:intro',
    (hole) => <DigestIntro intro={hole('intro')} summary={hole('summary')} />,
    { intro: model.intro, summary: model.summary },
  );
  const words = model.words;
  for (const group of model.groups) {
    let lines = '';
    for (const line of group.lines) {
      // What the line's shape depends on: the rest are holes.
      const shape = [
        line.escalated,
        !!line.detail,
        !!line.acknowledged,
        !!line.url,
        !!line.acknowledgeUrl,
      ]
        .map(Number)
        .join('');
      lines += fillTemplate(
        `digest:line:${group.group}:${shape}`,
        (hole) => (
          <LineSection
            group={group.group}
            line={{
              escalated: line.escalated,
              title: hole('title'),
              when: hole('when'),
              detail: line.detail ? hole('detail') : undefined,
              acknowledged: line.acknowledged ? hole('acknowledged') : undefined,
              url: line.url ? hole('url') : null,
              acknowledgeUrl: line.acknowledgeUrl ? hole('acknowledgeUrl') : undefined,
            }}
            words={{
              escalated: hole('escalated'),
              open: hole('open'),
              acknowledge: hole('acknowledge'),
            }}
          />
        ),
        {
          title: line.title,
          when: line.when,
          detail: line.detail ?? '',
          acknowledged: line.acknowledged ?? '',
          url: line.url ?? '',
          acknowledgeUrl: line.acknowledgeUrl ?? '',
          escalated: words.escalated,
          open: words.open,
          acknowledge: words.acknowledge,
        },
      );
    }
    html += fillTemplate(
      `digest:group:${group.group}`,
      (hole) => (
        <GroupSection group={group.group} heading={hole('heading')}>
          {hole('lines')}
        </GroupSection>
      ),
      { heading: group.heading, lines: { html: lines } },
    );
  }
  return html;
}

function digestFooterMarkup(model: DigestModel): string {
  return fillTemplate(
    `digest:footer:${model.unsubscribe ? 'unsubscribe' : 'plain'}`,
    (hole) => (
      <DigestFooter
        text={hole('text')}
        unsubscribe={model.unsubscribe ? { label: hole('label'), url: hole('url') } : undefined}
      />
    ),
    {
      text: model.footer,
      label: model.unsubscribe?.label ?? '',
      url: model.unsubscribe?.url ?? '',
    },
  );
}

/** The daily digest for one recipient: one model, a text part and the HTML in the shared frame. */
export function renderDigest(input: DigestInput): Promise<RenderedDigest> {
  const model = digestModel(input);
  const html = fillLayout({
    locale: model.locale,
    title: model.subject,
    preview: model.summary,
    organizationName: input.organizationName,
    content: digestContentMarkup(model),
    footer: digestFooterMarkup(model),
  });
  return Promise.resolve({ subject: model.subject, text: digestText(model), html });
}
