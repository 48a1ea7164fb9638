import { Anchor, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { trackingQueries } from '../../api/tracking';
import { useWorkspace } from '../../auth/workspace-context';
import { BackLink } from '../../components/BackLink';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { VisitPath } from './VisitPath';

/** A visitor's path: its latest visits, newest first, each event in order. */
export function VisitorPage() {
  const { slug } = useWorkspace();
  const { id = '' } = useParams();
  const path = useQuery(trackingQueries.visitor(slug, id));
  const visitor = path.data?.visitor;
  return (
    <PageContainer>
      <Stack gap="md">
        <BackLink to={`/w/${slug}/tracking/events`}>Events</BackLink>
        <PageHeader
          title={visitor?.contact_id ? 'A known visitor' : 'An anonymous visitor'}
          description={visitor ? `First seen ${formatDateTime(String(visitor.first_seen_at))}; ${visitor.sessions} ${visitor.sessions === 1 ? 'visit' : 'visits'}, ${visitor.page_views} page views.` : 'One browser on your site.'}
        />
        {visitor?.contact_id && (
          <Text fz="sm">
            Identified {visitor.identified_via === 'form' ? 'by a form' : visitor.identified_via === 'email_click' ? 'by a click in an email' : 'by your site'} as{' '}
            <Anchor component={Link} to={`/w/${slug}/contacts/${visitor.contact_id}`}>
              this contact
            </Anchor>
            .
          </Text>
        )}
        {path.error ? <QueryError error={path.error} onRetry={() => void path.refetch()} /> : path.data ? path.data.sessions.map((s) => <VisitPath key={s.id} visit={s} />) : <Skeleton h={300} />}
      </Stack>
    </PageContainer>
  );
}
