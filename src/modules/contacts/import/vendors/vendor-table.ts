// The shape of a header table: how one tool names the columns of its contact export, and where
// each column's values live in Inflow. Tables are data, one file per tool, each citing the pages
// it was written from, so a new export format is a new file and a test, not new code.
import type { CustomFieldType } from '../../custom-fields.js';
import type { StandardField } from '../column-mapping.js';

/**
 * Where a column goes: a standard field, or a custom field of a given key and type for values
 * Inflow keeps but does not compute (another tool's lead score is history, ours is computed).
 */
export type HeaderHome = StandardField | { custom: string; type: CustomFieldType };

export interface HeaderTable {
  /** The tool, as the import page names it: "HubSpot". */
  vendor: string;
  /** The documentation the headers were taken from. */
  sources: readonly string[];
  /**
   * Header spellings as the tool writes them, compared ignoring case, accents and punctuation.
   * Within one field the first spelling is preferred when a file has several.
   */
  headers: Readonly<Record<string, HeaderHome>>;
}
