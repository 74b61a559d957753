import { type Db, setEventThemes, setPublicationLinks, setTrainingAttendees } from '@dx/db';
import type { RecordType } from '@dx/domain';
import { linksOf } from './record-access';

/** Stores a record's links (themes, featured models, attendees) inside the caller's transaction. */
export async function saveRecordLinks(
  tx: Db,
  type: RecordType,
  id: string,
  provinceId: string,
  input: Record<string, unknown>,
) {
  const links = linksOf(input);
  if (type === 'publication')
    await setPublicationLinks(tx, id, [...new Set(links.themeIds)], [...new Set(links.modelIds)]);
  if (type === 'event') await setEventThemes(tx, id, [...new Set(links.themeIds)]);
  if (type === 'training') await setTrainingAttendees(tx, id, provinceId, links.attendeeIds);
}
