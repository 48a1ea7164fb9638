import type { Migration } from 'kysely';
import * as core from './0001_core.js';
import * as contacts from './0002_contacts.js';
import * as imports from './0003_imports.js';
import * as leanIndexes from './0004_contacts_lean_indexes.js';
import * as tagsAnyCase from './0005_tags_any_case.js';
import * as importFilesRetention from './0006_import_files_retention.js';
import * as contactDuplicates from './0007_contact_duplicates.js';
import * as bulkActions from './0008_bulk_actions.js';
import * as domainEvents from './0009_domain_events.js';
import * as contactsTrash from './0011_contacts_trash.js';
import * as importWarnings from './0015_import_warnings.js';
import * as companyNameKeys from './0014_company_name_keys.js';
import * as bulkStageOwner from './0016_bulk_stage_owner.js';
import * as contactAddressMobile from './0018_contact_address_mobile.js';
import * as contactPhoneDigits from './0017_contact_phone_digits.js';
import * as invitations from './0019_invitations.js';
import * as forms from './0020_forms.js';
import * as assets from './0021_assets.js';
import * as pages from './0022_pages.js';
import * as popups from './0023_popups.js';
import * as pageStats from './0024_page_stats.js';
import * as tracking from './0025_tracking.js';

/** Listed here rather than read from disk so the compiled build needs no directory scan. */
export const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_contacts': contacts,
  '0003_imports': imports,
  '0004_contacts_lean_indexes': leanIndexes,
  '0005_tags_any_case': tagsAnyCase,
  '0006_import_files_retention': importFilesRetention,
  '0007_contact_duplicates': contactDuplicates,
  '0008_bulk_actions': bulkActions,
  '0009_domain_events': domainEvents,
  '0011_contacts_trash': contactsTrash,
  '0014_company_name_keys': companyNameKeys,
  '0015_import_warnings': importWarnings,
  '0016_bulk_stage_owner': bulkStageOwner,
  '0017_contact_phone_digits': contactPhoneDigits,
  '0018_contact_address_mobile': contactAddressMobile,
  '0019_invitations': invitations,
  '0020_forms': forms,
  '0021_assets': assets,
  '0022_pages': pages,
  '0023_popups': popups,
  '0024_page_stats': pageStats,
  '0025_tracking': tracking,
};
