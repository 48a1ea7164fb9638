import { useMemo, useState, type ReactNode } from 'react';
import { Anchor, Avatar, Badge, Button, Grid, Group, Paper, Skeleton, Stack, TagsInput, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconBriefcase, IconClock, IconMail, IconTrash, IconUser, IconUserQuestion, type Icon } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  contactKey,
  contactsKey,
  customFieldsKey,
  deleteContact,
  getContact,
  listCustomFields,
  patchContact,
  timelineKey,
  type Contact,
  type ContactInput,
} from '../../api/contacts';
import { listMembers, membersKey } from '../../api/members';
import { canEditContacts, canManageMarketing } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { StageBadge } from '../../components/StageBadge';
import { StatusMessage } from '../../components/StatusMessage';
import { formatDateTime, formatRelative, initials } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { ownerName } from './columns';
import { contactName } from './contact-fields';
import { ContactListsCard } from './ContactListsCard';
import { ContactPrivacyCard } from './ContactPrivacyCard';
import { ContactTimeline } from './ContactTimeline';
import { FieldCard, type FieldDef } from './FieldCard';

const IDENTITY: FieldDef[] = [
  { key: 'first_name', label: 'First name', kind: 'text' },
  { key: 'last_name', label: 'Last name', kind: 'text' },
  { key: 'email', label: 'Email', kind: 'email' },
  { key: 'phone', label: 'Phone', kind: 'tel' },
  { key: 'external_id', label: 'External ID', kind: 'text' },
];

const WORK: FieldDef[] = [
  { key: 'company_name', label: 'Company', kind: 'text' },
  { key: 'company_id', label: 'Company record', kind: 'company' },
  { key: 'job_title', label: 'Job title', kind: 'text' },
  { key: 'website', label: 'Website', kind: 'url', placeholder: 'https://' },
  { key: 'city', label: 'City', kind: 'text' },
  { key: 'country', label: 'Country', kind: 'text' },
];

const LEAD: FieldDef[] = [
  { key: 'lifecycle_stage', label: 'Lifecycle stage', kind: 'stage' },
  { key: 'lead_status', label: 'Lead status', kind: 'text' },
  { key: 'owner_id', label: 'Owner', kind: 'owner' },
  { key: 'score', label: 'Score', kind: 'readonly', format: (c: Contact) => <Text fz="sm">{c.score}</Text> },
  { key: 'fit_score', label: 'Fit score', kind: 'readonly', format: (c: Contact) => <Text fz="sm">{c.fit_score}</Text> },
];

const SOURCE: FieldDef[] = [
  { key: 'source', label: 'Source', kind: 'text' },
  { key: 'source_detail', label: 'Source detail', kind: 'text' },
  { key: 'origin', label: 'Origin', kind: 'text' },
  { key: 'latest_source', label: 'Latest source', kind: 'text' },
  { key: 'latest_source_detail', label: 'Latest source detail', kind: 'text' },
  { key: 'referrer', label: 'Referrer', kind: 'url' },
  { key: 'utm_source', label: 'UTM source', kind: 'text' },
  { key: 'utm_medium', label: 'UTM medium', kind: 'text' },
  { key: 'utm_campaign', label: 'UTM campaign', kind: 'text' },
  { key: 'utm_term', label: 'UTM term', kind: 'text' },
  { key: 'utm_content', label: 'UTM content', kind: 'text' },
];

