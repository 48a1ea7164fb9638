import type { ReactNode } from 'react';
import { Container } from '@mantine/core';

/**
 * Content column of every page in the shell: same width and padding everywhere. Wide pages
 * (tables with many columns) get more room but keep the same padding.
 */
export function PageContainer({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <Container size={wide ? 1440 : 1080} px={{ base: 'md', sm: 40 }} py={{ base: 'lg', sm: 36 }}>
      {children}
    </Container>
  );
}
