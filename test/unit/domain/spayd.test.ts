import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paymentMessage, spaydAmount, spaydLimits, spaydOf, spaydText } from '../../../lib/domain/orders/spayd.js';
import type { Order } from '../../../lib/domain/orders/order.js';
import { sampleOrder, sampleSupplier } from '../documents/sample-order.js';

/**
 * QR Platba per the Czech Banking Association's standard, version 1.2 (2021, in force since
 * 2022): "Formát pro sdílení platebních údajů v rámci tuzemského platebního styku v CZK
 * prostřednictvím QR kódů". Each test names the rule it checks in the standard's own words.
 */

/** A reader as the standard describes one: header, version, then `KEY:value` pairs split at `*`, values URL-decoded. */
const read = (spayd: string) => {
  const [header, version, ...pairs] = spayd.split('*');
  const attributes = pairs.map((pair) => {
    const colon = pair.indexOf(':');
    return { key: pair.slice(0, colon), raw: pair.slice(colon + 1) };
  });
  return { header, version, attributes, value: (key: string) => attributes.find((a) => a.key === key)?.raw };
};

const withSupplier = (order: Order, supplier: Partial<Order['supplier']>): Order => ({ ...order, supplier: { ...order.supplier, ...supplier } });
const length = (text: string) => [...text].length;