function Meta({ icon: MetaIcon, children }: { icon: Icon; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" c="dimmed" miw={0}>
      <MetaIcon size={15} style={{ flexShrink: 0 }} />
      <Text fz="sm" inherit style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function TagsCard({ contact, editable, onSave }: { contact: Contact; editable: boolean; onSave: (tags: string[]) => void }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label="Tags">
      <Title order={3} fz="md" mb="sm">
        Tags
      </Title>
      {editable ? (
        <TagsInput
          aria-label="Tags"
          placeholder={contact.tags.length ? 'Add a tag' : 'Add a tag and press Enter'}
          value={contact.tags}
          onChange={onSave}
          clearable={false}
          acceptValueOnBlur={false}
        />
      ) : contact.tags.length ? (
        <Group gap={6}>
          {contact.tags.map((t) => (
            <Badge key={t} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {t}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text fz="sm" c="dimmed">
          No tags
        </Text>
      )}
    </Paper>
  );
}

export function ContactPage() {
  const { id = '' } = useParams();
  const { slug, role } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const editable = canEditContacts(role);
  const [deleting, setDeleting] = useState(false);

  const contact = useQuery({ queryKey: contactKey(slug, id), queryFn: () => getContact(slug, id) });
  const members = useQuery({ queryKey: membersKey(slug), queryFn: () => listMembers(slug), retry: false });
  const customFields = useQuery({ queryKey: customFieldsKey(slug), queryFn: () => listCustomFields(slug) });
  const memberMap = useMemo(() => new Map((members.data ?? []).map((m) => [m.user_id, m])), [members.data]);
  const fieldMap = useMemo(() => new Map((customFields.data ?? []).map((f) => [f.key, f])), [customFields.data]);

  const save = useMutation({
    mutationFn: (input: ContactInput) => patchContact(slug, id, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(contactKey(slug, id), updated);
      void queryClient.invalidateQueries({ queryKey: timelineKey(slug, id) });
      void queryClient.invalidateQueries({ queryKey: [...contactsKey(slug), 'list'] });
    },
  });
  const saveQuietly = (input: ContactInput) =>
    save.mutate(input, { onError: (error) => notifyError(error, 'Could not save the change') });

  const remove = useMutation({
    mutationFn: () => deleteContact(slug, id),
    onSuccess: () => {
      notifySuccess(`${contact.data ? contactName(contact.data) : 'The contact'} was deleted`);
      queryClient.removeQueries({ queryKey: contactKey(slug, id) });
      void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
      void navigate(`/w/${slug}/contacts`, { replace: true });
    },
    onError: (error) => notifyError(error, 'Could not delete the contact'),
  });

  const back = (
    <Anchor component={Link} to={`/w/${slug}/contacts`} fz="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        Contacts
      </Group>
    </Anchor>
  );

  if (contact.isError) {
    if (contact.error instanceof ApiError && contact.error.status === 404) {
      return (
        <PageContainer wide>
          {back}
          <StatusMessage
            icon={<IconUserQuestion size={26} stroke={1.7} />}
            title="This contact does not exist"
            description="It may have been deleted or merged into another contact, or the link is wrong."
            actions={
              <Button component={Link} to={`/w/${slug}/contacts`} variant="light">
                Back to contacts
              </Button>
            }
          />
        </PageContainer>
      );
    }
    return (
      <PageContainer wide>
        {back}
        <QueryError error={contact.error} onRetry={() => void contact.refetch()} />
      </PageContainer>
    );
  }

  const c = contact.data;
  if (!c) {
    return (
      <PageContainer wide>
        {back}
        <Skeleton h={64} mt="md" mb="xl" />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Skeleton h={280} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Skeleton h={280} />
          </Grid.Col>
        </Grid>
      </PageContainer>
    );
  }

  const name = contactName(c);
  const owner = ownerName(memberMap, c.owner_id);
  const customDefs: FieldDef[] = (customFields.data ?? []).map((f) => ({ key: `custom.${f.key}`, label: f.label, kind: 'custom', field: f }));
  const cardProps = { record: c, members: memberMap, editable, saving: save.isPending, onSave: (input: ContactInput) => save.mutateAsync(input) };

  return (
    <PageContainer wide>
      {back}
      <Group justify="space-between" align="flex-start" mt="md" mb="xl" gap="md">
        <Group gap="md" wrap="nowrap" miw={0} style={{ flex: '1 1 320px' }}>
          <Avatar size={56} radius="xl" color="brand" variant="light" fz="lg">
            {initials(name)}
          </Avatar>
          <Stack gap={6} miw={0}>
            <Title order={2} fz={24} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            <Group gap="lg" style={{ rowGap: 4 }}>
              <StageBadge stage={c.lifecycle_stage} />
              {c.email && name !== c.email && (
                <Meta icon={IconMail}>{c.email}</Meta>
              )}
              {(c.company_name || c.job_title) && (
                <Meta icon={IconBriefcase}>
                  {c.job_title}
                  {c.job_title && c.company_name ? ' at ' : ''}
                  {c.company_id && c.company_name ? (
                    <Anchor component={Link} to={`/w/${slug}/companies/${c.company_id}`} fz="sm" inherit>
                      {c.company_name}
                    </Anchor>
                  ) : (
                    c.company_name
                  )}
                </Meta>
              )}
              <Meta icon={IconUser}>{owner ? `Owned by ${owner}` : 'No owner'}</Meta>
              <Tooltip label={formatDateTime(c.created_at)}>
                <span>
                  <Meta icon={IconClock}>Added {formatRelative(c.created_at)}</Meta>
                </span>
              </Tooltip>
            </Group>
          </Stack>
        </Group>
        {editable && (
          <Button variant="default" color="red" c="red.7" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
            Delete contact
          </Button>
        )}
      </Group>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <TagsCard contact={c} editable={editable} onSave={(tags) => saveQuietly({ tags })} />
            <FieldCard title="Identity" fields={IDENTITY} {...cardProps} />
            <FieldCard title="Work" fields={WORK} {...cardProps} />
            <FieldCard title="Lead" fields={LEAD} {...cardProps} />
            <FieldCard
              title="Custom fields"
              fields={customDefs}
              {...cardProps}
              emptyHint={
                <Text fz="sm" c="dimmed">
                  Fields your team defines — plan, budget, industry — appear here.{' '}
                  {canManageMarketing(role) && (
                    <Anchor component={Link} to={`/w/${slug}/settings/contact-fields`} fz="sm">
                      Add a contact field
                    </Anchor>
                  )}
                </Text>
              }
            />
            <ContactListsCard contactId={c.id} editable={editable} />
            <ContactPrivacyCard contact={c} editable={editable} onSave={saveQuietly} />
            <FieldCard
              title="Source"
              description="First and latest touch. Forms, tracking and imports fill these in."
              fields={SOURCE}
              hideEmpty="No source recorded yet."
              {...cardProps}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Title order={3} fz="md" mb="sm">
            Activity
          </Title>
          <ContactTimeline contactId={c.id} members={memberMap} customFields={fieldMap} canWrite={editable} />
        </Grid.Col>
      </Grid>

      <ConfirmDialog
        opened={deleting}
        title="Delete contact"
        confirmLabel="Delete contact"
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
      >
        <b>{name}</b> and their whole timeline — notes, changes and activity — will be deleted. This cannot be undone.
      </ConfirmDialog>
    </PageContainer>
  );
}
