import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useCreateCompany, type NewCompany } from '../../api/companies';
import { useWorkspace } from '../../auth/workspace-context';
import { showInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';

const FIELDS = { name: 'Name', domain: 'Domain', industry: 'Industry', size: 'Size', revenue: 'Revenue', country: 'Country' };

/** Sends only what was filled in: an empty box is no value, not an empty one. */
function companyInput(values: { name: string; domain: string; industry: string; size: string; country: string; revenue: number | string }): NewCompany {
  const input: NewCompany = { name: values.name.trim() };
  for (const key of ['domain', 'industry', 'size', 'country'] as const) if (values[key].trim()) input[key] = values[key].trim();
  if (typeof values.revenue === 'number') input.revenue = values.revenue;
  return input;
}

export function NewCompanyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '', domain: '', industry: '', size: '', country: '', revenue: '' as number | string },
    transformValues: companyInput,
  });
  const create = useCreateCompany(slug);

  function close() {
    form.reset();
    create.reset();
    onClose();
  }

  const submit = form.onSubmit((input) =>
    create.mutate(input, {
      onSuccess: (company) => {
        notifySuccess(`${company.name} was added`);
        close();
        void navigate(`/w/${slug}/companies/${company.id}`);
      },
      onError: (error) => {
        if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not create the company');
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>New company</Text>} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" placeholder="Acme Brasil" required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Domain"
            description="Contacts whose email is at this domain are linked to the company as they arrive."
            placeholder="acme.com.br"
            {...form.getInputProps('domain')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Industry" placeholder="Software" {...form.getInputProps('industry')} />
            <TextInput label="Size" placeholder="51–200 employees" {...form.getInputProps('size')} />
            <NumberInput label="Yearly revenue" min={0} thousandSeparator="," {...form.getInputProps('revenue')} />
            <TextInput label="Country" {...form.getInputProps('country')} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!form.values.name.trim()}>
              Create company
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
