import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { EventKind } from '../events/kinds.js';
import type { Channel } from '../modules/tracking/enrich/channel.js';
import type { TrackedEventType } from '../modules/tracking/wire.js';

/** Set by the database on insert, readable afterwards. */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type Role = 'owner' | 'admin' | 'marketer' | 'sales' | 'viewer';
export type JobStatus = 'queued' | 'running' | 'done' | 'dead';
export type Json = ColumnType<unknown, string, string>;

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  secret: string;
  /** Keep only the network part of visitors' IP addresses (forms' submissions). */
  truncate_ips: Generated<boolean>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: Generated<string>;
  password_hash: string;
  created_at: Stamp;
  updated_at: Stamp;
  last_login_at: NullableStamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: Stamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Stamp;
  last_seen_at: Stamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface ApiKeysTable {
  workspace_id: string;
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: Role;
  created_by: string | null;
  created_at: Stamp;
  last_used_at: NullableStamp;
  revoked_at: NullableStamp;
}

export interface InvitationsTable {
  workspace_id: string;
  id: string;
  email: string;
  role: Role;
  invited_by_user: string | null;
  invited_by_key: string | null;
  token_hash: string;
  created_at: Stamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  accepted_at: NullableStamp;
  accepted_by: string | null;
  declined_at: NullableStamp;
  revoked_at: NullableStamp;
}

export interface JobsTable {
  id: Generated<number>;
  workspace_id: string | null;
  kind: string;
  payload: Json;
  status: Generated<JobStatus>;
  run_at: Stamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  lease_expires_at: NullableStamp;
  locked_by: string | null;
  last_error: string | null;
  idempotency_key: string | null;
  created_at: Stamp;
  updated_at: Stamp;
  finished_at: NullableStamp;
}

type Stamped = { created_at: Stamp; updated_at: Stamp };

export interface CompaniesTable extends Stamped {
  workspace_id: string;
  id: string;
  name: string;
  /** The name compared (case, marks, punctuation and legal forms ignored): computed by the database. */
  name_key: ColumnType<string, never, never>;
  domain: string | null;
  industry: string | null;
  size: string | null;
  revenue: number | null;
  country: string | null;
}

export interface ContactsTable extends Stamped {
  workspace_id: string;
  id: string;
  email: string | null;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  mobile_phone: string | null;
  job_title: string | null;
  company_name: string | null;
  website: string | null;
  country: string | null;
  city: string | null;
  street: string | null;
  state: string | null;
  postal_code: string | null;
  lifecycle_stage: Generated<string>;
  lead_status: string | null;
  owner_id: string | null;
  company_id: string | null;
  score: Generated<number>;
  fit_score: Generated<number>;
  temperature: string | null;
  source: string | null;
  source_detail: string | null;
  origin: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  referrer: string | null;
  latest_source: string | null;
  latest_source_detail: string | null;
  do_not_email: Generated<boolean>;
  do_not_call: Generated<boolean>;
  unsubscribed_at: NullableStamp;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  /** The tags lower-cased, kept by PostgreSQL (a generated column): what tag filters search. */
  tag_keys: ColumnType<string[], never, never>;
  /** The phone's digits, '' without one: computed by the database. */
  phone_digits: ColumnType<string, never, never>;
  custom: ColumnType<Record<string, unknown>, string | undefined, string>;
  last_activity_at: NullableStamp;
  /** In the trash since then (null: a live contact); purged 30 days later. */
  deleted_at: NullableStamp;
  deleted_by_type: string | null;
  deleted_by_id: string | null;
  /** The lists the contact was on when it was deleted, put back by a restore. */
  deleted_lists: ColumnType<Array<{ list_id: string; added_at: string }> | null, string | null | undefined, string | null>;
}

export interface CustomFieldsTable {
  workspace_id: string;
  key: string;
  label: string;
  type: string;
  options: ColumnType<string[], string | undefined, string>;
  created_at: Stamp;
}

