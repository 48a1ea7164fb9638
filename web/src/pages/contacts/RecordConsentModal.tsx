import { Autocomplete, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRecordConsent } from '../../api/consents';
import { useWorkspace } from '../../auth/workspace-context';
import { showInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';

const FIELDS = { purpose: 'Purpose', granted: 'Answer', text_shown: 'Wording', source: 'Where' };
const PURPOSES = ['email_marketing', 'newsletter', 'sales_calls', 'sms', 'data_processing'];

/** Records a consent given outside a form (on a call, at an event), with the words the person heard. */
export function RecordConsentModal({ contactId, opened, onClose }: { contactId: string; opened: boolean; onClose: () => void }) {
  const { slug } = useWorkspace();
  const form = useForm({
    initialValues: { purpose: 'email_marketing', granted: 'yes', text_shown: '', source: '' },
    transformValues: (v) => ({ purpose: v.purpose.trim(), granted: v.granted === 'yes', text_shown: v.text_shown.trim(), source: v.source.trim() }),
  });
  const save = useRecordConsent(slug, contactId);

  function close() {
    form.reset();
    save.reset();
    onClose();
  }

  const submit = form.onSubmit((input) =>
    save.mutate(input, {
      onSuccess: () => {
        notifySuccess(input.granted ? 'Consent recorded' : 'Refusal recorded');
        close();
      },
      onError: (error) => {
        if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not record the consent');
      },
    }),
  );

  const { purpose, granted, text_shown, source } = form.values;
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Record consent</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <Autocomplete
            label="Purpose"
            description="What the person agreed to, or refused: pick one or type your own."
            data={PURPOSES}
            required
            {...form.getInputProps('purpose')}
          />
          <SegmentedControl
            data={[
              { value: 'yes', label: 'They agreed' },
              { value: 'no', label: 'They refused or withdrew' },
            ]}
            {...form.getInputProps('granted')}
          />
          <Textarea
            label="Wording"
            description="The exact words they agreed to, as they were shown or read to them."
            autosize
            minRows={3}
            required={granted === 'yes'}
            {...form.getInputProps('text_shown')}
          />
          <TextInput label="Where" placeholder="Phone call with sales, Web Summit stand…" required {...form.getInputProps('source')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!purpose.trim() || !source.trim() || (granted === 'yes' && !text_shown.trim())}>
              Record
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
