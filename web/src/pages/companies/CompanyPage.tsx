import { useState } from 'react';
import { Anchor, Avatar, Button, Grid, Group, Skeleton, Text, Title } from '@mantine/core';
import { IconBuildingSkyscraper, IconTrash, IconUsers, IconWorld } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { companyQueries, useDeleteCompany, useSaveCompany, type Company, type CompanyInput } from '../../api/companies';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { STANDARD_COLUMNS } from '../../components/contact-columns';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FieldCard, type FieldDef } from '../../components/FieldCard';
import { RecordContacts } from '../../components/RecordContacts';
import { RecordHeader, RecordPage } from '../../components/RecordPage';
import { StatusMessage } from '../../components/StatusMessage';
import { contactCount, initials } from '../../format';
import { notifyError, notifySuccess } from '../../notify';

const DETAILS: FieldDef[] = [
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'domain', label: 'Domain', kind: 'text' },
  { key: 'industry', label: 'Industry', kind: 'text' },
  { key: 'size', label: 'Size', kind: 'text' },
  { key: 'revenue', label: 'Yearly revenue', kind: 'number' },
  { key: 'country', label: 'Country', kind: 'text' },
];

const CONTACT_COLUMNS = STANDARD_COLUMNS.filter((c) => ['job_title', 'lifecycle_stage', 'created_at'].includes(c.id));

function CompanyDetails({ company: c }: { company: Company }) {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const manage = useCan('marketing.write');
  const [deleting, setDeleting] = useState(false);
  const save = useSaveCompany(slug, c.id);
  const remove = useDeleteCompany(slug, c.id);

  const deleteCompany = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notifySuccess(`${c.name} was deleted; its contacts stay`);
        void navigate(`/w/${slug}/companies`, { replace: true });
      },
      onError: (error) => notifyError(error, 'Could not delete the company'),
    });

  const website = c.domain ? `https://${c.domain}` : null;
  return (
    <>
      <RecordHeader
        title={c.name}
        avatar={
          <Avatar size={56} radius="md" color="gray" variant="light" fz="lg">
            {initials(c.name)}
          </Avatar>
        }
        actions={
          manage && (
            <Button variant="default" c="red.7" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
              Delete company
            </Button>
          )
        }
      >
        <Group gap="lg" c="dimmed">
          {website && (
            <Anchor href={website} target="_blank" rel="noreferrer noopener" fz="sm">
              <Group gap={6} wrap="nowrap">
                <IconWorld size={15} />
                {c.domain}
              </Group>
            </Anchor>
          )}
          <Group gap={6} wrap="nowrap">
            <IconUsers size={15} />
            <Text fz="sm" inherit>
              {contactCount(c.contact_count)}
            </Text>
          </Group>
          {c.industry && (
            <Text fz="sm" inherit>
              {c.industry}
            </Text>
          )}
        </Group>
      </RecordHeader>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <FieldCard<Company, CompanyInput>
            title="Details"
            record={c}
            fields={DETAILS}
            editable={manage}
            saving={save.isPending}
            onSave={(input) => save.mutateAsync(input)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Title order={3} fz="md" mb="sm">
            Contacts
          </Title>
          <RecordContacts
            filters={{ company: c.id }}
            columns={CONTACT_COLUMNS}
            empty={
              <StatusMessage
                icon={<IconUsers size={26} stroke={1.7} />}
                title="Nobody from this company yet"
                description={
                  c.domain
                    ? `Contacts whose email ends in @${c.domain} are linked here as they arrive.`
                    : 'Give the company a domain, and contacts with an email at that domain are linked here as they arrive.'
                }
              />
            }
          />
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={deleting}
        title="Delete company"
        confirmLabel="Delete company"
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={deleteCompany}
      >
        <b>{c.name}</b> will be deleted. Its {c.contact_count === 1 ? 'contact stays' : `${c.contact_count.toLocaleString()} contacts stay`}, without
        a company. A contact arriving later with an email at {c.domain ?? 'its domain'} creates the company again.
      </ConfirmDialog>
    </>
  );
}

export function CompanyPage() {
  const { id = '' } = useParams();
  const { slug } = useWorkspace();
  const company = useQuery(companyQueries.one(slug, id));
  return (
    <RecordPage
      query={company}
      back={{ to: `/w/${slug}/companies`, label: 'Companies' }}
      missing={{
        icon: <IconBuildingSkyscraper size={26} stroke={1.7} />,
        title: 'This company does not exist',
        description: 'It may have been deleted, or the link is wrong. Its contacts, if it had any, are still in Contacts.',
      }}
      skeleton={<Skeleton h={240} />}
    >
      {(c) => <CompanyDetails company={c} />}
    </RecordPage>
  );
}
