import { Anchor, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { trackingQueries, type ContactSources } from '../../api/tracking';
import { useWorkspace } from '../../auth/workspace-context';
import { formatDateTime } from '../../format';
import { sourceLine } from './channels';

type Touch = NonNullable<ContactSources['first_touch']>;

function TouchLine({ label, touch }: { label: string; touch: Touch }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="sm">{sourceLine(touch)}</Text>
      <Text fz="xs" c="dimmed" truncate="end" title={touch.landing_url ?? undefined}>
        {touch.at ? formatDateTime(String(touch.at)) : ''}
        {touch.landing_url ? ` · landed on ${touch.landing_url}` : ''}
      </Text>
    </div>
  );
}

const CONVERSION_WORDS: Record<string, string> = { form: 'Filled in a form', identify: 'Signed in on your site', email_click: 'Clicked a tracked email' };

/** Where the contact came from, as tracking saw it: first visit, last visit before converting, the conversion, its devices. */
export function ContactSourcesCard({ contactId }: { contactId: string }) {
  const { slug } = useWorkspace();
  const sources = useQuery(trackingQueries.contactSources(slug, contactId));
  const data = sources.data;
  return (
    <Paper withBorder p="lg" component="section" aria-label="Where they came from">
      <Title order={3} fz="md" mb="sm">
        Where they came from
      </Title>
      {!data ? (
        <Skeleton h={24} />
      ) : !data.converted ? (
        <Text fz="sm" c="dimmed">
          No tracked visit yet. Once this person fills a form on a page with the tracking script, their earlier visits show here.
        </Text>
      ) : (
        <Stack gap="sm">
          {data.first_touch ? <TouchLine label="First touch" touch={data.first_touch} /> : <Text fz="sm" c="dimmed">Converted without a tracked visit before.</Text>}
          {data.last_touch && data.last_touch.session_id !== data.first_touch?.session_id && <TouchLine label="Last touch before converting" touch={data.last_touch} />}
          {data.conversion && (
            <div>
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                Converted
              </Text>
              <Text fz="sm">
                {CONVERSION_WORDS[data.conversion.kind] ?? data.conversion.kind}, {formatDateTime(String(data.conversion.at))}
                {data.conversion.form_id && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/w/${slug}/capture/forms/${data.conversion.form_id}`} fz="sm">
                      the form
                    </Anchor>
                  </>
                )}
              </Text>
              <Text fz="xs" c="dimmed">
                after {data.sessions_before_conversion} {data.sessions_before_conversion === 1 ? 'visit' : 'visits'}
              </Text>
            </div>
          )}
          <Text fz="xs" c="dimmed">
            {data.visitors.length === 1 ? 'One browser: ' : `${data.visitors.length} browsers: `}
            {data.visitors.map((v, i) => (
              <span key={v.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/w/${slug}/tracking/visitors/${v.id}`} fz="xs">
                  {v.sessions} {v.sessions === 1 ? 'visit' : 'visits'}
                </Anchor>
              </span>
            ))}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
