import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Anchor, Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { contactKey, contactsKey, createContact, type ContactInput } from '../../api/contacts';
import { useWorkspace } from '../../auth/workspace-context';
import { formErrors, shownInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';
import { contactName, STAGE_OPTIONS } from './contact-fields';

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

type Values = Record<Exclude<keyof typeof FIELDS, 'tags' | 'lifecycle_stage'>, string>;

const EMPTY: Values = { email: '', external_id: '', first_name: '', last_name: '', company_name: '', job_title: '', phone: '' };

export function NewContactModal({ opened, onClose, tagSuggestions }: { opened: boolean; onClose: () => void; tagSuggestions: string[] }) {
  const { slug } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(EMPTY);
  const [stage, setStage] = useState('lead');
  const [tags, setTags] = useState<string[]>([]);
  const [withExternalId, setWithExternalId] = useState(false);
  const [another, setAnother] = useState(false);

  const create = useMutation({
    mutationFn: () => {
      const input: ContactInput = { lifecycle_stage: stage, tags };
      for (const [field, value] of Object.entries(values) as [keyof Values, string][]) {
        if (value.trim()) input[field] = value.trim();
      }
      return createContact(slug, input);
    },
    onSuccess: ({ contact, created }) => {
      void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
      queryClient.setQueryData(contactKey(slug, contact.id), contact);
      const name = contactName(contact);
      notifySuccess(
        created ? `${name} was added to your contacts` : `${name} was already a contact: empty fields were filled in, nothing was overwritten`,
      );
      if (another) {
        reset();
        return;
      }
      close();
      void navigate(`/w/${slug}/contacts/${contact.id}`);
    },
    onError: (error) => {
      if (!shownInForm(error, FIELDS)) notifyError(error, 'Could not create the contact');
    },
  });

  function reset() {
    setValues(EMPTY);
    setStage('lead');
    setTags([]);
    setWithExternalId(false);
    create.reset();
  }

  function close() {
    reset();
    onClose();
  }

  function submit(event: FormEvent, addAnother: boolean) {
    event.preventDefault();
    setAnother(addAnother);
    create.mutate();
  }

  const errors = formErrors(create.error, FIELDS);
  const set = (field: keyof Values) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const hasIdentity = Boolean(values.email.trim() || values.external_id.trim());

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
            value={values.email}
            error={errors.email}
            onChange={set('email')}
          />
          {withExternalId ? (
            <TextInput
              label="External ID"
              description="For leads without an email: the ID another system (chat, CRM, phone) knows them by."
              placeholder="crm-10482"
              value={values.external_id}
              error={errors.external_id}
              onChange={set('external_id')}
            />
          ) : (
            <Anchor component="button" type="button" fz="sm" ta="left" onClick={() => setWithExternalId(true)}>
              No email address? Use an external ID
            </Anchor>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="First name" value={values.first_name} error={errors.first_name} onChange={set('first_name')} />
            <TextInput label="Last name" value={values.last_name} error={errors.last_name} onChange={set('last_name')} />
            <TextInput label="Company" value={values.company_name} error={errors.company_name} onChange={set('company_name')} />
            <TextInput label="Job title" value={values.job_title} error={errors.job_title} onChange={set('job_title')} />
            <TextInput label="Phone" type="tel" value={values.phone} error={errors.phone} onChange={set('phone')} />
            <Select
              label="Lifecycle stage"
              data={STAGE_OPTIONS}
              value={stage}
              allowDeselect={false}
              error={errors.lifecycle_stage}
              onChange={(value) => value && setStage(value)}
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
            value={tags}
            error={errors.tags}
            onChange={setTags}
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
