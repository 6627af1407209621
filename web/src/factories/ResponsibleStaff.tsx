import { Button, Group, MultiSelect, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { useUsers } from '../settings/api';
import { ErrorAlert, QueryView } from '../shell/ui';
import { useFactoryResponsible, useSetFactoryResponsible } from './api';

/** Who looks after the factory: they receive its notices; admins only once escalated. */
export function ResponsibleStaff({ factoryId }: { factoryId: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const responsible = useFactoryResponsible(factoryId);
  const users = useUsers(role === 'admin');
  const save = useSetFactoryResponsible(factoryId);
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (responsible.data) setChosen(responsible.data.responsible.map((r) => r.userId));
  }, [responsible.data]);
  const staff = (users.data?.items ?? []).filter((u) => u.role === 'admin' || u.role === 'member');
  return (
    <section>
      <Title order={2} size="h3" mb="xs">{t('factory.responsible')}</Title>
      <QueryView query={responsible}>
        {(r) =>
          role === 'admin' ? (
            <Group align="flex-end">
              <MultiSelect
                label={t('factory.responsiblePick')}
                description={t('factory.responsibleHint')}
                data={staff.map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
                value={chosen}
                onChange={setChosen}
                searchable
                style={{ flex: 1, minWidth: 240 }}
              />
              <Button onClick={() => save.mutate(chosen)} loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          ) : (
            <Text size="sm">
              {r.responsible.length > 0
                ? r.responsible.map((p) => p.name).join(t('factory.listSeparator'))
                : t('factory.responsibleNobody')}
            </Text>
          )
        }
      </QueryView>
      <ErrorAlert error={save.error} />
    </section>
  );
}
