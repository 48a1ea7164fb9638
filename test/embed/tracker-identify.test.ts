// Naming the visitor: inflow('identify', ...) and an email click's `inflow_ct`.
import { describe, expect, it } from 'vitest';
import { identifyEvent, takeContactToken } from '../../embed/tracker/identify.js';

const token = 'a3f1c0e9b2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5';

describe('identifyEvent', () => {
  it('sends the email and its token, with the traits given as text', () => {
    expect(identifyEvent({ email: 'Ana@Example.com', token, first_name: 'Ana', company: 'Acme', phone: 5550100, plan: 'pro' })).toEqual({
      type: 'identify',
      email: 'Ana@Example.com',
      token,
      traits: { first_name: 'Ana', company: 'Acme' },
    });
  });

  it('sends nothing without an email and a token', () => {
    expect(identifyEvent({ email: 'ana@example.com' })).toBeNull();
    expect(identifyEvent({ token })).toBeNull();
    expect(identifyEvent({ email: '', token })).toBeNull();
    expect(identifyEvent({ email: 'ana@example.com', token: 42 })).toBeNull();
    expect(identifyEvent('ana@example.com')).toBeNull();
    expect(identifyEvent(undefined)).toBeNull();
    expect(identifyEvent(null)).toBeNull();
  });
});

describe('takeContactToken', () => {
  it('takes the token out and keeps the rest of the address exactly', () => {
    expect(takeContactToken('https://a.example/offer?utm_source=newsletter&inflow_ct=tok.123-x&q=a+b%20c#form')).toEqual({
      token: 'tok.123-x',
      href: 'https://a.example/offer?utm_source=newsletter&q=a+b%20c#form',
    });
    expect(takeContactToken('https://a.example/offer?flag&inflow_ct=t1')).toEqual({ token: 't1', href: 'https://a.example/offer?flag' });
  });

  it('drops the question mark with the last parameter', () => {
    expect(takeContactToken('https://a.example/?inflow_ct=t1')).toEqual({ token: 't1', href: 'https://a.example/' });
    expect(takeContactToken('https://a.example/p?inflow_ct=t1#/route')).toEqual({ token: 't1', href: 'https://a.example/p#/route' });
  });

  it('decodes the token, and removes an empty one too', () => {
    expect(takeContactToken('https://a.example/?inflow_ct=a%2Bb')?.token).toBe('a+b');
    expect(takeContactToken('https://a.example/?x=1&inflow_ct=')).toEqual({ token: '', href: 'https://a.example/?x=1' });
  });

  it('leaves an address without the parameter alone', () => {
    expect(takeContactToken('https://a.example/?x=1')).toBeNull();
    expect(takeContactToken('https://a.example/?my_inflow_ct=1&inflow_ctx=2')).toBeNull();
    expect(takeContactToken('https://a.example/#inflow_ct=1')).toBeNull();
  });
});
