import { useState } from 'react';
import { Badge, Button, Divider, Group, Paper, Spoiler, Stack, Switch, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconEraser, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { downloadFile } from '../../api/client';
import { consentsQuery } from '../../api/consents';
import { contactExportPath, useEraseContact, type Contact, type ContactInput } from '../../api/contacts';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { contactName } from '../../contact-fields';
import { RecordConsentModal } from './RecordConsentModal';

function Consents({ contactId }: { contactId: string }) {
  const { slug } = useWorkspace();
  const consents = useQuery(consentsQuery(slug, contactId));
  if (!consents.data || consents.data.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        No consent recorded. Forms and the API record what the person agreed to, with the wording they saw.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {consents.data.map((c) => (
        <div key={c.id}>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap" miw={0}>
              <Badge size="sm" radius="sm" tt="none" variant="light" color={c.granted ? 'teal' : 'red'}>
                {c.granted ? 'Agreed' : 'Refused'}
              </Badge>
              <Text fz="sm" fw={500} truncate>
                {c.purpose.replace(/_/g, ' ')}
              </Text>
            </Group>
            <Tooltip label={formatDateTime(c.occurred_at)}>
              <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {new Date(c.occurred_at).toLocaleDateString(undefined, { dateStyle: 'medium' })}
              </Text>
            </Tooltip>
          </Group>
          <Text fz="xs" c="dimmed" mt={2} style={{ overflowWrap: 'anywhere' }}>
            From {c.source}
            {c.ip ? ` · IP ${c.ip}` : ''}
          </Text>
          {c.text_shown && (
            <Spoiler maxHeight={36} showLabel="Show the wording" hideLabel="Hide" fz="xs" mt={4}>
              <Text fz="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                “{c.text_shown}”
              </Text>
            </Spoiler>
          )}
        </div>
      ))}
    </Stack>
  );
}

interface Props {
  contact: Contact;
  editable: boolean;
  onSave: (input: ContactInput) => void;
}

/** What the person agreed to, and the two privacy requests: a copy of their data, or erasure. */
export function ContactPrivacyCard({ contact, editable, onSave }: Props) {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const mayErase = useCan('contacts.erase');
  const [erasing, setErasing] = useState(false);
  const [confirmText, setConfirmText] = useState('');
  const [downloading, setDownloading] = useState(false);
  const [recording, setRecording] = useState(false);
  const name = contactName(contact);
  const confirmWord = contact.email ?? 'ERASE';

  const erase = useEraseContact(slug, contact.id);
  const eraseNow = () =>
    erase.mutate(undefined, {
      onSuccess: (result) => {
        notifySuccess(
          result.email_suppressed
            ? `${name} was erased. Their email is kept only as a hash, so they are not added again.`
            : `${name} was erased.`,
        );
        void navigate(`/w/${slug}/contacts`, { replace: true });
      },
      onError: (error) => notifyError(error, 'Could not erase the contact'),
    });

  async function download() {
    setDownloading(true);
    try {
      await downloadFile(contactExportPath(contact.id), slug, `contact-${contact.id}.json`);
    } catch (error) {
      notifyError(error, 'Could not download the data');
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-label="Consent and privacy">
      <Title order={3} fz="md">
        Consent and privacy
      </Title>
      <Text fz="xs" c="dimmed" mt={2} mb="md">
        Emails and calls respect these switches.
      </Text>
      <Stack gap="sm">
        <Switch
          label="Do not email"
          checked={contact.do_not_email}
          disabled={!editable}
          onChange={(e) => onSave({ do_not_email: e.currentTarget.checked })}
        />
        <Switch
          label="Do not call"
          checked={contact.do_not_call}
          disabled={!editable}
          onChange={(e) => onSave({ do_not_call: e.currentTarget.checked })}
        />
        {contact.unsubscribed_at && (
          <Text fz="sm" c="red.7">
            Unsubscribed {formatDateTime(contact.unsubscribed_at)}
          </Text>
        )}
      </Stack>
      <Divider my="md" />
      <Group justify="space-between" mb="xs">
        <Text fz="sm" fw={600}>
          Consent records
        </Text>
        {editable && (
          <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setRecording(true)}>
            Record
          </Button>
        )}
      </Group>
      <Consents contactId={contact.id} />
      <Divider my="md" />
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={downloading} onClick={() => void download()}>
          Download their data
        </Button>
        {mayErase && (
          <Button size="xs" variant="default" c="red.7" leftSection={<IconEraser size={14} />} onClick={() => setErasing(true)}>
            Erase this person
          </Button>
        )}
      </Group>
      <RecordConsentModal contactId={contact.id} opened={recording} onClose={() => setRecording(false)} />
      <ConfirmDialog
        opened={erasing}
        title="Erase this person"
        confirmLabel="Erase for good"
        loading={erase.isPending}
        onClose={() => {
          setErasing(false);
          setConfirmText('');
        }}
        confirmDisabled={confirmText.trim().toLowerCase() !== confirmWord.toLowerCase()}
        onConfirm={eraseNow}
      >
        For a deletion request under privacy law. <b>{name}</b>, their timeline, notes, consents and list memberships
        are deleted; reports keep their counts. Their email is kept only as a one-way hash, so imports and forms do
        not add them again. This cannot be undone.
        <TextInput
          mt="md"
          label={
            <>
              Type <b>{confirmWord}</b> to confirm
            </>
          }
          value={confirmText}
          onChange={(e) => setConfirmText(e.currentTarget.value)}
        />
      </ConfirmDialog>
    </Paper>
  );
}
