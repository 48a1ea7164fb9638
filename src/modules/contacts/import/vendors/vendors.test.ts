// Each tool's export, as its documentation describes the header row, read by the guess: the
// tool is recognised and every column lands where its values belong.
import { describe, expect, it } from 'vitest';
import { CUSTOM_KEY_PATTERN } from '../../custom-fields.js';
import { guessMapping, guessVendor, STANDARD_FIELDS, type ColumnMapping } from '../column-mapping.js';
import { COMMON_TABLE, VENDOR_TABLES } from './index.js';

function homes(mappings: readonly ColumnMapping[]): Record<string, string> {
  return Object.fromEntries(
    mappings.map(({ header, target, type }) => [
      header,
      target.kind === 'field' ? target.field : target.kind === 'custom' ? `custom:${target.key}${type ? `:${type}` : ''}` : 'ignore',
    ]),
  );
}

describe('header tables', () => {
  it('cite their sources and send every header to a field or a valid custom key', () => {
    const key = new RegExp(CUSTOM_KEY_PATTERN);
    for (const table of [...VENDOR_TABLES, COMMON_TABLE]) {
      if (table !== COMMON_TABLE) expect(table.sources.length, table.vendor).toBeGreaterThan(0);
      for (const [header, home] of Object.entries(table.headers)) {
        if (typeof home === 'string') expect(STANDARD_FIELDS, `${table.vendor}: ${header}`).toContain(home);
        else {
          expect(home.custom, `${table.vendor}: ${header}`).toMatch(key);
          expect(STANDARD_FIELDS as readonly string[]).not.toContain(home.custom);
        }
      }
    }
  });
});

