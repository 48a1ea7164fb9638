import type { ReactNode } from 'react';
import { Accordion, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput, ThemeIcon } from '@mantine/core';
import { IconAlertCircle, IconBell, IconClick, IconShieldLock, IconUserPlus, IconWorldWww } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { FormSettings } from '../../../api/forms';
import { listQueries } from '../../../api/lists';
import { pageQueries } from '../../../api/pages';
import { assetQueries } from '../../../api/assets';
import { useWorkspace } from '../../../auth/workspace-context';
import { STAGE_OPTIONS } from '../../../contact-fields';
import { settingProblem } from './draft-state';
import type { DraftEditor } from './use-draft-editor';

type AfterSubmit = FormSettings['after_submit'];
const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : fallback);

function Section({ value, icon, title, description, problem, children }: { value: string; icon: ReactNode; title: string; description: string; problem: boolean; children: ReactNode }) {
  return (
    <Accordion.Item value={value}>
      <Accordion.Control icon={<ThemeIcon variant="light" radius="md">{icon}</ThemeIcon>}>
        <Group gap={6} wrap="nowrap">
          <Text fz="sm" fw={600}>
            {title}
          </Text>
          {problem && <IconAlertCircle size={16} color="var(--mantine-color-red-6)" aria-label="Needs fixing" />}
        </Group>
        <Text fz="xs" c="dimmed">
          {description}
        </Text>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">{children}</Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** The form's settings: the button and what follows a submission, what happens to the contact, who is told, where it may be posted from, spam. */
export function SettingsPanel({ editor, readOnly }: { editor: DraftEditor; readOnly: boolean }) {
  const { slug } = useWorkspace();
  const lists = useQuery(listQueries.all(slug));
  const pages = useQuery(pageQueries.all(slug));
  const thankYouPages = (pages.data ?? []).filter((p) => p.kind === 'thank_you');
  const assets = useQuery(assetQueries.all(slug));
  const s = editor.draft!.settings;
  const problem = (path: string) => settingProblem(editor.problems, path);
  const set = <K extends keyof FormSettings>(key: K, value: FormSettings[K], path: string = key) => editor.updateSettings(path, (old) => ({ ...old, [key]: value }));
  const setSpam = <K extends keyof FormSettings['spam']>(key: K, value: FormSettings['spam'][K]) => editor.updateSettings(`spam.${key}`, (old) => ({ ...old, spam: { ...old.spam, [key]: value } }));
  const after = s.after_submit;
  const switchAfter = (type: string) => {
    const message = after.type === 'message' || after.type === 'page' ? after.message : 'Thank you!';
    const next: AfterSubmit =
      type === 'redirect' ? { type, url: 'https://' } : type === 'page' ? { type, title: 'Thank you', message } : type === 'landing_page' ? { type, page_id: thankYouPages[0]?.id ?? '' } : { type: 'message', message };
    set('after_submit', next);
  };
  const setAfter = (patch: Partial<AfterSubmit>) => set('after_submit', { ...after, ...patch } as AfterSubmit);
  const followUp = s.follow_up_email;

  return (
    <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Accordion variant="separated" radius="md" multiple defaultValue={['submit']} chevronPosition="right">
        <Section value="submit" icon={<IconClick size={18} />} title="Button and confirmation" description="The button’s words and what people see once they sent the form" problem={!!(problem('submit_label') || problem('after_submit') || problem('asset_id'))}>
          <TextInput label="Button text" value={s.submit_label} onChange={(e) => set('submit_label', e.currentTarget.value)} error={problem('submit_label')} maxLength={60} />
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              After submitting
            </Text>
            <SegmentedControl
              value={after.type}
              onChange={switchAfter}
              fullWidth
              data={[{ value: 'message', label: 'Message' }, { value: 'redirect', label: 'Web address' }, { value: 'page', label: 'Simple page' }, { value: 'landing_page', label: 'Landing page' }]}
              aria-label="After submitting"
            />
          </Stack>
          {after.type === 'landing_page' ? (
            <Select
              label="Thank-you page"
              description="One of your thank-you pages; it can greet people by their first name. Until it is published, people see “Thank you!”."
              placeholder={thankYouPages.length ? 'Choose a page' : 'No thank-you page yet'}
              data={thankYouPages.map((p) => ({ value: p.id, label: `${p.name} (/p/${p.slug})` }))}
              value={after.page_id || null}
              onChange={(id) => setAfter({ page_id: id ?? '' })}
              error={problem('after_submit.page_id') ?? problem('after_submit')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          ) : after.type === 'redirect' ? (
            <TextInput label="Address" description="Where people go once the form is sent (https://…)." value={after.url} onChange={(e) => setAfter({ url: e.currentTarget.value })} error={problem('after_submit')} />
          ) : (
            <>
              {after.type === 'page' && <TextInput label="Page title" value={after.title} onChange={(e) => setAfter({ title: e.currentTarget.value })} error={problem('after_submit.title')} />}
              <Textarea
                label="Message"
                description={after.type === 'page' ? 'On a page of its own, hosted by Inflow.' : 'Shown in place of the form.'}
                autosize
                minRows={2}
                value={after.message}
                onChange={(e) => setAfter({ message: e.currentTarget.value })}
                error={problem('after_submit.message') ?? problem('after_submit')}
              />
            </>
          )}
          <Select
            label="Offer a download"
            description="Once the form is sent, people get their own expiring link to this file (from Capture › Assets)."
            data={[{ value: '', label: 'No download' }, ...(assets.data ?? []).map((a) => ({ value: a.id, label: a.name }))]}
            value={s.asset_id ?? ''}
            onChange={(v) => set('asset_id', v || null)}
            allowDeselect={false}
            error={problem('asset_id')}
            comboboxProps={{ withinPortal: true }}
          />
        </Section>

        <Section value="contact" icon={<IconUserPlus size={18} />} title="Contact updates" description="Tags, lists and lifecycle stage for each person who sends it" problem={!!(problem('tags') || problem('list_ids') || problem('lifecycle_stage'))}>
          <TagsInput label="Add tags" placeholder="Type a tag and press Enter" value={s.tags} onChange={(tags) => set('tags', tags)} error={problem('tags')} maxTags={20} clearable />
          <MultiSelect
            label="Add to lists"
            placeholder={s.list_ids.length ? undefined : 'No list'}
            data={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            value={s.list_ids}
            onChange={(ids) => set('list_ids', ids)}
            error={problem('list_ids')}
            searchable
            maxValues={10}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Lifecycle stage"
            description="New contacts get it; existing ones only move up the funnel, never down."
            data={[{ value: '', label: 'Leave as it is' }, ...STAGE_OPTIONS]}
            value={s.lifecycle_stage ?? ''}
            onChange={(v) => set('lifecycle_stage', (v || null) as FormSettings['lifecycle_stage'])}
            allowDeselect={false}
            error={problem('lifecycle_stage')}
            comboboxProps={{ withinPortal: true }}
          />
        </Section>

        <Section value="notify" icon={<IconBell size={18} />} title="Notifications and follow-up" description="Who hears of a submission, double opt-in, the follow-up email" problem={!!(problem('notify_emails') || problem('follow_up_email'))}>
          <TagsInput label="Email these addresses on each submission" placeholder="name@company.com" value={s.notify_emails} onChange={(v) => set('notify_emails', v)} error={problem('notify_emails')} maxTags={10} clearable />
          <Switch label="Double opt-in" description="People confirm their address from an email before they count as subscribed." checked={s.double_opt_in} onChange={(e) => set('double_opt_in', e.currentTarget.checked)} />
          <Switch
            label="Send a follow-up email"
            description="Sent to the person after they submit: the download link, the webinar details."
            checked={followUp !== null}
            onChange={(e) => set('follow_up_email', e.currentTarget.checked ? { subject: 'Thanks for getting in touch', body: 'Thank you for your interest. We will be in touch soon.' } : null)}
          />
          {followUp && (
            <Stack gap="sm" pl="xl">
              <TextInput label="Subject" value={followUp.subject} onChange={(e) => set('follow_up_email', { ...followUp, subject: e.currentTarget.value })} error={problem('follow_up_email.subject')} />
              <Textarea label="Body" autosize minRows={4} value={followUp.body} onChange={(e) => set('follow_up_email', { ...followUp, body: e.currentTarget.value })} error={problem('follow_up_email.body')} />
            </Stack>
          )}
        </Section>

        <Section value="origins" icon={<IconWorldWww size={18} />} title="Allowed websites" description={s.allowed_origins.length ? `Only ${s.allowed_origins.length === 1 ? 'one site' : `${s.allowed_origins.length} sites`} may post it` : 'Any website may post it'} problem={!!problem('allowed_origins')}>
          <TagsInput
            label="Websites that may post this form"
            description="Scheme and host, as https://www.example.com (a port if any). Leave empty to accept any site."
            placeholder="https://www.example.com"
            value={s.allowed_origins}
            onChange={(v) => set('allowed_origins', v)}
            error={problem('allowed_origins')}
            maxTags={50}
            clearable
          />
        </Section>

        <Section value="spam" icon={<IconShieldLock size={18} />} title="Spam protection" description="Fill time, rate limits and blocked domains; spam is answered like a success and never becomes a contact" problem={!!problem('spam')}>
          <Group grow align="flex-start">
            <NumberInput label="Minimum fill time (s)" min={0} max={60} value={s.spam.min_fill_seconds} onChange={(v) => setSpam('min_fill_seconds', num(v, 0))} error={problem('spam.min_fill_seconds')} />
            <NumberInput label="Per address an hour" description="0: no limit" min={0} max={1000} value={s.spam.max_per_ip_per_hour} onChange={(v) => setSpam('max_per_ip_per_hour', num(v, 0))} error={problem('spam.max_per_ip_per_hour')} />
            <NumberInput label="Per minute, in all" description="0: no limit" min={0} max={100_000} value={s.spam.max_per_form_per_minute} onChange={(v) => setSpam('max_per_form_per_minute', num(v, 0))} error={problem('spam.max_per_form_per_minute')} />
          </Group>
          <TagsInput label="Blocked email domains" placeholder="example.com" value={s.spam.blocked_domains} onChange={(v) => setSpam('blocked_domains', v.map((d) => d.trim().toLowerCase()))} error={problem('spam.blocked_domains')} maxTags={500} clearable />
          <Switch label="Block disposable addresses" description="Throwaway inbox services (mailinator.com and the like)." checked={s.spam.block_disposable} onChange={(e) => setSpam('block_disposable', e.currentTarget.checked)} />
        </Section>
      </Accordion>
    </fieldset>
  );
}
