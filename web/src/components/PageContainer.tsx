import type { ReactNode } from 'react';
import { Container } from '@mantine/core';

/** Content column of every page in the shell: same width and padding everywhere. */
export function PageContainer({ children }: { children: ReactNode }) {
  return (
    <Container size={1080} px={{ base: 'md', sm: 40 }} py={{ base: 'lg', sm: 36 }}>
      {children}
    </Container>
  );
}
