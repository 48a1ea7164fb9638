import { Type } from 'typebox';
import type { InflowModule } from '../module.js';
import { TimelineEntrySchema } from './schema.js';
import { moveTimeline, wholeTimelineOf } from './timeline.js';

/**
 * A contact's history: one ordered list of what happened to them, written by every module that
 * does something to a contact (so it sits low, below all of them). Read through the contacts
 * module's `/contacts/:id/timeline`.
 */
export const timelineModule: InflowModule = {
  name: 'timeline',
  tables: ['contact_events'],
  personalData: {
    merge: async (tx, workspaceId, survivor, other) => ({ timeline_entries: await moveTimeline(tx, workspaceId, other.id, survivor.id) }),
    export: async (tx, workspaceId, person) => ({ timeline: await wholeTimelineOf(tx, workspaceId, person.id) }),
    exportSchema: { timeline: Type.Array(TimelineEntrySchema, { description: 'Oldest first' }) },
  },
};