describe('vendor exports', () => {
  it('HubSpot: labels, mobile and address parts, the score kept as a number, additional emails and owner by name', () => {
    const headers = [
      'Record ID', 'First Name', 'Last Name', 'Email', 'Additional email addresses', 'Phone Number', 'Mobile Phone Number',
      'Job Title', 'Company Name', 'Associated Company', 'Street Address', 'City', 'State/Region', 'Postal Code',
      'Country/Region', 'Lifecycle Stage', 'Lead Status', 'Contact owner', 'Original Source', 'Original Source Drill-Down 1',
      'First Conversion', 'HubSpot Score', 'Create Date', 'Unsubscribed from all email', 'Marketing contact status',
    ];
    expect(guessVendor(headers)).toBe('HubSpot');
    expect(homes(guessMapping(headers))).toEqual({
      'Record ID': 'external_id',
      'First Name': 'first_name',
      'Last Name': 'last_name',
      Email: 'email',
      'Additional email addresses': 'custom:additional_emails:text',
      'Phone Number': 'phone',
      'Mobile Phone Number': 'mobile_phone',
      'Job Title': 'job_title',
      'Company Name': 'company_name',
      'Associated Company': 'custom:associated_company',
      'Street Address': 'street',
      City: 'city',
      'State/Region': 'state',
      'Postal Code': 'postal_code',
      'Country/Region': 'country',
      'Lifecycle Stage': 'lifecycle_stage',
      'Lead Status': 'lead_status',
      'Contact owner': 'owner_email',
      'Original Source': 'source',
      'Original Source Drill-Down 1': 'source_detail',
      'First Conversion': 'custom:first_conversion:text',
      'HubSpot Score': 'custom:hubspot_score:number',
      'Create Date': 'created_at',
      'Unsubscribed from all email': 'do_not_email',
      'Marketing contact status': 'custom:marketing_contact_status',
    });
  });

  it('HubSpot in Portuguese: Nome and Sobrenome are first and last name', () => {
    const headers = ['ID do registro', 'Nome', 'Sobrenome', 'E-mail', 'Estágio do ciclo de vida', 'Status do lead', 'Proprietário do contato'];
    expect(homes(guessMapping(headers))).toEqual({
      'ID do registro': 'custom:id_do_registro',
      Nome: 'first_name',
      Sobrenome: 'last_name',
      'E-mail': 'email',
      'Estágio do ciclo de vida': 'lifecycle_stage',
      'Status do lead': 'lead_status',
      'Proprietário do contato': 'owner_email',
    });
  });

  it('Mautic: aliases, the salutation apart from the job title, points kept as a number', () => {
    const headers = ['id', 'title', 'firstname', 'lastname', 'email', 'mobile', 'phone', 'position', 'company', 'address1', 'address2', 'city', 'state', 'zipcode', 'country', 'points', 'stage', 'owner', 'tags', 'preferred_locale'];
    expect(guessVendor(headers)).toBe('Mautic');
    expect(homes(guessMapping(headers))).toEqual({
      id: 'external_id',
      title: 'custom:salutation:text',
      firstname: 'first_name',
      lastname: 'last_name',
      email: 'email',
      mobile: 'mobile_phone',
      phone: 'phone',
      position: 'job_title',
      company: 'company_name',
      address1: 'street',
      address2: 'custom:address_line_2:text',
      city: 'city',
      state: 'state',
      zipcode: 'postal_code',
      country: 'country',
      points: 'custom:mautic_points:number',
      stage: 'lifecycle_stage',
      owner: 'owner_email',
      tags: 'tags',
      preferred_locale: 'custom:preferred_locale',
    });
  });

  it('Salesforce Data Export (Lead.csv): API names, Title is the job title, ids of owner and account kept as text', () => {
    const headers = ['Id', 'LastName', 'FirstName', 'Salutation', 'Name', 'Title', 'Company', 'Street', 'City', 'State', 'PostalCode', 'Country', 'Phone', 'MobilePhone', 'Email', 'Website', 'Description', 'LeadSource', 'Status', 'OwnerId', 'HasOptedOutOfEmail', 'DoNotCall', 'CreatedDate'];
    expect(guessVendor(headers)).toBe('Salesforce');
    expect(homes(guessMapping(headers))).toEqual({
      Id: 'external_id',
      LastName: 'last_name',
      FirstName: 'first_name',
      Salutation: 'custom:salutation:text',
      Name: 'custom:name',
      Title: 'job_title',
      Company: 'company_name',
      Street: 'street',
      City: 'city',
      State: 'state',
      PostalCode: 'postal_code',
      Country: 'country',
      Phone: 'phone',
      MobilePhone: 'mobile_phone',
      Email: 'email',
      Website: 'website',
      Description: 'notes',
      LeadSource: 'source',
      Status: 'lead_status',
      OwnerId: 'custom:salesforce_owner_id:text',
      HasOptedOutOfEmail: 'do_not_email',
      DoNotCall: 'do_not_call',
      CreatedDate: 'created_at',
    });
  });

  it('Salesforce report export: labels', () => {
    const headers = ['Lead ID', 'First Name', 'Last Name', 'Title', 'Company / Account', 'Email', 'Phone', 'Mobile', 'Street', 'City', 'State/Province', 'Zip/Postal Code', 'Country', 'Lead Source', 'Lead Status', 'Lead Owner', 'Email Opt Out', 'Do Not Call', 'Created Date'];
    expect(guessVendor(headers)).toBe('Salesforce');
    expect(homes(guessMapping(headers))).toEqual({
      'Lead ID': 'external_id',
      'First Name': 'first_name',
      'Last Name': 'last_name',
      Title: 'job_title',
      'Company / Account': 'company_name',
      Email: 'email',
      Phone: 'phone',
      Mobile: 'mobile_phone',
      Street: 'street',
      City: 'city',
      'State/Province': 'state',
      'Zip/Postal Code': 'postal_code',
      Country: 'country',
      'Lead Source': 'source',
      'Lead Status': 'lead_status',
      'Lead Owner': 'owner_email',
      'Email Opt Out': 'do_not_email',
      'Do Not Call': 'do_not_call',
      'Created Date': 'created_at',
    });
  });

  it('Mailchimp audience exports: consent evidence, and the unsubscribed and cleaned files', () => {
    const subscribed = ['Email Address', 'First Name', 'Last Name', 'Address', 'Phone Number', 'Birthday', 'MEMBER_RATING', 'OPTIN_TIME', 'OPTIN_IP', 'CONFIRM_TIME', 'CONFIRM_IP', 'LATITUDE', 'LONGITUDE', 'GMTOFF', 'DSTOFF', 'TIMEZONE', 'CC', 'REGION', 'LAST_CHANGED', 'LEID', 'EUID', 'NOTES', 'TAGS'];
    expect(guessVendor(subscribed)).toBe('Mailchimp');
    expect(homes(guessMapping(subscribed))).toMatchObject({
      'Email Address': 'email',
      Address: 'custom:address:text',
      'Phone Number': 'phone',
      MEMBER_RATING: 'custom:mailchimp_rating:number',
      OPTIN_TIME: 'opt_in_time',
      OPTIN_IP: 'opt_in_ip',
      CONFIRM_TIME: 'confirm_time',
      CONFIRM_IP: 'confirm_ip',
      CC: 'custom:country_code:text',
      REGION: 'custom:region:text',
      NOTES: 'notes',
      TAGS: 'tags',
    });
    const unsubscribed = [...subscribed, 'UNSUB_TIME', 'UNSUB_CAMPAIGN_TITLE', 'UNSUB_CAMPAIGN_ID', 'UNSUB_REASON', 'UNSUB_REASON_OTHER'];
    expect(homes(guessMapping(unsubscribed))).toMatchObject({ UNSUB_TIME: 'unsubscribed_at', UNSUB_REASON: 'custom:unsubscribe_reason:text' });
    const cleaned = [...subscribed, 'CLEAN_TIME', 'CLEAN_CAMPAIGN_TITLE', 'CLEAN_CAMPAIGN_ID'];
    expect(homes(guessMapping(cleaned))).toMatchObject({ CLEAN_TIME: 'cleaned_at' });
  });

  it('RD Station: Portuguese headers, funnel stage, first conversion as the source, lead scoring kept', () => {
    const headers = ['Email', 'Nome', 'Empresa', 'Cargo', 'Telefone', 'Celular', 'Cidade', 'Estado', 'País', 'Tags', 'Estágio no funil', 'Dono do Lead', 'Origem da primeira conversão', 'Primeira conversão', 'Origem da última conversão', 'Data da primeira conversão', 'Perfil', 'Interesse'];
    expect(guessVendor(headers)).toBe('RD Station');
    expect(homes(guessMapping(headers))).toEqual({
      Email: 'email',
      Nome: 'full_name',
      Empresa: 'company_name',
      Cargo: 'job_title',
      Telefone: 'phone',
      Celular: 'mobile_phone',
      Cidade: 'city',
      Estado: 'state',
      País: 'country',
      Tags: 'tags',
      'Estágio no funil': 'lifecycle_stage',
      'Dono do Lead': 'owner_email',
      'Origem da primeira conversão': 'source',
      'Primeira conversão': 'source_detail',
      'Origem da última conversão': 'custom:last_conversion_source:text',
      'Data da primeira conversão': 'created_at',
      Perfil: 'custom:rd_profile:text',
      Interesse: 'custom:rd_interest:number',
    });
  });

  it('Pipedrive: labelled emails and phones, with or without the "Person - " prefix', () => {
    const headers = ['Person - ID', 'Person - Name', 'Person - Email - Work', 'Person - Email - Home', 'Person - Phone - Work', 'Person - Phone - Mobile', 'Person - Organization', 'Person - Owner', 'Person - Labels', 'Person - Marketing status', 'Person - Person created'];
    expect(guessVendor(headers)).toBe('Pipedrive');
    expect(homes(guessMapping(headers))).toEqual({
      'Person - ID': 'external_id',
      'Person - Name': 'full_name',
      'Person - Email - Work': 'email',
      'Person - Email - Home': 'custom:home_email:text',
      'Person - Phone - Work': 'phone',
      'Person - Phone - Mobile': 'mobile_phone',
      'Person - Organization': 'company_name',
      'Person - Owner': 'owner_email',
      'Person - Labels': 'tags',
      'Person - Marketing status': 'do_not_email',
      'Person - Person created': 'created_at',
    });
    expect(guessVendor(['ID', 'Name', 'Email - Work', 'Phone - Mobile', 'Organization'])).toBe('Pipedrive');
  });

  it('ActiveCampaign: the subscription date and address are the opt-in', () => {
    const headers = ['Contact ID', 'Email', 'First Name', 'Last Name', 'Phone', 'Organization', 'Tags', 'Date Created', 'Date Subscribed', 'IP Address', 'Contact Score'];
    expect(guessVendor(headers)).toBe('ActiveCampaign');
    expect(homes(guessMapping(headers))).toEqual({
      'Contact ID': 'external_id',
      Email: 'email',
      'First Name': 'first_name',
      'Last Name': 'last_name',
      Phone: 'phone',
      Organization: 'company_name',
      Tags: 'tags',
      'Date Created': 'created_at',
      'Date Subscribed': 'opt_in_time',
      'IP Address': 'opt_in_ip',
      'Contact Score': 'custom:activecampaign_score:number',
    });
  });

  it('Brevo: attribute names, French names, SMS as the mobile and the blocklist as the opt-out', () => {
    const headers = ['CONTACT ID', 'EMAIL', 'NOM', 'PRENOM', 'SMS', 'EXT_ID', 'ADDED_TIME', 'EMAIL_BLACKLISTED', 'SMS_BLACKLISTED', 'DOUBLE_OPT-IN'];
    expect(guessVendor(headers)).toBe('Brevo');
    expect(homes(guessMapping(headers))).toEqual({
      'CONTACT ID': 'external_id',
      EMAIL: 'email',
      NOM: 'last_name',
      PRENOM: 'first_name',
      SMS: 'mobile_phone',
      EXT_ID: 'custom:ext_id',
      ADDED_TIME: 'created_at',
      EMAIL_BLACKLISTED: 'do_not_email',
      SMS_BLACKLISTED: 'custom:sms_blocklisted:boolean',
      'DOUBLE_OPT-IN': 'custom:double_opt_in:boolean',
    });
  });

  it('a spreadsheet of no known tool reads the common names, and never a header tools disagree on', () => {
    expect(guessVendor(['Email', 'Name', 'Title'])).toBeNull();
    expect(homes(guessMapping(['Email', 'Name', 'Title', 'Score', 'Zip Code', 'Notes']))).toEqual({
      Email: 'email',
      Name: 'full_name',
      Title: 'custom:title',
      Score: 'custom:previous_score:number',
      'Zip Code': 'postal_code',
      Notes: 'notes',
    });
  });
});
