import { useMemo, useState, type ReactNode } from 'react';
import { Anchor, Avatar, Badge, Button, Grid, Group, Paper, Skeleton, Stack, TagsInput, Text, Title, Tooltip } from '@mantine/core';
import { IconBriefcase, IconClock, IconMail, IconTrash, IconUser, IconUserQuestion, type Icon } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { contactQueries, useDeleteContact, useSaveContact, type Contact, type ContactInput } from '../../api/contacts';
import { customFieldsQuery } from '../../api/custom-fields';
import { memberMap, membersQuery } from '../../api/members';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ownerName } from '../../components/contact-columns';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FieldCard, type FieldDef } from '../../components/FieldCard';
import { RecordHeader, RecordPage } from '../../components/RecordPage';
import { StageBadge } from '../../components/StageBadge';
import { contactName } from '../../contact-fields';
import { formatDateTime, formatRelative, initials } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { ContactListsCard } from './ContactListsCard';
import { ContactPrivacyCard } from './ContactPrivacyCard';
import { ContactSubmissionsCard } from './ContactSubmissionsCard';
import { ContactTimeline } from './ContactTimeline';
import { ContactSourcesCard } from '../tracking/ContactSourcesCard';

const IDENTITY: FieldDef[] = [
  { key: 'first_name', label: 'First name', kind: 'text' },
  { key: 'last_name', label: 'Last name', kind: 'text' },
  { key: 'email', label: 'Email', kind: 'email' },
  { key: 'phone', label: 'Phone', kind: 'tel' },
  { key: 'mobile_phone', label: 'Mobile phone', kind: 'tel' },
  { key: 'external_id', label: 'External ID', kind: 'text' },
];

const WORK: FieldDef[] = [
  { key: 'company_name', label: 'Company', kind: 'text' },
  { key: 'company_id', label: 'Company record', kind: 'company' },
  { key: 'job_title', label: 'Job title', kind: 'text' },
  { key: 'website', label: 'Website', kind: 'url', placeholder: 'https://' },
  { key: 'street', label: 'Street', kind: 'text' },
  { key: 'city', label: 'City', kind: 'text' },
  { key: 'state', label: 'State or region', kind: 'text' },
  { key: 'postal_code', label: 'Postal code', kind: 'text' },
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

function ContactDetails({ contact: c }: { contact: Contact }) {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const editable = useCan('contacts.write');
  const manageFields = useCan('marketing.write');
  const canDelete = useCan('contacts.delete');
  const [deleting, setDeleting] = useState(false);

  const members = useQuery(membersQuery(slug));
  const customFields = useQuery(customFieldsQuery(slug));
  const memberById = useMemo(() => memberMap(members.data), [members.data]);
  const fieldMap = useMemo(() => new Map((customFields.data ?? []).map((f) => [f.key, f])), [customFields.data]);

  const save = useSaveContact(slug, c.id);
  const saveQuietly = (input: ContactInput) => save.mutate(input, { onError: (error) => notifyError(error, 'Could not save the change') });
  const remove = useDeleteContact(slug, c.id);
  const name = contactName(c);
  const deleteContact = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notifySuccess(`${name} was moved to the trash`);
        void navigate(`/w/${slug}/contacts`, { replace: true });
      },
      onError: (error) => notifyError(error, 'Could not delete the contact'),
    });

  const owner = ownerName(memberById, c.owner_id);
  const customDefs: FieldDef[] = (customFields.data ?? []).map((f) => ({ key: `custom.${f.key}`, label: f.label, kind: 'custom', field: f }));
  const cardProps = { record: c, members: memberById, editable, saving: save.isPending, onSave: (input: ContactInput) => save.mutateAsync(input) };

  return (
    <>
      <RecordHeader
        title={name}
        avatar={
          <Avatar size={56} radius="xl" color="brand" variant="light" fz="lg">
            {initials(name)}
          </Avatar>
        }
        actions={
          canDelete && (
            <Button variant="default" color="red" c="red.7" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
              Delete contact
            </Button>
          )
        }
      >
        <Group gap="lg" style={{ rowGap: 4 }}>
          <StageBadge stage={c.lifecycle_stage} />
          {c.email && name !== c.email && <Meta icon={IconMail}>{c.email}</Meta>}
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
      </RecordHeader>

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
                  {manageFields && (
                    <Anchor component={Link} to={`/w/${slug}/settings/contact-fields`} fz="sm">
                      Add a contact field
                    </Anchor>
                  )}
                </Text>
              }
            />
            <ContactSourcesCard contactId={c.id} />
            <ContactListsCard contactId={c.id} editable={editable} />
            <ContactSubmissionsCard contactId={c.id} />
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
          <ContactTimeline contactId={c.id} members={memberById} customFields={fieldMap} canWrite={editable} />
        </Grid.Col>
      </Grid>

      <ConfirmDialog
        opened={deleting}
        title="Delete contact"
        confirmLabel="Delete contact"
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={deleteContact}
      >
        <b>{name}</b> goes to the trash with their whole timeline, lists and consents. It can be restored from{' '}
        <b>Contacts → Trash</b> for 30 days; after that it is deleted for good.
      </ConfirmDialog>
    </>
  );
}

export function ContactPage() {
  const { id = '' } = useParams();
  const { slug } = useWorkspace();
  const contact = useQuery(contactQueries.one(slug, id));
  return (
    <RecordPage
      query={contact}
      back={{ to: `/w/${slug}/contacts`, label: 'Contacts' }}
      missing={{
        icon: <IconUserQuestion size={26} stroke={1.7} />,
        title: 'This contact does not exist',
        description: 'It may have been deleted or merged into another contact, or the link is wrong.',
        actions: (
          <Button component={Link} to={`/w/${slug}/contacts`} variant="light">
            Back to contacts
          </Button>
        ),
      }}
      skeleton={
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Skeleton h={280} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Skeleton h={280} />
          </Grid.Col>
        </Grid>
      }
    >
      {(c) => <ContactDetails contact={c} />}
    </RecordPage>
  );
}
