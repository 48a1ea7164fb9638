// The one stylesheet of every landing and thank-you page (`/p.css`): the theme arrives as CSS
// custom properties in the page's own `<style>`, so this file is the same for every page and
// cached by browsers for good (its URL carries its hash). Mobile first; no web fonts.
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font-family:var(--font);font-size:1.0625rem;line-height:1.6;
--inflow-accent:var(--primary);--inflow-text:var(--text);--inflow-muted:var(--muted);--inflow-font-family:var(--font);--inflow-max-width:100%}
img{max-width:100%;height:auto}
a{color:var(--primary);text-underline-offset:.15em}
a:focus-visible,summary:focus-visible,.pg-button:focus-visible{outline:3px solid var(--primary);outline-offset:3px;border-radius:4px}
.pg-skip{position:absolute;left:-999px;top:0;padding:.5rem 1rem;background:var(--bg)}
.pg-skip:focus{left:1rem;z-index:2}
.pg-top{padding:1rem 0}
.pg-top img{display:block;height:2.25rem;width:auto}
.pg-wrap{width:min(100% - 2.5rem,68rem);margin-inline:auto}
.pg-section{padding:2.5rem 0}
.pg-section+.pg-section{padding-top:.5rem}
.pg-s-hero{padding:3rem 0 3.5rem;background:linear-gradient(180deg,var(--surface),var(--bg))}
.pg-section.pg-s-hero+.pg-section{padding-top:2.5rem}
.pg-s-title{padding-bottom:0}
.pg-h1{font-size:clamp(2rem,1.3rem + 3vw,3.25rem);line-height:1.12;letter-spacing:-.02em;margin:0 0 1rem;text-wrap:balance}
.pg-h2,.pg-prose h2{font-size:clamp(1.45rem,1.2rem + 1vw,1.9rem);line-height:1.25;letter-spacing:-.01em;margin:0 0 1rem;text-wrap:balance}
.pg-prose h3{font-size:1.3rem;margin:1.5rem 0 .5rem}
.pg-prose h4{font-size:1.1rem;margin:1.25rem 0 .5rem}
.pg-lead{font-size:1.2rem;color:var(--muted);margin:0 0 1.75rem;max-width:40rem}
.pg-hero{display:grid;gap:2rem;align-items:center}
.pg-hero-img{border-radius:14px;box-shadow:0 18px 40px -18px rgba(16,24,40,.35);width:100%;object-fit:cover}
.pg-button{display:inline-block;background:var(--primary);color:var(--on-primary);font-weight:650;text-decoration:none;padding:.85rem 1.5rem;border-radius:10px;line-height:1.2;box-shadow:0 6px 16px -8px var(--primary)}
.pg-button:hover{filter:brightness(1.08)}
.pg-prose{max-width:44rem}
.pg-prose p,.pg-prose ul,.pg-prose ol{margin:0 0 1rem}
.pg-bullets{list-style:none;padding:0;margin:0;display:grid;gap:1rem}
.pg-bullets li{display:flex;gap:.85rem;align-items:flex-start}
.pg-icon{flex:none;width:1.75rem;height:1.75rem;padding:.3rem;border-radius:50%;background:var(--surface);color:var(--primary);box-sizing:content-box;margin-top:-.15rem}
.pg-card{background:var(--surface);border-radius:16px;padding:1.5rem}
.pg-form{max-width:34rem;margin-inline:auto}
.pg-form .inflow-submit,.pg-form button[type=submit]{background:var(--primary);color:var(--on-primary);border:0;border-radius:10px;font:inherit;font-weight:650;padding:.85rem 1.5rem;cursor:pointer}
.pg-form input:not([type=checkbox]):not([type=radio]),.pg-form select,.pg-form textarea{font:inherit;width:100%;padding:.6rem .75rem;border:1px solid #c9ced6;border-radius:8px;background:#fff;color:#1b2330}
.pg-form .inflow-field{display:grid;gap:.3rem;margin-bottom:.9rem;border:0;padding:0}
.pg-form label,.pg-form legend{font-weight:600}
.pg-form .inflow-check{display:flex;gap:.5rem;align-items:flex-start}
.pg-form .inflow-check label{font-weight:400}
.pg-form .inflow-hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.pg-form .inflow-status:empty{display:none}
.pg-figure{margin:0}
.pg-figure img{border-radius:12px;display:block}
.pg-figure figcaption{color:var(--muted);font-size:.95rem;margin-top:.6rem}
.pg-video{position:relative;aspect-ratio:16/9;border-radius:12px;overflow:hidden;background:#000}
.pg-video iframe{position:absolute;inset:0;width:100%;height:100%;border:0}
.pg-download{text-align:center}
.pg-download p{margin:0 0 1.25rem}
.pg-download-slot p{margin:0;color:var(--muted)}
.pg-download-slot .pg-download-name{margin-top:.75rem;font-size:.9rem}
.pg-quote{margin:0;max-width:44rem}
.pg-quote blockquote{margin:0 0 1rem;font-size:1.2rem;line-height:1.5}
.pg-quote blockquote p{margin:0}
.pg-quote blockquote p::before{content:"\\201C"}
.pg-quote blockquote p::after{content:"\\201D"}
.pg-quote figcaption{display:flex;gap:.75rem;align-items:center}
.pg-avatar{width:3rem;height:3rem;border-radius:50%;object-fit:cover}
.pg-name{display:block;font-weight:650}
.pg-role{display:block;color:var(--muted);font-size:.95rem}
.pg-logos{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:1.25rem 2.5rem;align-items:center}
.pg-logos img{height:2rem;width:auto;display:block;filter:grayscale(1);opacity:.8}
.pg-logos-block .pg-h2{font-size:1rem;color:var(--muted);text-transform:uppercase;letter-spacing:.08em}
.pg-cta{background:var(--primary);color:var(--on-primary);border-radius:18px;padding:2.25rem 1.5rem;text-align:center}
.pg-cta p{margin:0 auto 1.5rem;max-width:36rem}
.pg-cta .pg-button{background:var(--on-primary);color:var(--primary);box-shadow:none}
.pg-faq{max-width:44rem}
.pg-faq details{border-bottom:1px solid color-mix(in srgb,var(--text) 15%,transparent);padding:.9rem 0}
.pg-faq summary{cursor:pointer;font-weight:650;list-style:none;display:flex;justify-content:space-between;gap:1rem}
.pg-faq summary::-webkit-details-marker{display:none}
.pg-faq summary::after{content:"+";color:var(--primary);font-size:1.25em;line-height:1}
.pg-faq details[open] summary::after{content:"\\2212"}
.pg-faq details p{margin:.6rem 0 0;color:var(--muted)}
.pg-countdown{text-align:center}
.pg-countdown-left{font-size:1.25rem;margin:0 0 .25rem}
.pg-countdown-n{font-size:2.75rem;font-weight:750;color:var(--primary);font-variant-numeric:tabular-nums}
.pg-countdown-date{color:var(--muted);margin:0}
.pg-spacer-small{height:1rem}.pg-spacer-medium{height:2.5rem}.pg-spacer-large{height:5rem}
.pg-columns{display:grid;gap:2rem}
.pg-col>*+*{margin-top:1.5rem}
.pg-s-footer{border-top:1px solid color-mix(in srgb,var(--text) 12%,transparent);padding:1.5rem 0 2rem;margin-top:2rem;color:var(--muted);font-size:.9rem}
.pg-footer p{margin:.5rem 0 0}
.pg-footer ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
@media (min-width:48rem){
.pg-section{padding:3.5rem 0}
.pg-s-hero{padding:4.5rem 0 5rem}
.pg-hero-split{grid-template-columns:1.1fr 1fr;gap:3rem}
.pg-columns.pg-cols-2{grid-template-columns:1fr 1fr;gap:3rem}
.pg-columns.pg-cols-3{grid-template-columns:repeat(3,1fr)}
.pg-cta{padding:3rem}
.pg-card{padding:2rem}
}
@media (prefers-reduced-motion:no-preference){.pg-button{transition:filter .15s}}
`.trim();
