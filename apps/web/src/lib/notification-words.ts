import type { NotificationOut } from '@dx/contracts';
import { wordsOf } from './api';

/**
 * A notification's title and body in the reader's language (issue 18): from its sentence codes (`words`) when the
 * server stored them, else as stored (rows written before, and bodies that are the sender's own text or a công văn's).
 */
export function notificationText(n: Pick<NotificationOut, 'title' | 'body' | 'words'>): {
  title: string;
  body: string;
} {
  const title = n.words ? wordsOf(n.words.title.reason, n.words.title.params) : null;
  const body = n.words?.body ? wordsOf(n.words.body.reason, n.words.body.params) : null;
  return { title: title ?? n.title, body: body ?? n.body };
}
