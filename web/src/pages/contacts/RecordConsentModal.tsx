import { useState, type FormEvent } from 'react';
import { Autocomplete, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consentsKey, recordConsent, timelineKey } from '../../api/contacts';
import { useWorkspace } from '../../auth/workspace-context';
import { formErrors, shownInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';

const FIELDS = { purpose: 'Purpose', granted: 'Answer', text_shown: 'Wording', source: 'Where' };
const PURPOSES = ['email_marketing', 'newsletter', 'sales_calls', 'sms', 'data_processing'];

/** Records a consent given outside a form (on a call, at an event), with the words the person heard. */
export function RecordConsentModal({ contactId, opened, onClose }: { contactId: string; opened: boolean; onClose: () => void }) {
  const { slug } = useWorkspace();
  const queryClient = useQueryClient();
  const [purpose, setPurpose] = useState('email_marketing');
  const [granted, setGranted] = useState('yes');
  const [text, setText] = useState('');
  const [source, setSource] = useState('');

  const save = useMutation({
    mutationFn: () => recordConsent(slug, contactId, { purpose: purpose.trim(), granted: granted === 'yes', text_shown: text.trim(), source: source.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: consentsKey(slug, contactId) });
      void queryClient.invalidateQueries({ queryKey: timelineKey(slug, contactId) });
      notifySuccess(granted === 'yes' ? 'Consent recorded' : 'Refusal recorded');
      close();
    },
    onError: (error) => {
      if (!shownInForm(error, FIELDS)) notifyError(error, 'Could not record the consent');
    },
  });

  function close() {
    setPurpose('email_marketing');
    setGranted('yes');
    setText('');
    setSource('');
    save.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  const errors = formErrors(save.error, FIELDS);
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Record consent</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <Autocomplete
            label="Purpose"
            description="What the person agreed to, or refused: pick one or type your own."
            data={PURPOSES}
            value={purpose}
            onChange={setPurpose}
            required
            error={errors.purpose}
          />
          <SegmentedControl
            data={[
              { value: 'yes', label: 'They agreed' },
              { value: 'no', label: 'They refused or withdrew' },
            ]}
            value={granted}
            onChange={setGranted}
          />
          <Textarea
            label="Wording"
            description="The exact words they agreed to, as they were shown or read to them."
            autosize
            minRows={3}
            required={granted === 'yes'}
            value={text}
            error={errors.text_shown}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <TextInput
            label="Where"
            placeholder="Phone call with sales, Web Summit stand…"
            required
            value={source}
            error={errors.source}
            onChange={(e) => setSource(e.currentTarget.value)}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!purpose.trim() || !source.trim() || (granted === 'yes' && !text.trim())}>
              Record
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
