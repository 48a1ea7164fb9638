import { describe, expect, it } from 'vitest';
import { apiFiles, describeApi, relative, staleFiles } from '../../scripts/api-types.js';

describe('the dashboard’s API types', () => {
  it('are generated from the spec the server describes now', async () => {
    const stale = staleFiles(await apiFiles(await describeApi())).map(relative);
    expect(stale, `${stale.join(' and ')} differ from what the server describes: run npm run generate:api and commit the result`).toEqual([]);
  });
});
