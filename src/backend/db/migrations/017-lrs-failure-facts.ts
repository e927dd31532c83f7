import type { Migration } from './types';

// Before this step the outbox kept each last error as an English sentence, which a French screen could not word.
// It now keeps facts (kind, HTTP status, the LRS's own reason) as JSON; this turns the sentences already stored
// into those facts, read back from the sentence shapes the client wrote (lrs-client.ts before version 17).
const KIND_BY_STATUS: Record<string, string> = { '400': 'refused', '401': 'unauthorized', '403': 'unauthorized', '409': 'conflict', '413': 'too-large' };

export function factsOfSentence(sentence: string): { kind: string; status: number | null; reason: string } {
  const unreachable = /^The LRS could not be reached \((.*)\)\. Liseuse will try again\.$/s.exec(sentence);
  if (unreachable) return { kind: 'offline', status: null, reason: unreachable[1] ?? '' };
  const http = /\(HTTP (\d{3})\)(?::\s*(.*?))?(?:\. Liseuse will try again\.|\. Check them in the settings\.|\.)?$/s.exec(sentence);
  if (http) {
    const status = http[1] ?? '';
    const reason = http[2] === 'no reason given' ? '' : (http[2] ?? '');
    return { kind: KIND_BY_STATUS[status] ?? 'server', status: Number(status), reason };
  }
  // Any other text: kept whole, as what the LRS side said.
  return { kind: 'server', status: null, reason: sentence };
}

export const migration017: Migration = {
  version: 17,
  name: 'lrs-failure-facts',
  up(db) {
    const rows = db.prepare("SELECT id, last_error FROM xapi_outbox WHERE last_error IS NOT NULL AND last_error NOT LIKE '{%'").all() as {
      id: string;
      last_error: string;
    }[];
    const update = db.prepare('UPDATE xapi_outbox SET last_error = ? WHERE id = ?');
    for (const row of rows) update.run(JSON.stringify(factsOfSentence(row.last_error)), row.id);
  },
};
