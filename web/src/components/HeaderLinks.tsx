import { Button } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { API_DOCS_URL } from '../modules';

export function HeaderLinks() {
  return (
    <Button
      component="a"
      href={API_DOCS_URL}
      target="_blank"
      rel="noreferrer"
      variant="subtle"
      color="gray"
      size="compact-sm"
      leftSection={<IconBook size={16} />}
      visibleFrom="sm"
    >
      API docs
    </Button>
  );
}
