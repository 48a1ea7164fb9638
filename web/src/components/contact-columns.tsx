import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { Contact, ContactSort } from '../api/contacts';
import type { CustomField } from '../api/custom-fields';
import type { Member } from '../api/types';
import { StageBadge } from './StageBadge';
import { formatDate, formatDateTime, formatRelative } from '../format';
import { customValueText } from '../contact-fields';

export interface ColumnContext {
  members: ReadonlyMap<string, Member>;
  /** Workspace slug, for links to companies. */
  slug: string;
}

export interface ContactColumn {
  id: string;
  label: string;
  /** The server sorts by this column when its header is clicked. */
  sort?: ContactSort;
  width?: number;
  render: (contact: Contact, context: ColumnContext) => ReactNode;
}

const dash = (
  <Text fz="sm" c="gray.4" component="span">
    —
  </Text>
);

function text(value: string | null | undefined): ReactNode {
  if (!value) return dash;
  return (
    <Text fz="sm" truncate maw={220} title={value}>
      {value}
    </Text>
  );
}

function date(value: string | null, relative = false): ReactNode {
  if (!value) return dash;
  return (
    <Tooltip label={formatDateTime(value)}>
      <Text fz="sm" c="dimmed" component="span" style={{ whiteSpace: 'nowrap' }}>
        {relative ? formatRelative(value) : formatDate(value)}
      </Text>
    </Tooltip>
  );
}

export function ownerName(members: ReadonlyMap<string, Member>, id: string | null): string | null {
  if (!id) return null;
  const member = members.get(id);
  return member ? member.name || member.email : 'Former user';
}

const MAX_TAG_CHARS = 24;

export function TagList({ tags, max = 3 }: { tags: string[]; max?: number }) {
  if (tags.length === 0) return dash;
  const shown = tags.slice(0, max);
  const rest = tags.slice(max);
  return (
    <Group gap={4} wrap="nowrap">
      {shown.map((tag) => (
        <Badge key={tag} variant="outline" color="gray" radius="sm" tt="none" fw={500} miw="max-content" title={tag}>
          {tag.length > MAX_TAG_CHARS ? `${tag.slice(0, MAX_TAG_CHARS - 1)}…` : tag}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.join(', ')}>
          <Badge variant="light" color="gray" radius="sm" tt="none" fw={500} miw="max-content">
            +{rest.length}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

/** Columns the table can show besides the contact itself, in the order the chooser lists them. */
export const STANDARD_COLUMNS: ContactColumn[] = [
  {
    id: 'company_name',
    label: 'Company',
    render: (c, { slug }) =>
      c.company_id && c.company_name ? (
        <Anchor component={Link} to={`/w/${slug}/companies/${c.company_id}`} fz="sm" c="dark.7" truncate="end" maw={220} display="block">
          {c.company_name}
        </Anchor>
      ) : (
        text(c.company_name)
      ),
  },
  { id: 'job_title', label: 'Job title', render: (c) => text(c.job_title) },
  { id: 'lifecycle_stage', label: 'Stage', render: (c) => <StageBadge stage={c.lifecycle_stage} /> },
  { id: 'owner_id', label: 'Owner', render: (c, { members }) => text(ownerName(members, c.owner_id)) },
  { id: 'tags', label: 'Tags', render: (c) => <TagList tags={c.tags} /> },
  {
    id: 'score',
    label: 'Score',
    sort: 'score',
    render: (c) => (
      <Text fz="sm" fw={600} ff="monospace">
        {c.score}
      </Text>
    ),
  },
  { id: 'phone', label: 'Phone', render: (c) => text(c.phone) },
  { id: 'mobile_phone', label: 'Mobile phone', render: (c) => text(c.mobile_phone) },
  { id: 'city', label: 'City', render: (c) => text(c.city) },
  { id: 'state', label: 'State or region', render: (c) => text(c.state) },
  { id: 'country', label: 'Country', render: (c) => text(c.country) },
  { id: 'lead_status', label: 'Lead status', render: (c) => text(c.lead_status) },
  { id: 'source', label: 'Source', render: (c) => text(c.source) },
  { id: 'utm_campaign', label: 'UTM campaign', render: (c) => text(c.utm_campaign) },
  { id: 'external_id', label: 'External ID', render: (c) => text(c.external_id) },
  { id: 'created_at', label: 'Created', sort: 'created_at', render: (c) => date(c.created_at) },
  { id: 'updated_at', label: 'Updated', sort: 'updated_at', render: (c) => date(c.updated_at, true) },
  { id: 'last_activity_at', label: 'Last activity', render: (c) => date(c.last_activity_at, true) },
];

export const DEFAULT_COLUMNS = ['company_name', 'lifecycle_stage', 'owner_id', 'tags', 'created_at'];

export function customColumn(field: CustomField): ContactColumn {
  return {
    id: `custom.${field.key}`,
    label: field.label,
    render: (c) => {
      const value = customValueText(c.custom[field.key], field);
      return value ? text(value) : dash;
    },
  };
}
