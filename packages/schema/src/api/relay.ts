import { type Static, Type } from '@sinclair/typebox';
import { DateTime, LocalRef, Uuid } from '../model/common.js';
import { Subject } from '../model/statement.js';
import { Cursor, envelope, nullable } from './ref.js';

export const OnwardShare = Type.Object(
  {
    id: Uuid,
    app: Type.Object(
      { id: LocalRef, name: Type.String({ minLength: 1, maxLength: 200 }) },
      { additionalProperties: false },
    ),
    subject: Subject,
    shared: Type.Boolean({ description: 'false: the pupil’s record was withheld from this app' }),
    default: Type.Boolean({ description: 'True when no stated APPS answer decided it' }),
    decidedBy: Type.Union([Uuid, Type.Null()], { description: 'Deciding statement id; null when default' }),
    decidedAt: DateTime,
  },
  { additionalProperties: false, description: 'One decision by a relay to share or withhold a record' },
);

export const OnwardSharePage = Type.Object(
  { items: Type.Array(OnwardShare), nextCursor: nullable(Cursor) },
  envelope('onward-share-page', 'What a relay shared onward to apps, and what it withheld'),
);

export type OnwardShare = Static<typeof OnwardShare>;
export type OnwardSharePage = Static<typeof OnwardSharePage>;
