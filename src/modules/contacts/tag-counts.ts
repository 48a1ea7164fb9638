import { sql } from 'kysely';
import type { QueryBuilder } from '../../db/database.js';
import { likePrefix } from '../../db/like.js';

export interface TagCount {
  /** The spelling most contacts have. */
  tag: string;
  contacts: number;
}

/**
 * The workspace's tags with how many live contacts have each, most used first: the
 * suggestions of the tags filter and the tag inputs. Tags are one in any case ("VIP", "vip"),
 * shown in their most common spelling. Filtered by a case-insensitive prefix.
 */
export async function tagCounts(db: QueryBuilder, workspaceId: string, options: { prefix?: string; limit: number }): Promise<TagCount[]> {
  const prefix = options.prefix?.trim().toLowerCase() ?? '';
  const { rows } = await sql<{ tag: string; contacts: number }>`
    select (array_agg(tag order by n desc, tag))[1] as tag, sum(n)::int as contacts
      from (
        select tag, count(*) as n
          from contacts, unnest(tags) as tag
         where workspace_id = ${workspaceId} and deleted_at is null and tags <> '{}'
           ${prefix ? sql`and lower(tag) like ${likePrefix(prefix)}` : sql``}
         group by tag
      ) as spellings
     group by lower(tag)
     order by contacts desc, lower(tag)
     limit ${options.limit}`.execute(db);
  return rows;
}
