import { Type, type Static } from 'typebox';
import { StringEnum } from '../../../schema-types.js';

/**
 * A pop-up's settings: how it looks, when it opens, for whom, and how often. The contract of
 * the dashboard, the server and f.js (which gets all of it but the name and the form's own
 * settings, and decides in the browser, where the page, the device and the visit are known).
 */
const closed = { additionalProperties: false } as const;
const Str = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength });

export const DEVICES = ['desktop', 'tablet', 'mobile'] as const;

export const Layout = Type.Union([
  Type.Object({ type: Type.Literal('modal') }, closed),
  Type.Object({ type: Type.Literal('slide_in'), side: StringEnum(['right', 'left']) }, closed),
  Type.Object({ type: Type.Literal('bar'), edge: StringEnum(['top', 'bottom']) }, closed),
], { description: 'modal: centred over a dimmed page, focus kept inside; slide_in: a card in a bottom corner; bar: across the top or bottom edge, over the page (it never moves the page)' });

export const Trigger = Type.Union([
  Type.Object({ type: Type.Literal('time'), seconds: Type.Integer({ minimum: 0, maximum: 600 }) }, closed),
  Type.Object({ type: Type.Literal('scroll'), percent: Type.Integer({ minimum: 1, maximum: 100 }) }, closed),
  Type.Object({ type: Type.Literal('exit_intent') }, { ...closed, description: 'The pointer leaves through the top of the window (desktop only: touch screens have no pointer to leave)' }),
  Type.Object({ type: Type.Literal('click'), selector: Type.String({ minLength: 1, maxLength: 200, description: 'A CSS selector: a click on a matching element (or inside one) opens the pop-up' }) }, closed),
]);

/** A URL pattern: `*` stands for any run of characters; matched against the whole address without its #fragment, or against the path when it starts with `/`. */
const Pattern = Type.String({ minLength: 1, maxLength: 500 });

export const Targeting = Type.Object({
  include: Type.Array(Pattern, { maxItems: 20, description: 'Shown only on pages matching one of these (empty: every page)' }),
  exclude: Type.Array(Pattern, { maxItems: 20, description: 'Never shown on pages matching one of these' }),
  devices: Type.Array(StringEnum(DEVICES), { minItems: 1, maxItems: 3, uniqueItems: true }),
  visitors: StringEnum(['all', 'new', 'returning'], { description: 'new: in their first visit (session) to the site; returning: a later one' }),
  utm_campaigns: Type.Array(Str(1, 200), { maxItems: 20, description: 'Shown only to visits that arrived with one of these utm_campaign values (empty: any visit)' }),
  hide_from_known: Type.Boolean({ description: 'Not shown to visitors already known as contacts (by the visitor id of an earlier submission)' }),
}, closed);

export const Frequency = Type.Object({
  days_after_close: Type.Integer({ minimum: 0, maximum: 365, description: 'Not shown again for this many days after the visitor closed it (0: next page view)' }),
  days_after_submit: Type.Integer({ minimum: 0, maximum: 3650, description: 'Not shown again for this many days after the visitor submitted it' }),
}, closed);

export const PopupSettings = Type.Object({
  layout: Layout,
  heading: Type.Union([Str(1, 200), Type.Null()]),
  text: Type.Union([Str(1, 1000), Type.Null()]),
  trigger: Trigger,
  targeting: Targeting,
  frequency: Frequency,
}, closed);
export type PopupSettingsValue = Static<typeof PopupSettings>;
export type TriggerValue = Static<typeof Trigger>;
export type TargetingValue = Static<typeof Targeting>;
export type LayoutValue = Static<typeof Layout>;

export const DEFAULT_POPUP_SETTINGS: PopupSettingsValue = {
  layout: { type: 'modal' },
  heading: 'Before you go',
  text: 'Get our best articles once a week. No spam, unsubscribe at any time.',
  trigger: { type: 'exit_intent' },
  targeting: { include: [], exclude: [], devices: ['desktop', 'tablet', 'mobile'], visitors: 'all', utm_campaigns: [], hide_from_known: true },
  frequency: { days_after_close: 7, days_after_submit: 365 },
};
