import type { HeaderTable } from './vendor-table.js';

// RD Station Marketing exports leads (Leads > Exportar) with Portuguese headers. "Perfil" and
// "Interesse" are the two axes of its Lead Scoring, kept as history; "Estágio no funil" holds
// Lead, Lead Qualificado and Cliente, which the stage column understands.
export const rdStation: HeaderTable = {
  vendor: 'RD Station',
  sources: [
    'https://ajuda.rdstation.com/s/article/Exportar-Leads',
    'https://ajuda.rdstation.com/s/article/Campos-padrao-dos-Leads',
  ],
  headers: {
    UUID: 'external_id',
    Email: 'email',
    Nome: 'full_name',
    Cargo: 'job_title',
    Empresa: 'company_name',
    Telefone: 'phone',
    Celular: 'mobile_phone',
    Endereço: 'street',
    Cidade: 'city',
    Estado: 'state',
    País: 'country',
    Website: 'website',
    Tags: 'tags',
    'Estágio no funil': 'lifecycle_stage',
    'Dono do Lead': 'owner_email',
    'Origem da primeira conversão': 'source',
    'Primeira conversão': 'source_detail',
    'Origem da última conversão': { custom: 'last_conversion_source', type: 'text' },
    'Última conversão': { custom: 'last_conversion', type: 'text' },
    'Data da primeira conversão': 'created_at',
    'Data da última conversão': { custom: 'last_conversion_date', type: 'date' },
    'Número de conversões': { custom: 'conversions', type: 'number' },
    Perfil: { custom: 'rd_profile', type: 'text' },
    Interesse: { custom: 'rd_interest', type: 'number' },
    'Lead Scoring': { custom: 'rd_lead_scoring', type: 'number' },
    Oportunidade: { custom: 'opportunity', type: 'boolean' },
    'Base legal': { custom: 'legal_basis', type: 'text' },
    'Consentimento de comunicação': { custom: 'communication_consent', type: 'text' },
  },
};
