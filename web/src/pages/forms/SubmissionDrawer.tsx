import { Anchor, Badge, Code, DataList, Drawer, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Submission } from '../../api/submissions';
import { useWorkspace } from '../../auth/workspace-context';
import { formatDateTime } from '../../format';
import { answerText, purposeWords } from './submission-values';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={4} fz="xs" tt="uppercase" c="dimmed" fw={700}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

const text = (value: string | null | undefined) => (
  <Text fz="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
    {value || '—'}
  </Text>
);

/** Everything one submission holds: the answers, who, from where, the consents with their exact text, and the technical trail. */
export function SubmissionDrawer({ submission, labels, onClose }: { submission: Submission | null; labels: ReadonlyMap<string, string>; onClose: () => void }) {
  const { slug } = useWorkspace();
  const s = submission;
  const utm = s ? Object.entries(s.utm).filter(([, v]) => v) : [];
  return (
    <Drawer opened={s !== null} onClose={onClose} position="right" size="lg" title={<Text fw={700}>Submission</Text>}>
      {s && (
        <Stack gap="lg" data-testid="submission-details">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {s.contact?.name || s.email || 'Unknown visitor'}
              </Text>
              <Text fz="sm" c="dimmed">
                {formatDateTime(s.submitted_at)} · version {s.form_version}
              </Text>
            </div>
            {s.contact ? (
              <Anchor component={Link} to={`/w/${slug}/contacts/${s.contact.id}`} fz="sm" style={{ whiteSpace: 'nowrap' }}>
                Open contact
              </Anchor>
            ) : (
              <Badge variant="light" color="gray">
                Contact deleted
              </Badge>
            )}
          </Group>
          {s.rescued_from && (
            <Badge variant="light" color="teal" w="fit-content">
              Rescued from spam
            </Badge>
          )}
          <Section title="Answers">
            <Paper withBorder p="md">
              <DataList labelWidth={170} withDivider>
                {Object.entries(s.values).map(([key, value]) => (
                  <Row key={key} label={labels.get(key) ?? key}>
                    {text(answerText(value))}
                  </Row>
                ))}
              </DataList>
            </Paper>
          </Section>
          <Section title="Where it came from">
            <Paper withBorder p="md">
              <DataList labelWidth={170} withDivider>
                <Row label="Page">
                  {s.page_url ? (
                    <div>
                      {s.page_title && (
                        <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                          {s.page_title}
                        </Text>
                      )}
                      <Anchor href={s.page_url} target="_blank" rel="noopener noreferrer nofollow" fz={s.page_title ? 'xs' : 'sm'} style={{ overflowWrap: 'anywhere' }}>
                        {s.page_url} <IconExternalLink size={12} />
                      </Anchor>
                    </div>
                  ) : (
                    text(null)
                  )}
                </Row>
                <Row label="Referrer">{text(s.referrer)}</Row>
                <Row label="Campaign (UTM)">
                  {utm.length === 0 ? (
                    text(null)
                  ) : (
                    <Group gap={6}>
                      {utm.map(([k, v]) => (
                        <Badge key={k} variant="light" color="blue" tt="none" radius="sm">
                          {k}: {v}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Row>
              </DataList>
            </Paper>
          </Section>
          <Section title="Consents">
            {s.consents.length === 0 ? (
              <Text fz="sm" c="dimmed">
                The form asked for no consent.
              </Text>
            ) : (
              s.consents.map((c) => (
                <Paper key={c.consent_id} withBorder p="md">
                  <Group justify="space-between" mb={6}>
                    <Text fz="sm" fw={600}>
                      {purposeWords(c.purpose)}
                    </Text>
                    <Badge variant="light" color={c.granted ? 'teal' : 'gray'}>
                      {c.granted ? 'Given' : 'Not given'}
                    </Badge>
                  </Group>
                  <Text fz="xs" c="dimmed" mb={2}>
                    Text shown
                  </Text>
                  <Text fz="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                    “{c.text_shown}”
                  </Text>
                </Paper>
              ))
            )}
          </Section>
          <Section title="Technical">
            <Paper withBorder p="md">
              <DataList labelWidth={170} withDivider>
                <Row label="IP address">{text(s.ip)}</Row>
                <Row label="Browser">{text(s.user_agent)}</Row>
                <Row label="Submission ID">
                  <Code fz="xs">{s.id}</Code>
                </Row>
              </DataList>
            </Paper>
          </Section>
        </Stack>
      )}
    </Drawer>
  );
}
