import type { EventSubscriber } from '../../events/subscriber.js';
import { isVisitorId } from '../capture/visitor-id.js';
import { identifyVisitor } from './identity.js';

/**
 * A form submission carrying the visitor id of the browser that posted it identifies that
 * visitor as the contact (f.js and t.js share the id). In the subscriber's cursor transaction:
 * joined once, however often the event is delivered.
 */
export const identifyFromForms: EventSubscriber = {
  name: 'tracking.identify',
  kinds: ['form.submitted'],
  async handle(events, { tx }) {
    for (const event of events) {
      if (event.kind !== 'form.submitted' || !event.contact_id) continue;
      const { visitor_id: visitorId, form_id: formId, page_url: url, contact_created: contactCreated } = event.payload;
      if (!visitorId || !isVisitorId(visitorId)) continue;
      await identifyVisitor(tx, {
        workspaceId: event.workspace_id,
        visitorId,
        contactId: event.contact_id,
        via: 'form',
        conversion: { at: new Date(event.occurred_at), kind: 'form', ref: formId, url },
        contactCreated,
      });
    }
  },
};

export const trackingSubscribers: readonly EventSubscriber[] = [identifyFromForms];
