import { Heading, Link, Section, Text } from '@react-email/components';
import { MailLayoutProps, renderInLayout, styles } from '../../mail/mail-layout';
import { DigestInput, DigestModel, digestModel, digestText, RenderedDigest } from './digest.render';

const GROUP_COLOURS = { overdue: '#c92a2a', thisWeek: '#e67700', later: '#495057' } as const;

/** The digest as MailLayout lays it out. */
export function digestLayout(model: DigestModel, organizationName: string): MailLayoutProps {
  return {
    locale: model.locale,
    title: model.subject,
    preview: model.summary,
    organizationName,
    footer: (
      <>
        <Text style={styles.muted}>{model.footer}</Text>
        {model.unsubscribe ? (
          <Text style={styles.muted}>
            <Link href={model.unsubscribe.url}>{model.unsubscribe.label}</Link>
          </Text>
        ) : null}
      </>
    ),
    children: <DigestContent model={model} />,
  };
}

function DigestContent({ model }: { model: DigestModel }) {
  const words = model.words;
  return (
    <>
      <Text style={styles.text}>{model.intro}</Text>
      <Text style={{ ...styles.text, fontWeight: 700 }}>{model.summary}</Text>
      {model.groups.map((group) => (
        <Section key={group.group}>
          <Heading
            as="h2"
            style={{ fontSize: '16px', margin: '20px 0 8px', color: GROUP_COLOURS[group.group] }}
          >
            {group.heading}
          </Heading>
          {group.lines.map((line, index) => (
            <Section
              key={index}
              style={{
                borderLeft: `3px solid ${GROUP_COLOURS[group.group]}`,
                padding: '2px 0 2px 10px',
                margin: '0 0 12px',
              }}
            >
              <Text style={{ ...styles.text, margin: '0 0 2px' }}>
                {line.escalated ? (
                  <strong style={{ color: '#c92a2a' }}>{words.escalated} </strong>
                ) : null}
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
                  {line.acknowledgeUrl ? (
                    <Link href={line.acknowledgeUrl}>{words.acknowledge}</Link>
                  ) : null}
                </Text>
              ) : null}
            </Section>
          ))}
        </Section>
      ))}
    </>
  );
}

/** The daily digest for one recipient: one model, a text part and the HTML in the shared frame. */
export async function renderDigest(input: DigestInput): Promise<RenderedDigest> {
  const model = digestModel(input);
  const html = await renderInLayout(digestLayout(model, input.organizationName));
  return { subject: model.subject, text: digestText(model), html };
}
