import { Anchor, Code, CopyButton, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { formView } from '../../../../src/modules/capture/render/form-view';
import { renderHtml } from '../../../../src/modules/capture/render/html';
import { formQueries, type PublicFormView } from '../../api/forms';
import { useWorkspace } from '../../auth/workspace-context';

function Snippet({ title, description, code }: { title: string; description: string; code: string }) {
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={4} fz="sm">
            {title}
          </Title>
          <Text fz="xs" c="dimmed">
            {description}
          </Text>
        </div>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {code}
      </Code>
    </Stack>
  );
}

/**
 * The live version as a plain HTML form, drawn by the renderer of the hosted page and f.js: a
 * line per field, posting to the submit address (no JavaScript needed; it posts the version it
 * shows, which stays valid after later publishes).
 */
function plainHtml(view: PublicFormView, origin: string): string {
  const form = formView(view, { idPrefix: 'inflow-', action: `${origin}/public/forms/${view.id}/submit` });
  const open = renderHtml({ ...form, children: [] }).replace(/<\/form>$/, '');
  return [`<link rel="stylesheet" href="${origin}/f.css">`, open, ...form.children.map((child) => `  ${renderHtml(child)}`), '</form>'].join('\n');
}

/** How to put the form on a site: the script, a placeholder, a plain HTML form, or a link to its hosted page. */
export function EmbedCodes({ id, liveVersion }: { id: string; liveVersion: number | null }) {
  const origin = window.location.origin;
  const { slug } = useWorkspace();
  const live = liveVersion !== null;
  const view = useQuery({ ...formQueries.live(slug, id, liveVersion), enabled: live });
  const hosted = `${origin}/f/${id}`;
  return (
    <Stack gap="lg">
      {!live && (
        <Text fz="sm" c="orange.8">
          Publish the form first: sites show its published version, and this one is still a draft.
        </Text>
      )}
      <Snippet
        title="Script"
        description="Paste it where the form should appear. It works on any site, under a strict Content-Security-Policy too."
        code={`<script src="${origin}/f.js" data-form="${id}" async></script>`}
      />
      <Snippet
        title="Placeholder"
        description="Put the element where the form goes and load the script once, anywhere on the page (several forms can share it)."
        code={`<div data-inflow-form-id="${id}"></div>\n<script src="${origin}/f.js" async></script>`}
      />
      {live &&
        (view.data ? (
          <Snippet
            title="Plain HTML"
            description={`Works with JavaScript turned off. This is version ${liveVersion}: copy it again after you publish changes.`}
            code={plainHtml(view.data, origin)}
          />
        ) : (
          <Skeleton h={120} />
        ))}
      {live && (
        <Stack gap={6}>
          <Snippet title="Hosted page" description="A page with just the form, to link from an email, an ad or a social post." code={hosted} />
          <Anchor href={hosted} target="_blank" rel="noopener noreferrer" fz="sm">
            <Group gap={4} component="span">
              Open the hosted page <IconExternalLink size={14} />
            </Group>
          </Anchor>
        </Stack>
      )}
      <Text fz="xs" c="dimmed">
        Styling, CSP and the other ways to embed: see “Embedding forms” in the documentation.
      </Text>
    </Stack>
  );
}
