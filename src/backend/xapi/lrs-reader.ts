// Reads every statement about one lesson back from the school's LRS: GET /statements by activity (the lesson's
// IRI) with related_activities, so the statements whose parent is the lesson (answers, attempts, words) come too,
// page after page along `more`. All or nothing: a failure on any page is the whole read's failure, never half a
// report. Statements come back as they are (unknown): core/xapi/read-back validates them.
//
// Filters: xAPI lets a query narrow by agent, verb, activity, registration, since/until (and related_agents,
// related_activities, ascending, limit, format); xapi-statements (Learning Locker's statements service) reads
// exactly those (its getStatementsOptions), and all work on a first page. But it builds `more` by pasting the
// parsed values back in: an `agent` filter comes back as "agent=[object Object]" and the second page is refused
// with HTTP 400 "Expected valid JSON in query.agent" (tried here). So no agent filter: only activity,
// related_activities and limit, which is all a report needs. With related_activities the LRS also gives the
// voiding statements of the lesson's statements (their target is about the lesson); read-back uses them.
import * as v from 'valibot';
import type { LrsClient, LrsConnection, LrsFailure } from './lrs-client';

/** Statements per page asked for: big pages mean fewer round trips; an LRS may send fewer. */
export const PAGE_SIZE = 1000;
/** Pages followed at most: 500 pages of 1,000 are half a million statements, far beyond any one lesson's. */
export const MAX_PAGES = 500;

const PageSchema = v.object({
  statements: v.array(v.unknown()),
  more: v.optional(v.string()),
});

export interface LessonStatements {
  statements: unknown[];
  pages: number;
}

export interface ReadOptions {
  pageSize?: number;
  maxPages?: number;
}

/** Every page read, or the page the read stopped at and why (then nothing read is kept). */
export type LessonRead = { ok: true; value: LessonStatements } | { ok: false; page: number; failure: LrsFailure };

const failed = (page: number, failure: LrsFailure): LessonRead => ({ ok: false, page, failure });

/** The statements about the lesson `lessonIri`, every page of them, or the failure that stopped the read. */
export async function readLessonStatements(client: LrsClient, connection: LrsConnection, lessonIri: string, options: ReadOptions = {}): Promise<LessonRead> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const maxPages = options.maxPages ?? MAX_PAGES;
  const base = new URL(`${connection.endpoint.replace(/\/+$/, '')}/`);
  const statements: unknown[] = [];
  let next: string = `statements?${new URLSearchParams({ activity: lessonIri, related_activities: 'true', limit: String(pageSize) })}`;
  for (let page = 1; ; page += 1) {
    if (page > maxPages) {
      return failed(maxPages, { kind: 'too-large', status: null, reason: `${statements.length} statements in ${maxPages} pages`, message: `The LRS has more than ${maxPages} pages of statements about this lesson (${statements.length} read).` });
    }
    const reply = await client.get<unknown>(connection, next);
    if (!reply.ok) return failed(page, reply.failure);
    const parsed = v.safeParse(PageSchema, reply.value);
    if (!parsed.success) return failed(page, { kind: 'server', status: null, reason: 'not a page of statements', message: 'The LRS answered something that is not a page of statements.' });
    statements.push(...parsed.output.statements);
    const more = parsed.output.more;
    if (!more) return { ok: true, value: { statements, pages: page } };
    // `more` is relative to the LRS (xAPI: "relative IRL"); it must stay on the LRS: the credentials go with it.
    let url: URL;
    try {
      url = new URL(more, base);
    } catch {
      return failed(page + 1, { kind: 'server', status: null, reason: `more: ${more.slice(0, 100)}`, message: `The LRS gave a "more" link that is not an address (${more.slice(0, 100)}).` });
    }
    if (url.origin !== base.origin) {
      return failed(page + 1, { kind: 'server', status: null, reason: `more: ${url.origin}`, message: `The LRS's "more" link leads to another server (${url.origin}); Liseuse does not send the password there.` });
    }
    next = url.href;
  }
}
