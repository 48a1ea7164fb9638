import { useMemo, useState } from 'react';
import { Anchor, Avatar, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBuildingSkyscraper, IconTrash, IconUsers, IconWorld } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  companiesKey,
  companyContacts,
  companyContactsKey,
  companyKey,
  deleteCompany,
  getCompany,
  patchCompany,
  type Company,
  type CompanyInput,
} from '../../api/companies';
import { contactsKey } from '../../api/contacts';
import { listMembers, membersKey } from '../../api/members';
import { canManageMarketing } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { initials } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { STANDARD_COLUMNS } from '../contacts/columns';
import { ContactsTable } from '../contacts/ContactsTable';
import { FieldCard, type FieldDef } from '../contacts/FieldCard';

const DETAILS: FieldDef[] = [
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'domain', label: 'Domain', kind: 'text' },
  { key: 'industry', label: 'Industry', kind: 'text' },
  { key: 'size', label: 'Size', kind: 'text' },
  { key: 'revenue', label: 'Yearly revenue', kind: 'number' },
  { key: 'country', label: 'Country', kind: 'text' },
];

const CONTACT_COLUMNS = STANDARD_COLUMNS.filter((c) => ['job_title', 'lifecycle_stage', 'created_at'].includes(c.id));

function CompanyContacts({ company }: { company: Company }) {
  const { slug } = useWorkspace();
  const members = useQuery({ queryKey: membersKey(slug), queryFn: () => listMembers(slug), retry: false });
  const memberMap = useMemo(() => new Map((members.data ?? []).map((m) => [m.user_id, m])), [members.data]);
  const contacts = useInfiniteQuery({
    queryKey: companyContactsKey(slug, company.id),
    queryFn: ({ pageParam }) => companyContacts(slug, company.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const rows = contacts.data?.pages.flatMap((p) => p.data);

  if (contacts.isError) return <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />;
  if (rows?.length === 0) {
    return (
      <Paper withBorder>
        <StatusMessage
          icon={<IconUsers size={26} stroke={1.7} />}
          title="Nobody from this company yet"
          description={
            company.domain
              ? `Contacts whose email ends in @${company.domain} are linked here as they arrive.`
              : 'Give the company a domain, and contacts with an email at that domain are linked here as they arrive.'
          }
        />
      </Paper>
    );
  }
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <ContactsTable slug={slug} contacts={rows} columns={CONTACT_COLUMNS} context={{ members: memberMap, slug }} selectable={false} />
      {contacts.hasNextPage && (
        <Group justify="center" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Button variant="default" size="xs" loading={contacts.isFetchingNextPage} onClick={() => void contacts.fetchNextPage()}>
            Load more
          </Button>
        </Group>
      )}
    </Paper>
  );
}

export function CompanyPage() {
  const { id = '' } = useParams();
  const { slug, role } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const manage = canManageMarketing(role);
  const [deleting, setDeleting] = useState(false);
  const company = useQuery({ queryKey: companyKey(slug, id), queryFn: () => getCompany(slug, id) });

  const save = useMutation({
    mutationFn: (input: CompanyInput) => patchCompany(slug, id, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(companyKey(slug, id), updated);
      void queryClient.invalidateQueries({ queryKey: [...companiesKey(slug), 'list'] });
    },
  });

  const remove = useMutation({
    mutationFn: () => deleteCompany(slug, id),
    onSuccess: () => {
      notifySuccess(`${company.data?.name ?? 'The company'} was deleted; its contacts stay`);
      queryClient.removeQueries({ queryKey: companyKey(slug, id) });
      void queryClient.invalidateQueries({ queryKey: companiesKey(slug) });
      void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
      void navigate(`/w/${slug}/companies`, { replace: true });
    },
    onError: (error) => notifyError(error, 'Could not delete the company'),
  });

  const back = (
    <Anchor component={Link} to={`/w/${slug}/companies`} fz="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        Companies
      </Group>
    </Anchor>
  );

  if (company.isError) {
    const missing = company.error instanceof ApiError && company.error.status === 404;
    return (
      <PageContainer wide>
        {back}
        {missing ? (
          <StatusMessage
            icon={<IconBuildingSkyscraper size={26} stroke={1.7} />}
            title="This company does not exist"
            description="It may have been deleted, or the link is wrong. Its contacts, if it had any, are still in Contacts."
          />
        ) : (
          <QueryError error={company.error} onRetry={() => void company.refetch()} />
        )}
      </PageContainer>
    );
  }

  const c = company.data;
  if (!c) {
    return (
      <PageContainer wide>
        {back}
        <Skeleton h={64} mt="md" mb="xl" />
        <Skeleton h={240} />
      </PageContainer>
    );
  }

  const website = c.domain ? `https://${c.domain}` : null;
  return (
    <PageContainer wide>
      {back}
      <Group justify="space-between" align="flex-start" mt="md" mb="xl" gap="md">
        <Group gap="md" wrap="nowrap" miw={0} style={{ flex: '1 1 320px' }}>
          <Avatar size={56} radius="md" color="gray" variant="light" fz="lg">
            {initials(c.name)}
          </Avatar>
          <Stack gap={6} miw={0}>
            <Title order={2} fz={24} style={{ overflowWrap: 'anywhere' }}>
              {c.name}
            </Title>
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
                  {c.contact_count === 1 ? '1 contact' : `${c.contact_count.toLocaleString()} contacts`}
                </Text>
              </Group>
              {c.industry && (
                <Text fz="sm" inherit>
                  {c.industry}
                </Text>
              )}
            </Group>
          </Stack>
        </Group>
        {manage && (
          <Button variant="default" c="red.7" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
            Delete company
          </Button>
        )}
      </Group>
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
          <CompanyContacts company={c} />
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={deleting}
        title="Delete company"
        confirmLabel="Delete company"
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
      >
        <b>{c.name}</b> will be deleted. Its {c.contact_count === 1 ? 'contact stays' : `${c.contact_count.toLocaleString()} contacts stay`}, without
        a company. A contact arriving later with an email at {c.domain ?? 'its domain'} creates the company again.
      </ConfirmDialog>
    </PageContainer>
  );
}