export interface ContactEventsTable {
  workspace_id: string;
  id: string;
  contact_id: string;
  kind: string;
  occurred_at: Stamp;
  actor_type: string;
  actor_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface ListsTable extends Stamped {
  workspace_id: string;
  id: string;
  name: string;
  description: Generated<string>;
}

export interface ListMembersTable {
  workspace_id: string;
  list_id: string;
  contact_id: string;
  added_at: Stamp;
}

export interface ConsentsTable {
  workspace_id: string;
  id: string;
  contact_id: string;
  purpose: string;
  granted: boolean;
  text_shown: Generated<string>;
  source: Generated<string>;
  ip: string | null;
  occurred_at: Stamp;
}

export interface SuppressionsTable {
  workspace_id: string;
  email_hash: string;
  reason: string;
  created_at: Stamp;
}

export type ImportStatus = 'draft' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ImportsTable {
  workspace_id: string;
  id: string;
  status: Generated<ImportStatus>;
  file_path: string;
  file_name: string;
  file_size: number;
  file_owned: Generated<boolean>;
  encoding: string | null;
  mapping: ColumnType<unknown, string | null | undefined, string | null>;
  options: ColumnType<Record<string, unknown>, string | undefined, string>;
  rows_total: number | null;
  rows_processed: Generated<number>;
  rows_created: Generated<number>;
  rows_updated: Generated<number>;
  rows_skipped: Generated<number>;
  rows_failed: Generated<number>;
  rows_warned: Generated<number>;
  checkpoint: Generated<number>;
  error_report_path: string | null;
  error_report_bytes: Generated<number>;
  error: string | null;
  runner: string | null;
  created_by_type: string;
  created_by_id: string | null;
  created_at: Stamp;
  updated_at: Stamp;
  started_at: NullableStamp;
  finished_at: NullableStamp;
  /** When the upload and error report were removed (retention); null while they are kept. */
  files_removed_at: NullableStamp;
}

export interface ContactDuplicatesTable {
  workspace_id: string;
  /** The older contact of the pair (ids are time-ordered): a_id < b_id. */
  a_id: string;
  b_id: string;
  reasons: string[];
  found_at: Generated<Date>;
  /** Marked "not a duplicate": kept out of the list, and not found again. */
  dismissed_at: NullableStamp;
  dismissed_by_type: string | null;
  dismissed_by_id: string | null;
}

export interface DuplicateScansTable {
  workspace_id: string;
  scanned_at: Stamp;
  /** The newest contact change the scan saw: later changes make the workspace due again. */
  contacts_changed_at: NullableStamp;
}

export type BulkActionKind = 'add_tags' | 'remove_tags' | 'add_to_list' | 'delete' | 'set_stage' | 'set_owner';
export type BulkActionStatus = 'queued' | 'running' | 'done' | 'failed';

export interface BulkActionsTable {
  workspace_id: string;
  id: string;
  action: BulkActionKind;
  /** `{ tags }` or `{ list_id }`. */
  params: ColumnType<unknown, string, string>;
  /** The list filters the action applies to, as the list API takes them. */
  filters: ColumnType<unknown, string, string>;
  status: Generated<BulkActionStatus>;
  total: number;
  processed: Generated<number>;
  last_id: string | null;
  max_id: string | null;
  error: string | null;
  created_by_type: string;
  created_by_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  finished_at: NullableStamp;
}

export interface DomainEventsTable {
  workspace_id: string;
  id: Generated<number>;
  kind: EventKind;
  contact_id: string | null;
  actor_type: string;
  actor_id: string | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
  tx_id: ColumnType<string, string, never>;
  occurred_at: Stamp;
}

export interface EventSubscribersTable {
  name: string;
  cursor: number;
  attempts: Generated<number>;
  failing_event_id: number | null;
  next_attempt_at: NullableStamp;
  last_error: string | null;
  leased_by: string | null;
  lease_expires_at: NullableStamp;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface EventDeadLettersTable {
  workspace_id: string;
  subscriber: string;
  event_id: number;
  kind: EventKind;
  contact_id: string | null;
  attempts: number;
  error: string;
  failed_at: Stamp;
}

export type FormStatus = 'draft' | 'live' | 'archived';
/** Why a post was kept as spam: the check constraint of form_spam.reason. */
export const SPAM_REASONS = ['honeypot', 'too_fast', 'ip_rate', 'form_rate', 'blocked_domain', 'disposable_domain', 'free_mail_domain'] as const;
export type SpamReason = (typeof SPAM_REASONS)[number];

export interface FormsTable {
  workspace_id: string;
  id: string;
  name: string;
  template: string | null;
  status: Generated<FormStatus>;
  draft: Json;
  draft_revision: Generated<number>;
  live_version: number | null;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface FormVersionsTable {
  workspace_id: string;
  form_id: string;
  version: number;
  definition: Json;
  published_at: Stamp;
  published_by: string | null;
}

export interface FormSubmissionsTable {
  workspace_id: string;
  id: string;
  form_id: string;
  form_version: number;
  client_submission_id: string;
  contact_id: string | null;
  email: string | null;
  values: Json;
  consents: Json;
  page_url: string | null;
  page_key: Generated<string>;
  page_title: string | null;
  referrer: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  visitor_id: string | null;
  ip: string | null;
  user_agent: string | null;
  rescued_from: string | null;
  created_at: Stamp;
}

export interface FormSpamTable {
  workspace_id: string;
  id: string;
  form_id: string;
  form_version: number;
  reason: SpamReason;
  detail: string | null;
  email: string | null;
  values: Json;
  client_submission_id: string | null;
  page_url: string | null;
  referrer: string | null;
  utm: Json | null;
  visitor_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: Stamp;
  rescued_at: NullableStamp;
  rescued_by: string | null;
  rescued_submission_id: string | null;
}

export interface FormStatsDailyTable {
  workspace_id: string;
  form_id: string;
  day: ColumnType<string, string, string>;
  page_key: string;
  views: Generated<number>;
  starts: Generated<number>;
  submissions: Generated<number>;
  spam: Generated<number>;
}

export interface FormPagesTable {
  workspace_id: string;
  form_id: string;
  page_key: string;
  url: string;
  first_seen_at: Stamp;
}

export interface FormFieldStatsDailyTable {
  workspace_id: string;
  form_id: string;
  day: ColumnType<string, string, string>;
  field_key: string;
  reached: Generated<number>;
  abandoned: Generated<number>;
}

export type PageStatus = 'draft' | 'live' | 'unpublished';
export type PageKind = 'landing' | 'thank_you';

export interface PageThemesTable {
  workspace_id: string;
  theme: Json;
  updated_at: Stamp;
}

export interface PagesTable {
  workspace_id: string;
  id: string;
  kind: PageKind;
  name: string;
  slug: string;
  host: Generated<string>;
  template: string | null;
  status: Generated<PageStatus>;
  draft: Json;
  draft_revision: Generated<number>;
  live_version: number | null;
  publish_at: NullableStamp;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export type PopupStatus = 'draft' | 'active' | 'paused';

export interface PopupsTable {
  workspace_id: string;
  id: string;
  name: string;
  status: Generated<PopupStatus>;
  form_id: string | null;
  settings: Json;
  revision: Generated<number>;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface PopupStatsDailyTable {
  workspace_id: string;
  popup_id: string;
  day: ColumnType<string, string, string>;
  utm_source: string;
  impressions: Generated<number>;
  closes: Generated<number>;
  submissions: Generated<number>;
}

export interface PageVisitorsDailyTable {
  workspace_id: string;
  page_id: string;
  day: ColumnType<string, string, string>;
  visitor_id: string;
  utm_source: string;
  views: Generated<number>;
}

export interface PageStatsDailyTable {
  workspace_id: string;
  page_id: string;
  day: ColumnType<string, string, string>;
  utm_source: string;
  submissions: Generated<number>;
}

export type AssetStatus = 'uploading' | 'ready';

export interface AssetsTable {
  workspace_id: string;
  id: string;
  name: string;
  file_name: string;
  content_type: string;
  kind: string;
  size: Generated<number>;
  sha256: string | null;
  status: Generated<AssetStatus>;
  downloads: Generated<number>;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface PageVersionsTable {
  workspace_id: string;
  page_id: string;
  version: number;
  definition: Json;
  published_at: Stamp;
  published_by: string | null;
}

export interface AssetChunksTable {
  workspace_id: string;
  asset_id: string;
  seq: number;
  data: Uint8Array;
}

export interface AssetDownloadsTable {
  workspace_id: string;
  id: string;
  asset_id: string;
  contact_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: Stamp;
}

export interface TrackingSettingsTable {
  workspace_id: string;
  require_consent: Generated<boolean>;
  respect_dnt: Generated<boolean>;
  retention_months: Generated<number>;
  identify_key: string;
  site_hosts: Generated<string[]>;
  updated_at: Stamp;
}

export interface TrackingVisitorsTable {
  workspace_id: string;
  id: string;
  contact_id: string | null;
  first_seen_at: Stamp;
  last_seen_at: Stamp;
  identified_at: NullableStamp;
  identified_via: string | null;
}

export interface TrackingSessionsTable {
  workspace_id: string;
  id: string;
  visitor_id: string;
  contact_id: string | null;
  started_at: Stamp;
  last_seen_at: Stamp;
  page_views: Generated<number>;
  events: Generated<number>;
  engaged_ms: ColumnType<string, number | string | undefined, number | string>;
  landing_url: string | null;
  exit_url: string | null;
  referrer: string | null;
  channel: Channel;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
  device: string | null;
  browser: string | null;
  os: string | null;
  ip: string | null;
}

export interface TrackingEventsTable {
  workspace_id: string;
  id: string;
  occurred_at: Stamp;
  visitor_id: string;
  session_id: string;
  contact_id: string | null;
  type: TrackedEventType;
  name: string | null;
  url: string | null;
  path: string | null;
  title: string | null;
  referrer: string | null;
  target: string | null;
  duration_ms: number | null;
  properties: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface TrackingContactSourcesTable {
  workspace_id: string;
  contact_id: string;
  first_session_id: string | null;
  first_at: NullableStamp;
  first_channel: Channel | null;
  first_source: string | null;
  first_medium: string | null;
  first_campaign: string | null;
  first_landing_url: string | null;
  first_referrer: string | null;
  last_session_id: string | null;
  last_at: NullableStamp;
  last_channel: Channel | null;
  last_source: string | null;
  last_medium: string | null;
  last_campaign: string | null;
  last_landing_url: string | null;
  last_referrer: string | null;
  converted_at: Stamp;
  conversion_kind: string;
  conversion_ref: string | null;
  conversion_url: string | null;
  sessions_before: Generated<number>;
}

export interface TrackingDropsDailyTable {
  workspace_id: string;
  day: ColumnType<string, string, string>;
  reason: string;
  batches: Generated<number>;
  events: Generated<number>;
}

export interface Tables {
  domain_events: DomainEventsTable;
  event_subscribers: EventSubscribersTable;
  event_dead_letters: EventDeadLettersTable;
  companies: CompaniesTable;
  contacts: ContactsTable;
  custom_fields: CustomFieldsTable;
  contact_events: ContactEventsTable;
  lists: ListsTable;
  list_members: ListMembersTable;
  consents: ConsentsTable;
  suppressions: SuppressionsTable;
  imports: ImportsTable;
  contact_duplicates: ContactDuplicatesTable;
  bulk_actions: BulkActionsTable;
  duplicate_scans: DuplicateScansTable;
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  invitations: InvitationsTable;
  forms: FormsTable;
  form_versions: FormVersionsTable;
  form_submissions: FormSubmissionsTable;
  form_spam: FormSpamTable;
  form_stats_daily: FormStatsDailyTable;
  form_pages: FormPagesTable;
  form_field_stats_daily: FormFieldStatsDailyTable;
  assets: AssetsTable;
  asset_chunks: AssetChunksTable;
  asset_downloads: AssetDownloadsTable;
  page_themes: PageThemesTable;
  pages: PagesTable;
  popups: PopupsTable;
  popup_stats_daily: PopupStatsDailyTable;
  page_visitors_daily: PageVisitorsDailyTable;
  page_stats_daily: PageStatsDailyTable;
  tracking_settings: TrackingSettingsTable;
  tracking_visitors: TrackingVisitorsTable;
  tracking_sessions: TrackingSessionsTable;
  tracking_events: TrackingEventsTable;
  tracking_contact_sources: TrackingContactSourcesTable;
  tracking_drops_daily: TrackingDropsDailyTable;
  page_versions: PageVersionsTable;
  jobs: JobsTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type Contact = Selectable<ContactsTable>;
export type Company = Selectable<CompaniesTable>;
export type User = Selectable<UsersTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type Invitation = Selectable<InvitationsTable>;
export type Job = Selectable<JobsTable>;
export type Import = Selectable<ImportsTable>;
export type NewJob = Insertable<JobsTable>;

export type BulkAction = Selectable<BulkActionsTable>;
