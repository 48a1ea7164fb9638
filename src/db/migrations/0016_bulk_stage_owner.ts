import { sql, type Kysely } from 'kysely';

// Bulk actions also set the lifecycle stage or the owner of every contact they reach.
const ACTIONS = ['add_tags', 'remove_tags', 'add_to_list', 'delete', 'set_stage', 'set_owner'];
const BEFORE = ['add_tags', 'remove_tags', 'add_to_list', 'delete'];

const check = (actions: readonly string[]) => sql.raw(
  `alter table bulk_actions drop constraint bulk_actions_action_check,
     add constraint bulk_actions_action_check check (action in (${actions.map((a) => `'${a}'`).join(', ')}))`,
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await check(ACTIONS).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from bulk_actions where action in ('set_stage', 'set_owner')`.execute(db);
  await check(BEFORE).execute(db);
}
