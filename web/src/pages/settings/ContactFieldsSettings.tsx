import { useState } from 'react';
import { ActionIcon, Badge, Button, Code, EmptyState, Group, Paper, Skeleton, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconForms, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { customFieldsQuery, useDeleteCustomField, type CustomField } from '../../api/custom-fields';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryError } from '../../components/QueryError';
import { SectionHeader } from '../../components/SectionHeader';
import { formatDate } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { CUSTOM_TYPE_LABELS } from '../../contact-fields';
import { CreateCustomFieldModal } from './CreateCustomFieldModal';

function Options({ options }: { options: string[] }) {
  if (options.length === 0) return <Text fz="sm" c="gray.5">—</Text>;
  const shown = options.slice(0, 4);
  return (
    <Group gap={4}>
      {shown.map((o) => (
        <Badge key={o} variant="light" color="gray" radius="sm" tt="none" fw={500}>
          {o}
        </Badge>
      ))}
      {options.length > shown.length && (
        <Tooltip label={options.slice(shown.length).join(', ')}>
          <Text fz="xs" c="dimmed">
            +{options.length - shown.length} more
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}

/** Settings → Contact fields: the workspace's own contact fields, typed. */
export function ContactFieldsSettings() {
  const { slug } = useWorkspace();
  const manage = useCan('marketing.write');
  const fields = useQuery(customFieldsQuery(slug));
  const [creating, createModal] = useDisclosure(false);
  const [deleting, setDeleting] = useState<CustomField | null>(null);

  const remove = useDeleteCustomField(slug);
  const deleteField = (field: CustomField) =>
    remove.mutate(field, {
      onSuccess: () => {
        notifySuccess(`“${field.label}” was deleted, with its values on every contact`);
        setDeleting(null);
      },
      onError: (error) => notifyError(error, 'Could not delete the field'),
    });

  const createButton = manage && (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      New field
    </Button>
  );

  function content() {
    if (fields.isError) return <QueryError error={fields.error} onRetry={() => void fields.refetch()} />;
    if (fields.data && fields.data.length === 0) {
      return (
        <Paper withBorder py={40} px="xl">
          <EmptyState
            icon={<IconForms size={28} stroke={1.6} />}
            variant="light"
            size="sm"
            maw={520}
            mx="auto"
            title="No contact fields of your own yet"
            description="Every contact already has name, email, company, stage, source and UTM fields. Add the ones your business needs — plan, budget, number of employees, product of interest — and fill them in by hand, by import or through the API."
          >
            {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
          </EmptyState>
        </Paper>
      );
    }
    return (
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Options</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.data
                ? fields.data.map((f) => (
                    <Table.Tr key={f.key}>
                      <Table.Td>
                        <Text fz="sm" fw={600}>
                          {f.label}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code fz="xs">{f.key}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{CUSTOM_TYPE_LABELS[f.type] ?? f.type}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Options options={f.options} />
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm" c="dimmed">
                          {formatDate(f.created_at)}
                        </Text>
                      </Table.Td>
                      <Table.Td w={60} ta="right">
                        {manage && (
                          <Tooltip label="Delete field">
                            <ActionIcon variant="subtle" color="red" aria-label={`Delete ${f.label}`} onClick={() => setDeleting(f)}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))
                : [0, 1].map((i) => (
                    <Table.Tr key={i}>
                      <Table.Td colSpan={6}>
                        <Skeleton h={24} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  const hasFields = (fields.data?.length ?? 0) > 0;
  return (
    <>
      <SectionHeader
        title="Contact fields"
        description={
          manage
            ? 'Your own fields on every contact. Each has a type, checked on every save and import.'
            : 'Your own fields on every contact. Owners, admins and marketers manage them.'
        }
        actions={hasFields ? createButton : null}
      />
      {content()}
      {manage && <CreateCustomFieldModal opened={creating} onClose={createModal.close} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete contact field"
        confirmLabel="Delete field and values"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && deleteField(deleting)}
      >
        <b>{deleting?.label}</b> (<Code fz="xs">{deleting?.key}</Code>) will be removed, and its values will be
        removed from all contacts. Filters, imports and API calls that use it will stop working. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
