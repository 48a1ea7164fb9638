import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconForms, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { formQueries } from '../../api/forms';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { LinkRow } from '../../components/LinkRow';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { FormStatusBadge } from './FormStatusBadge';
import { NewFormModal } from './NewFormModal';
import { SkeletonRows } from '../../components/SkeletonRows';

export function FormsPage() {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const manage = useCan('marketing.write');
  const [creating, createModal] = useDisclosure(false);
  const forms = useQuery(formQueries.all(slug));

  const newButton = manage && (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      New form
    </Button>
  );

  function content() {
    if (forms.isError) return <QueryError error={forms.error} onRetry={() => void forms.refetch()} />;
    if (forms.data?.length === 0) {
      return (
        <Paper withBorder>
          <StatusMessage
            icon={<IconForms size={26} stroke={1.7} />}
            title="No forms yet"
            description="A form turns a visitor into a lead: a newsletter sign-up, an e-book download, a demo request. Start from a template, publish it, and paste one line on any website."
            actions={newButton || undefined}
          />
        </Paper>
      );
    }
    return (
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Form</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Submissions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {forms.data
                ? forms.data.map((f) => {
                    const href = `/w/${slug}/capture/forms/${f.id}`;
                    return (
                      <LinkRow key={f.id} to={href}>
                        <Table.Td>
                          <Anchor component={Link} to={href} fz="sm" fw={600} c="dark.7">
                            {f.name}
                          </Anchor>
                          <Text fz="xs" c="dimmed">
                            {f.draft.fields.length} fields
                          </Text>
                        </Table.Td>
                        <Table.Td w={200}>
                          <FormStatusBadge form={f} />
                        </Table.Td>
                        <Table.Td ta="right" w={140}>
                          <Text fz="sm" fw={600}>
                            {f.submissions_total.toLocaleString()}
                          </Text>
                        </Table.Td>
                      </LinkRow>
                    );
                  })
                : <SkeletonRows columns={3} height={28} />}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title="Forms"
        description="Capture leads on any website: forms embedded with one line, that work with or without JavaScript."
        actions={(forms.data?.length ?? 0) > 0 && newButton}
      />
      {content()}
      {manage && (
        <NewFormModal
          opened={creating}
          onClose={createModal.close}
          onCreated={(form) => {
            createModal.close();
            void navigate(`/w/${slug}/capture/forms/${form.id}`);
          }}
        />
      )}
    </PageContainer>
  );
}

