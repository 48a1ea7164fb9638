import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { companiesKey, companyKey, createCompany, type CompanyInput } from '../../api/companies';
import { useWorkspace } from '../../auth/workspace-context';
import { formErrors, shownInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';

const FIELDS = { name: 'Name', domain: 'Domain', industry: 'Industry', size: 'Size', revenue: 'Revenue', country: 'Country' };
const EMPTY = { name: '', domain: '', industry: '', size: '', country: '' };

export function NewCompanyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY);
  const [revenue, setRevenue] = useState<number | string>('');

  const create = useMutation({
    mutationFn: () => {
      const input: CompanyInput & { name: string } = { name: values.name.trim() };
      for (const key of ['domain', 'industry', 'size', 'country'] as const) if (values[key].trim()) input[key] = values[key].trim();
      if (typeof revenue === 'number') input.revenue = revenue;
      return createCompany(slug, input);
    },
    onSuccess: (company) => {
      void queryClient.invalidateQueries({ queryKey: companiesKey(slug) });
      queryClient.setQueryData(companyKey(slug, company.id), company);
      notifySuccess(`${company.name} was added`);
      close();
      void navigate(`/w/${slug}/companies/${company.id}`);
    },
    onError: (error) => {
      if (!shownInForm(error, FIELDS)) notifyError(error, 'Could not create the company');
    },
  });

  function close() {
    setValues(EMPTY);
    setRevenue('');
    create.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  const errors = formErrors(create.error, FIELDS);
  const field = (key: keyof typeof EMPTY) => ({
    value: values[key],
    error: errors[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>New company</Text>} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" placeholder="Acme Brasil" required data-autofocus {...field('name')} />
          <TextInput
            label="Domain"
            description="Contacts whose email is at this domain are linked to the company as they arrive."
            placeholder="acme.com.br"
            {...field('domain')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Industry" placeholder="Software" {...field('industry')} />
            <TextInput label="Size" placeholder="51–200 employees" {...field('size')} />
            <NumberInput label="Yearly revenue" min={0} thousandSeparator="," value={revenue} error={errors.revenue} onChange={setRevenue} />
            <TextInput label="Country" {...field('country')} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!values.name.trim()}>
              Create company
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
