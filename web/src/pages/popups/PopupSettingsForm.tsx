import { Checkbox, Divider, Group, NumberInput, SegmentedControl, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PopupSettings } from '../../api/popups';

type Trigger = PopupSettings['trigger'];
type Layout = PopupSettings['layout'];

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={4} fz="sm">
          {title}
        </Title>
        <Text fz="xs" c="dimmed">
          {description}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

const DEFAULT_TRIGGERS: Record<Trigger['type'], Trigger> = {
  time: { type: 'time', seconds: 10 },
  scroll: { type: 'scroll', percent: 50 },
  exit_intent: { type: 'exit_intent' },
  click: { type: 'click', selector: '.open-signup' },
};

const DEFAULT_LAYOUTS: Record<Layout['type'], Layout> = {
  modal: { type: 'modal' },
  slide_in: { type: 'slide_in', side: 'right' },
  bar: { type: 'bar', edge: 'top' },
};

const whole = (value: string | number, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback);

/** Every setting of a pop-up: how it looks, when it opens, for whom, and how often. */
export function PopupSettingsForm({ settings, onChange, readOnly }: { settings: PopupSettings; onChange: (next: PopupSettings) => void; readOnly: boolean }) {
  const set = <K extends keyof PopupSettings>(key: K, value: PopupSettings[K]) => onChange({ ...settings, [key]: value });
  const { layout, trigger, targeting, frequency } = settings;
  const target = <K extends keyof PopupSettings['targeting']>(key: K, value: PopupSettings['targeting'][K]) => set('targeting', { ...targeting, [key]: value });
  return (
    <Stack gap="lg">
      <Section title="Look" description="How the pop-up sits on the page. A bar lies over the page's edge and never moves the page.">
        <SegmentedControl
          aria-label="Layout"
          disabled={readOnly}
          value={layout.type}
          onChange={(type) => set('layout', DEFAULT_LAYOUTS[type as Layout['type']])}
          data={[{ value: 'modal', label: 'Modal' }, { value: 'slide_in', label: 'Slide-in' }, { value: 'bar', label: 'Bar' }]}
        />
        {layout.type === 'slide_in' && (
          <SegmentedControl aria-label="Corner" disabled={readOnly} value={layout.side} onChange={(side) => set('layout', { type: 'slide_in', side: side as 'left' | 'right' })} data={[{ value: 'left', label: 'Bottom left' }, { value: 'right', label: 'Bottom right' }]} />
        )}
        {layout.type === 'bar' && (
          <SegmentedControl aria-label="Edge" disabled={readOnly} value={layout.edge} onChange={(edge) => set('layout', { type: 'bar', edge: edge as 'top' | 'bottom' })} data={[{ value: 'top', label: 'Top' }, { value: 'bottom', label: 'Bottom' }]} />
        )}
        <TextInput label="Heading" readOnly={readOnly} maxLength={200} value={settings.heading ?? ''} onChange={(e) => set('heading', e.currentTarget.value || null)} placeholder="Before you go" />
        <Textarea label="Text" readOnly={readOnly} maxLength={1000} autosize minRows={2} value={settings.text ?? ''} onChange={(e) => set('text', e.currentTarget.value || null)} placeholder="One or two sentences above the form" />
      </Section>
      <Divider />
      <Section title="When it opens" description="Once per page view at most, and never over another pop-up.">
        <Select
          label="Trigger"
          disabled={readOnly}
          allowDeselect={false}
          value={trigger.type}
          onChange={(type) => type && set('trigger', DEFAULT_TRIGGERS[type as Trigger['type']])}
          data={[
            { value: 'exit_intent', label: 'When the visitor is about to leave (desktop)' },
            { value: 'time', label: 'After some time on the page' },
            { value: 'scroll', label: 'After scrolling down the page' },
            { value: 'click', label: 'When a visitor clicks an element' },
          ]}
        />
        {trigger.type === 'time' && (
          <NumberInput label="Seconds on the page" readOnly={readOnly} min={0} max={600} value={trigger.seconds} onChange={(v) => set('trigger', { type: 'time', seconds: Math.min(600, Math.max(0, whole(v, 0))) })} />
        )}
        {trigger.type === 'scroll' && (
          <NumberInput label="Percent of the page seen" suffix=" %" readOnly={readOnly} min={1} max={100} value={trigger.percent} onChange={(v) => set('trigger', { type: 'scroll', percent: Math.min(100, Math.max(1, whole(v, 50))) })} />
        )}
        {trigger.type === 'click' && (
          <TextInput
            label="Element (CSS selector)"
            description="A click on a matching element, or inside one, opens the pop-up: for example .signup-button or #newsletter."
            readOnly={readOnly}
            maxLength={200}
            value={trigger.selector}
            onChange={(e) => set('trigger', { type: 'click', selector: e.currentTarget.value })}
          />
        )}
        {trigger.type === 'exit_intent' && (
          <Text fz="xs" c="dimmed">
            Opens when the pointer leaves through the top of the window, after at least a second on the page. Phones and tablets have no pointer: pick another trigger for them, in a second pop-up.
          </Text>
        )}
      </Section>
      <Divider />
      <Section title="Who sees it" description="All that is set must hold. Patterns: * stands for anything; a pattern starting with / is matched against the path, any other against the whole address.">
        <TagsInput label="Only on pages matching" readOnly={readOnly} placeholder={targeting.include.length ? '' : 'Every page (type /blog/* and Enter)'} value={targeting.include} onChange={(v) => target('include', v)} maxTags={20} />
        <TagsInput label="Never on pages matching" readOnly={readOnly} placeholder={targeting.exclude.length ? '' : 'For example /checkout*'} value={targeting.exclude} onChange={(v) => target('exclude', v)} maxTags={20} />
        <Checkbox.Group label="Devices" value={targeting.devices} onChange={(v) => v.length > 0 && target('devices', v as PopupSettings['targeting']['devices'])}>
          <Group mt={6}>
            <Checkbox value="desktop" label="Desktop" disabled={readOnly} />
            <Checkbox value="tablet" label="Tablet" disabled={readOnly} />
            <Checkbox value="mobile" label="Phone" disabled={readOnly} />
          </Group>
        </Checkbox.Group>
        <div>
          <Text fz="sm" fw={500} mb={4}>
            Visitors
          </Text>
          <SegmentedControl aria-label="Visitors" disabled={readOnly} value={targeting.visitors} onChange={(v) => target('visitors', v as PopupSettings['targeting']['visitors'])} data={[{ value: 'all', label: 'Everyone' }, { value: 'new', label: 'First visit' }, { value: 'returning', label: 'Returning' }]} />
        </div>
        <TagsInput label="Only for these campaigns (utm_campaign)" readOnly={readOnly} placeholder={targeting.utm_campaigns.length ? '' : 'Any visit'} value={targeting.utm_campaigns} onChange={(v) => target('utm_campaigns', v)} maxTags={20} />
        <Switch label="Not for visitors who are already contacts" description="Known by an earlier sign-up from the same browser." disabled={readOnly} checked={targeting.hide_from_known} onChange={(e) => target('hide_from_known', e.currentTarget.checked)} />
      </Section>
      <Divider />
      <Section title="How often" description="Kept in the visitor's browser: a new browser is a new visitor.">
        <Group grow align="flex-start">
          <NumberInput label="Days before showing again after a close" readOnly={readOnly} min={0} max={365} value={frequency.days_after_close} onChange={(v) => set('frequency', { ...frequency, days_after_close: Math.min(365, Math.max(0, whole(v, 7))) })} />
          <NumberInput label="Days before showing again after a sign-up" readOnly={readOnly} min={0} max={3650} value={frequency.days_after_submit} onChange={(v) => set('frequency', { ...frequency, days_after_submit: Math.min(3650, Math.max(0, whole(v, 365))) })} />
        </Group>
      </Section>
    </Stack>
  );
}
