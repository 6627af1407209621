import { Anchor, Button, Card, Grid, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAgreements } from '../agreements/api';
import { AuditsSection } from '../audits/AuditsSection';
import { useSession } from '../auth/session';
import { CertificateTable } from '../certificates/CertificateTable';
import { useCertificates } from '../certificates/api';
import { usePendingInvitations, useUsers } from '../settings/api';
import { PageTitle, QueryView, StatusBadge } from '../shell/ui';
import { useFactory } from './api';
import { FactoryForm } from './FactoryForm';
import { InviteManagerForm } from './InviteManagerForm';
import { ResponsibleStaff } from './ResponsibleStaff';

export function FactoryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { role } = useSession();
  const factory = useFactory(id);
  const certificates = useCertificates({ factoryId: id }, factory.isSuccess);
  const agreements = useAgreements({ factoryId: id }, factory.isSuccess);
  const users = useUsers(factory.isSuccess);
  const [editing, edit] = useDisclosure();
  const managers = users.data?.items.filter((u) => u.factoryId === id) ?? [];
  const invitations = usePendingInvitations(factory.isSuccess && role === 'admin');
  const invited = invitations.data?.filter((i) => i.factoryId === id) ?? [];

  return (
    <QueryView query={factory}>
      {(f) => (
        <>
          <PageTitle
            actions={
              <Group gap="xs">
                <Button variant="default" onClick={edit.open}>{t('common.edit')}</Button>
                <Button component={Link} to={`/certificates/new?factoryId=${f.id}`}>{t('certificate.new')}</Button>
              </Group>
            }
          >
            {f.name}
          </PageTitle>
          <Group gap="xs" mb="md">
            <StatusBadge group="factory" status={f.status} />
            <Text size="sm">{[f.city, f.country].filter(Boolean).join(', ')}</Text>
            {f.licenseNumber && <Text size="sm">{t('factory.licenseNumber')}{t('common.colon')}{f.licenseNumber}</Text>}
          </Group>
          {f.businessScope && (
            <Text size="sm" mb="md">
              {t('factory.businessScope')}{t('common.colon')}{f.businessScope}
            </Text>
          )}
          <Stack gap="lg">
            <section>
              <Title order={2} size="h3" mb="xs">{t('factory.certificates')}</Title>
              <QueryView query={certificates}>{(page) => <CertificateTable certificates={page.items} />}</QueryView>
            </section>
            <section>
              <Title order={2} size="h3" mb="xs">{t('factory.agreements')}</Title>
              <QueryView query={agreements}>
                {(page) => (
                  <List>
                    {page.items.map((a) => (
                      <List.Item key={a.id}>
                        <Anchor component={Link} to={`/agreements/${a.id}`}>{a.title}</Anchor>{' '}
                        <StatusBadge group="agreement" status={a.status} />
                      </List.Item>
                    ))}
                  </List>
                )}
              </QueryView>
            </section>
            <AuditsSection factoryId={f.id} />
            {role !== 'factory_manager' && <ResponsibleStaff factoryId={f.id} />}
            <Grid>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <section>
                  <Title order={2} size="h3" mb="xs">{t('factory.managers')}</Title>
                  <List>
                    {managers.map((m) => (
                      <List.Item key={m.id}>{m.name} · {m.email}</List.Item>
                    ))}
                    {invited.map((i) => (
                      <List.Item key={i.id}>
                        {i.name} · {i.email} · <Text span size="sm" c="dimmed">{t('factory.invitedNotYetAccepted')}</Text>
                      </List.Item>
                    ))}
                  </List>
                </section>
              </Grid.Col>
              {role === 'admin' && (
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <Card withBorder>
                    <Title order={2} size="h3" mb="xs">{t('factory.inviteManager')}</Title>
                    <InviteManagerForm factoryId={f.id} onSent={() => void users.refetch()} />
                  </Card>
                </Grid.Col>
              )}
            </Grid>
          </Stack>
          <Modal opened={editing} onClose={edit.close} title={t('common.edit')}>
            <FactoryForm factory={f} onSaved={edit.close} />
          </Modal>
        </>
      )}
    </QueryView>
  );
}
