import type { TrackingSettings } from './settings.js';

/**
 * The HTML a site pastes: a stub that queues `inflow(…)` calls made before t.js has loaded, and
 * the script itself, async. The consent and Do-Not-Track attributes tell t.js to store nothing
 * before it may (the server refuses such batches anyway, but the browser should not even keep an id).
 */
export function snippetOf(baseUrl: string, workspaceId: string, settings: Pick<TrackingSettings, 'require_consent' | 'respect_dnt'>): string {
  const attributes = [`data-workspace="${workspaceId}"`, ...(settings.require_consent ? ['data-consent="required"'] : []), ...(settings.respect_dnt ? ['data-respect-dnt'] : [])];
  return [
    '<script>window.inflow=window.inflow||function(){(inflow.q=inflow.q||[]).push(arguments)}</script>',
    `<script async src="${baseUrl}/t.js" ${attributes.join(' ')}></script>`,
  ].join('\n');
}
