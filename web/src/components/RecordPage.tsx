import type { ReactNode } from 'react';
import { Group, Skeleton, Stack, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { PageContainer } from './PageContainer';
import { QueryError } from './QueryError';
import { StatusMessage } from './StatusMessage';
import { BackLink } from './BackLink';

interface Props<T> {
  /** The record's query: the frame shows its loading, its 404 and its other failures. */
  query: UseQueryResult<T>;
  back: { to: string; label: string };
  /** Said when the record does not exist (deleted, merged, a wrong link). */
  missing: { icon: ReactNode; title: string; description: string; actions?: ReactNode };
  /** What the page will look like, while it loads. */
  skeleton?: ReactNode;
  children: (record: T) => ReactNode;
}

/** The frame of a contact's, a company's or a list's page: the way back, then the record or why not. */
export function RecordPage<T>({ query, back, missing, skeleton = <Skeleton h={240} />, children }: Props<T>) {
  let body: ReactNode;
  if (query.isError) {
    body =
      query.error instanceof ApiError && query.error.status === 404 ? (
        <StatusMessage {...missing} />
      ) : (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      );
  } else if (query.data === undefined) {
    body = (
      <>
        <Skeleton h={64} mt="md" mb="xl" />
        {skeleton}
      </>
    );
  } else {
    body = children(query.data);
  }
  return (
    <PageContainer wide>
      <BackLink to={back.to}>{back.label}</BackLink>
      {body}
    </PageContainer>
  );
}

interface HeaderProps {
  title: string;
  avatar?: ReactNode;
  /** A line of facts under the title. */
  children?: ReactNode;
  actions?: ReactNode;
}

/** The record's name, its facts and what can be done with it, above its cards. */
export function RecordHeader({ title, avatar, children, actions }: HeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" mt="md" mb="xl" gap="md">
      <Group gap="md" wrap="nowrap" miw={0} style={{ flex: '1 1 320px' }}>
        {avatar}
        <Stack gap={6} miw={0}>
          <Title order={2} fz={24} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {children}
        </Stack>
      </Group>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
