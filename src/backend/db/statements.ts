// Statements prepared once per connection and reused. Preparing parses and plans the SQL, which costs more than
// running a small statement; the calls that save a learner's work run on every click.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

/** Returns the connection's prepared statement for `sql`, preparing it the first time it is asked for. */
export function preparedOnce(db: Db): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