describe('spaydOf: the order as a QR Platba string', () => {
  const order = sampleOrder();

  it('writes the sample order: account, amount, currency, variable symbol, due date, message, recipient', () => {
    // 30 000.00 + 9 100.00 net, 21 % of 30 000.00 = 6 300.00, 12 % of 9 100.00 = 1 092.00.
    expect(spaydOf(order)).toBe(
      'SPD*1.0*ACC:CZ6508000000192000145399+GIBACZPX*AM:46492.00*CC:CZK*X-VS:2026000042*DT:20261209' +
        '*MSG:OBJ-2026-0042 Nový e-shop a katalog pro sezónu 2027*RN:Digitální agentura Azami s.r.o.',
    );
  });

  it('"Řetězec je vždy zahájen fixní hlavičkou … SPD*" and "Následuje verze protokolu (dvě čísla oddělená tečkou) ukončená hvězdičkou, např. 1.0*"', () => {
    const { header, version } = read(spaydOf(order));
    expect(header).toBe('SPD');
    expect(version).toBe('1.0');
  });

  it('"${klíč}:${hodnota}*" with "Klíč daného atributu je vždy zapsán velkými znaky z množiny znaků [A-Z-]", each key once', () => {
    const { attributes } = read(spaydOf(order));
    expect(attributes.map((a) => a.key)).toEqual(['ACC', 'AM', 'CC', 'X-VS', 'DT', 'MSG', 'RN']);
    for (const { key } of attributes) expect(key).toMatch(/^[A-Z-]+$/);
  });

  it('ACC: "Max. 46 znaků (IBAN+BIC)", "složena ze dvou komponent oddělených znaménkem +", "Druhá komponenta (SWIFT) je přitom volitelná"', () => {
    expect(read(spaydOf(order)).value('ACC')).toBe('CZ6508000000192000145399+GIBACZPX');
    expect(read(spaydOf(withSupplier(order, { bic: undefined }))).value('ACC')).toBe('CZ6508000000192000145399');
    const longest = withSupplier(order, { iban: 'LC55HEMM000100010012001200023015', bic: 'HEMMLCLCXXX' });
    expect(read(spaydOf(longest)).value('ACC')!.length).toBeLessThanOrEqual(spaydLimits.ACC);
  });

  it('AM: "Max. 10 znaků", "Desetinné číslo. Max. 2 desetinné cifry. Tečka jako oddělovač desetinných míst", "Odpovídá částce 9 999 999,99"', () => {
    expect(spaydAmount(4_649_200)).toBe('46492.00');
    expect(spaydAmount(150_000)).toBe('1500.00'); // a zero-decimal amount keeps its two decimals
    expect(spaydAmount(1)).toBe('0.01');
    expect(spaydAmount(999_999_999)).toBe('9999999.99');
    for (const minor of [1, 99, 100, 150_000, 4_649_250, 999_999_999]) expect(spaydAmount(minor)).toMatch(/^\d{1,7}\.\d{2}$/);
  });

  it('AM: "Pokud bude hodnota obsahovat více znaků, než připouští formát, bude zpracován pouze … počet znaků zleva": a whole amount drops its .00, a longer one is left out', () => {
    expect(spaydAmount(1_234_567_800)).toBe('12345678');
    expect(spaydAmount(1_234_567_890)).toBeUndefined(); // "12345678.9" would be read: never cut an amount
    expect(spaydAmount(100_000_000_000)).toBe('1000000000');
    const big = { ...order, totals: { ...order.totals, gross: 1_234_567_890 } };
    expect(read(spaydOf(big)).value('AM')).toBeUndefined();
  });

  it('AM: nothing to pay, no amount (the standard has no zero payment: AM is optional)', () => {
    const free = { ...order, totals: { ...order.totals, gross: 0 } };
    expect(read(spaydOf(free)).value('AM')).toBeUndefined();
  });

  it('CC: "Právě 3 znaky", "ISO 4217 – délka 3 znaky, pouze velká písmena"', () => {
    expect(read(spaydOf(order)).value('CC')).toBe('CZK');
    expect(read(spaydOf(sampleOrder({ currency: 'EUR' }))).value('CC')).toBe('EUR');
  });

  it('X-VS: "Max. 10 znaků", "Celé číslo" (variabilní symbol)', () => {
    const vs = read(spaydOf(order)).value('X-VS');
    expect(vs).toBe('2026000042');
    expect(vs).toMatch(/^\d{1,10}$/);
  });

  it('DT: "Právě 8 znaků", "ISO 8601, tj. datum ve formátu YYYYMMDD. Pouze numerické znaky." (datum splatnosti)', () => {
    expect(order.dueDate).toBe('2026-12-09');
    expect(read(spaydOf(order)).value('DT')).toBe('20261209');
  });

  it('MSG: "Max. 60 znaků" (zpráva pro příjemce): a long title is cut to 60 characters from the left', () => {
    const title = 'Kompletní redesign webu, nový e-shop, katalog, newsletter a správa sociálních sítí na rok 2027';
    const msg = read(spaydOf(sampleOrder({ requestTitle: title }))).value('MSG')!;
    expect(length(msg)).toBe(spaydLimits.MSG);
    expect(`OBJ-2026-0042 ${title}`.startsWith(msg)).toBe(true);
  });

  it('RN: "Max. 35 znaků" (jméno příjemce)', () => {
    const name = 'Digitální agentura Azami, společnost s ručením omezeným';
    const rn = read(spaydOf(withSupplier(order, { name }))).value('RN')!;
    expect(length(rn)).toBeLessThanOrEqual(spaydLimits.RN);
    expect(rn).toBe('Digitální agentura Azami, společnos');
  });

  it('"Pole ${hodnota} nesmí obsahovat hvězdičku (může být v hodnotě zakódována jako %2A)": a hostile name and title', () => {
    const hostile = withSupplier(sampleOrder({ requestTitle: '*** AKCE *** 50% sleva*AM:1.00' }), { name: 'Hvězda*Ústí s.r.o.*CC:EUR' });
    const spayd = spaydOf(hostile);
    const { attributes, value } = read(spayd);
    expect(attributes.map((a) => a.key)).toEqual(['ACC', 'AM', 'CC', 'X-VS', 'DT', 'MSG', 'RN']);
    expect(value('AM')).toBe('46492.00');
    expect(value('CC')).toBe('CZK');
    expect(value('RN')).toBe('Hvězda%2AÚstí s.r.o.%2ACC:EUR');
    expect(value('MSG')).toBe('OBJ-2026-0042 %2A%2A%2A AKCE %2A%2A%2A 50%25 sleva%2AAM:1.00');
  });

  it('"Hodnota může obsahovat speciální znaky kódované pomocí URL kódování": a literal % is %25, so URL-decoding gives the text back', () => {
    const hostile = withSupplier(sampleOrder({ requestTitle: 'Sleva 100%2A a 5 % * navíc' }), { name: 'Ž*%ť s.r.o.' });
    const { value } = read(spaydOf(hostile));
    expect(decodeURIComponent(value('MSG')!)).toBe('OBJ-2026-0042 Sleva 100%2A a 5 % * navíc');
    expect(decodeURIComponent(value('RN')!)).toBe('Ž*%ť s.r.o.');
  });

  it('"Hodnota nesmí být obklopena bílými znaky (tj. za „:“ a před „*“ nesmí být bílé znaky)": trimmed, inner runs and line breaks one space', () => {
    const spacey = withSupplier(sampleOrder({ requestTitle: '  Web\n\n\tna\u00a0míru \u200b ' }), { name: '\n  Azami \r\n s.r.o.\t ' });
    const { value } = read(spaydOf(spacey));
    expect(value('RN')).toBe('Azami s.r.o.');
    expect(value('MSG')).toBe('OBJ-2026-0042 Web na míru');
    // Cut right after a space: the space goes too.
    expect(spaydText('Digitální agentura Azami s.r.o. a syn', 33)).toBe('Digitální agentura Azami s.r.o. a');
    expect(spaydText('Digitální agentura Azami s.r.o. a syn', 32)).toBe('Digitální agentura Azami s.r.o.');
  });

  it('"Řetězec může obsahovat libovolné znaky ze znakové sady UTF-8": Czech diacritics are kept, as NFC', () => {
    const czech = withSupplier(sampleOrder({ requestTitle: 'Příliš žluťoučký kůň úpěl ďábelské ódy' }), { name: 'Žluťoučký kůň s.r.o.'.normalize('NFD') });
    const { value } = read(spaydOf(czech));
    expect(value('MSG')).toBe('OBJ-2026-0042 Příliš žluťoučký kůň úpěl ďábelské ódy');
    expect(value('RN')).toBe('Žluťoučký kůň s.r.o.');
    expect(value('RN')).toBe(value('RN')!.normalize('NFC'));
    expect(spaydText('ĚŠČŘŽÝÁÍÉŮÚŤĎŇ €„“–', 60)).toBe('ĚŠČŘŽÝÁÍÉŮÚŤĎŇ €„“–');
  });

  it('"bude zpracován pouze formátem specifikovaný počet znaků zleva": the cut never splits an escape or a letter from its accent', () => {
    expect(spaydText(`${'a'.repeat(33)}*b`, 35)).toBe('a'.repeat(33));
    expect(spaydText(`${'a'.repeat(32)}*b`, 35)).toBe(`${'a'.repeat(32)}%2A`);
    expect(spaydText(`${'a'.repeat(34)}e\u0301\u0323x`, 35)).toBe('a'.repeat(34));
  });

  it('is pure: the same order gives the same string, and the order is left as it was', () => {
    const before = structuredClone(order);
    expect(spaydOf(order)).toBe(spaydOf(structuredClone(order)));
    expect(order).toEqual(before);
  });

  it('the message is the order number and the request title', () => {
    expect(paymentMessage(order)).toBe('OBJ-2026-0042 Nový e-shop a katalog pro sezónu 2027');
  });

  it('for any supplier name and request title: a well-formed string, every value within its limit, no *, no surrounding space, decoding to the text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Ž', 'ů', ' ', '*', '%', ':', '\n', '2', 'A', '€', '😀'), maxLength: 80 });
    fc.assert(
      fc.property(text, text, (name, title) => {
        const spayd = spaydOf(withSupplier(sampleOrder({ requestTitle: title }), { name }));
        expect(spayd).toMatch(/^SPD\*1\.0(\*[A-Z-]+:[^*]+)+$/);
        const { attributes } = read(spayd);
        for (const { key, raw } of attributes) {
          expect(raw).not.toMatch(/^\s|\s$/);
          const limit = spaydLimits[key as keyof typeof spaydLimits];
          expect(length(raw), key).toBeLessThanOrEqual(limit);
        }
        const rn = attributes.find((a) => a.key === 'RN');
        const cleanName = name.replace(/\s+/g, ' ').trim();
        if (rn) expect(cleanName.startsWith(decodeURIComponent(rn.raw))).toBe(true);
        else expect(spaydText(name, spaydLimits.RN)).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('uses the supplier as configured: IBAN without spaces, upper case', () => {
    expect(read(spaydOf(withSupplier(order, { iban: sampleSupplier.iban }))).value('ACC')).toMatch(/^CZ\d{22}\+GIBACZPX$/);
  });
});
