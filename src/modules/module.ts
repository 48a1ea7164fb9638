import type { FastifyInstance } from 'fastify';
import type { TProperties } from 'typebox';
import type { Permission, Role } from '../access.js';
import type { Actor } from '../actor.js';
import type { Config } from '../config.js';
import type { Database, QueryBuilder, Executor } from '../db/database.js';
import type { RecurringJob } from '../db/jobs/recurring.js';
import type { JobHandler } from '../db/jobs/worker.js';
import type { EventSubscriber } from '../events/subscriber.js';
import type { Mailer } from '../mail/mailer.js';

/** What a module's routes are given when the app is assembled. */
export interface ModuleContext {
  db: QueryBuilder;
  /** The database itself, for what needs more than queries (LISTEN, its kind). */
  database: Database;
  /** The app's config; parts an API-only test app leaves out are absent. */
  config: Partial<Config>;
  /** Whether a session cookie set for this request must be Secure. */
  secureCookies: (request: { protocol: string }) => boolean;
  /** Sends mail (invitations); by default writes it to the server log. */
  mailer: Mailer;
  /** The hooks every registered module contributes, for the modules below that call them. */
  hooks: ModuleHooks;
}

/** The person a personal-data hook is asked about. */
export interface PersonRef {
  id: string;
  email: string | null;
  companyId: string | null;
}

/**
 * A module's share of one person's data. The contacts module runs these for every module when
 * it merges, erases or exports a person, so it never names another module's tables.
 */
export interface PersonalDataHooks {
  /** Moves what the module holds of `otherId` to `survivorId`; returns counts of what moved, by name. */
  merge?(tx: Executor, workspaceId: string, survivor: PersonRef, other: PersonRef, actor: Actor): Promise<Record<string, number>>;
  /** Deletes what the module holds of the person, in the erasure's transaction, before the contact goes. */
  erase?(tx: Executor, workspaceId: string, person: PersonRef, actor: Actor): Promise<void>;
  /** What the module holds of the person (GDPR art. 15, 20): each key becomes a key of the export. */
  export?(tx: Executor, workspaceId: string, person: PersonRef): Promise<Record<string, unknown>>;
  /** The schemas of the keys `export` returns, for the API's contract. */
  exportSchema?: TProperties;
}

/** Answers a lower module asks of the modules above it (each provided by exactly one module). */
export interface ProvidedServices {
  /**
   * The workspaces a user is a member of, oldest membership first, with the role in each, what it
   * permits and which roles it may grant.
   */
  workspacesOfUser(
    db: Executor,
    userId: string,
  ): Promise<{ id: string; slug: string; name: string; created_at: Date; role: Role; permissions: Permission[]; grantable_roles: Role[] }[]>;
  /** How many contacts each of these companies has. */
  contactCountsByCompany(db: Executor, workspaceId: string, companyIds: readonly string[]): Promise<Map<string, number>>;
  /** Which of these ids are contacts of the workspace, locked against deletion until the transaction ends. */
  existingContactIds(tx: Executor, workspaceId: string, ids: readonly string[]): Promise<Set<string>>;
}

export interface ModuleHooks {
  personalData: readonly (PersonalDataHooks & { module: string })[];
  services: Partial<ProvidedServices>;
  /** Every event subscriber, with the module it belongs to. */
  subscribers: readonly (EventSubscriber & { module: string })[];
}

export type NavigationGroup = 'Leads' | 'Engage' | 'Sell & measure';

/** A module's entry in the dashboard's navigation. */
export interface NavigationEntry {
  /** Under /w/:slug/ in the dashboard. */
  path: string;
  label: string;
  /** A Tabler icon name, e.g. `address-book`. */
  icon: string;
  group: NavigationGroup;
  /** Place within the group, smallest first (modules are listed by dependency, not by importance). */
  order: number;
  /** What the module is for, in one line and in a few sentences (the home page's cards). */
  title: string;
  description: string;
}

/** Everything the app and the worker need of a module: adding a module is one line in ./index.ts. */
export interface InflowModule {
  name: string;
  /** The tables it owns: no other module may name them (test/architecture.test.ts). */
  tables: readonly string[];
  navigation?: readonly NavigationEntry[];
  /** App-wide hooks (e.g. authentication), run for every module before any module's routes. */
  setup?(app: FastifyInstance, context: ModuleContext): void | Promise<void>;
  routes?(app: FastifyInstance, context: ModuleContext): void | Promise<void>;
  /** Job kinds it enqueues, by kind. */
  jobs?: Readonly<Record<string, JobHandler>>;
  recurringJobs?: readonly RecurringJob[];
  subscribers?: readonly EventSubscriber[];
  personalData?: PersonalDataHooks;
  provides?: Partial<ProvidedServices>;
}

/** The hooks of a list of modules, checked: a service is provided once. */
export function hooksOf(modules: readonly InflowModule[]): ModuleHooks {
  const services: Partial<ProvidedServices> = {};
  for (const module of modules) {
    for (const [name, service] of Object.entries(module.provides ?? {})) {
      if (name in services) throw new Error(`two modules provide the service "${name}"`);
      Object.assign(services, { [name]: service });
    }
  }
  return {
    personalData: modules.flatMap((module) => (module.personalData ? [{ module: module.name, ...module.personalData }] : [])),
    services,
    subscribers: modules.flatMap((module) => (module.subscribers ?? []).map((subscriber) => ({ ...subscriber, module: module.name }))),
  };
}
