import { Type } from 'typebox';
import { Timestamp } from '../../http/schemas.js';

export const TimelineEntrySchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  occurred_at: Timestamp,
  actor_type: Type.String(),
  actor_id: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
});
