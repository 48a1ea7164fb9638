import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useCreateContact, type ContactInput, type LifecycleStage } from '../../api/contacts';
import { useWorkspace } from '../../auth/workspace-context';
import { showInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';
import { contactName, STAGE_OPTIONS } from '../../contact-fields';

const FIELDS = {
  email: 'Email',
  external_id: 'External ID',
  first_name: 'First name',
  last_name: 'Last name',
  company_name: 'Company',
  job_title: 'Job title',
  phone: 'Phone',
  lifecycle_stage: 'Lifecycle stage',
  tags: 'Tags',
};

type TextValues = Record<Exclude<keyof typeof FIELDS, 'tags' | 'lifecycle_stage'>, string>;

const INITIAL: TextValues & { lifecycle_stage: LifecycleStage; tags: string[] } = {
  email: '',
  external_id: '',
  first_name: '',
  last_name: '',
  company_name: '',
  job_title: '',
  phone: '',
  lifecycle_stage: 'lead',
  tags: [],
};

/** Only what was filled in: an empty box is no value, not an empty one. */
function contactInput({ lifecycle_stage, tags, ...text }: typeof INITIAL): ContactInput {
  const input: ContactInput = { lifecycle_stage, tags };
  for (const [field, value] of Object.entries(text) as [keyof TextValues, string][]) {
    if (value.trim()) input[field] = value.trim();
  }
  return input;
}

export function NewContactModal({ opened, onClose, tagSuggestions }: { opened: boolean; onClose: () => void; tagSuggestions: string[] }) {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const form = useForm({ initialValues: INITIAL, transformValues: contactInput });
  const [withExternalId, setWithExternalId] = useState(false);
  const [another, setAnother] = useState(false);
  const create = useCreateContact(slug);

  function reset() {
    form.reset();
    setWithExternalId(false);
    create.reset();
  }

  function close() {
    reset();
    onClose();
  }

  function submit(event: FormEvent, addAnother: boolean) {
    setAnother(addAnother);
    form.onSubmit((input) =>
      create.mutate(input, {
        onSuccess: ({ contact, created }) => {
          const name = contactName(contact);
          notifySuccess(
            created ? `${name} was added to your contacts` : `${name} was already a contact: empty fields were filled in, nothing was overwritten`,
          );
          if (addAnother) {
            reset();
            return;
          }
          close();
          void navigate(`/w/${slug}/contacts/${contact.id}`);
        },
        onError: (error) => {
          if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not create the contact');
        },
      }),
    )(event as FormEvent<HTMLFormElement>);
  }

  const { email, external_id, tags } = form.values;
  const hasIdentity = Boolean(email.trim() || external_id.trim());

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>New contact</Text>} size="lg">
      <form onSubmit={(e) => submit(e, false)}>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            placeholder="jane@company.com"
            description={withExternalId ? undefined : 'Identifies the contact: adding an email that exists fills in that contact instead.'}
            data-autofocus
            {...form.getInputProps('email')}
          />
          {withExternalId ? (
            <TextInput
              label="External ID"
              description="For leads without an email: the ID another system (chat, CRM, phone) knows them by."
              placeholder="crm-10482"
              {...form.getInputProps('external_id')}
            />
          ) : (
            <Anchor component="button" type="button" fz="sm" ta="left" onClick={() => setWithExternalId(true)}>
              No email address? Use an external ID
            </Anchor>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="First name" {...form.getInputProps('first_name')} />
            <TextInput label="Last name" {...form.getInputProps('last_name')} />
            <TextInput label="Company" {...form.getInputProps('company_name')} />
            <TextInput label="Job title" {...form.getInputProps('job_title')} />
            <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
            <Select
              label="Lifecycle stage"
              data={STAGE_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('lifecycle_stage')}
            />
          </SimpleGrid>
          <TagsInput
            label="Tags"
            description="Press Enter after each tag."
            placeholder={tags.length ? undefined : 'webinar-2025, newsletter'}
            data={tagSuggestions}
            // Opening upwards keeps the suggestions off the buttons below, where a click would pick a tag.
            comboboxProps={{ position: 'top', keepMounted: false }}
            maxDropdownHeight={200}
            {...form.getInputProps('tags')}
            clearable
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              variant="light"
              disabled={!hasIdentity}
              loading={create.isPending && another}
              onClick={(e) => submit(e, true)}
            >
              Create and add another
            </Button>
            <Button type="submit" disabled={!hasIdentity} loading={create.isPending && !another}>
              Create contact
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
