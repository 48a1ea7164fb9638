import type { SiteEntry } from './known-sites.js';

// AI assistants that link to sites in their answers. GA4 has no channel for them and counts
// them as referrals; so does Inflow, but reports them under the assistant's name rather than
// a host, because marketers want to see how much traffic the assistants send. ChatGPT and
// Perplexity also tag their links (utm_source=chatgpt.com, utm_source=perplexity), which
// the names and hosts here recognise.
//
// To add an assistant: one entry, `name` lower-case as it should appear in reports, `hosts` as
// described on SiteEntry (the assistant's own host, such as gemini.google.com, not its
// company's domain), then a case in channel.test.ts. A host may appear in one table only
// (known-sites.test.ts checks).
export const AI_ASSISTANTS: readonly SiteEntry[] = [
  { name: 'chatgpt', hosts: ['chatgpt.com', 'chat.openai.com'], apps: ['com.openai.chatgpt'] },
  { name: 'perplexity', hosts: ['perplexity.ai'], apps: ['ai.perplexity.app.android'] },
  { name: 'gemini', hosts: ['gemini.google.com', 'bard.google.com'], apps: ['com.google.android.apps.bard'] },
  { name: 'copilot', hosts: ['copilot.microsoft.com', 'copilot.cloud.microsoft'], apps: ['com.microsoft.copilot'] },
  { name: 'claude', hosts: ['claude.ai'], apps: ['com.anthropic.claude'] },
  { name: 'deepseek', hosts: ['chat.deepseek.com'] },
  { name: 'mistral', hosts: ['chat.mistral.ai'] },
  { name: 'meta-ai', hosts: ['meta.ai'] },
  { name: 'grok', hosts: ['grok.com'] },
  { name: 'you.com', hosts: ['you.com'] },
];
