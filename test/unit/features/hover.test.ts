import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  DEFAULT_CONFIG,
  type Hover,
  type ProtokollConfig,
} from '../../../server/src/language/index';
import { fixture, SEED } from '../fixture';

const service = createProtokollService();
const EN: ProtokollConfig = { ...DEFAULT_CONFIG, locale: 'en' };

function hoverAt(source: string, config: ProtokollConfig = DEFAULT_CONFIG): Hover | null {
  const { doc, position } = fixture(source);
  return service.getHover(doc, position, config);
}

function markdown(source: string, config: ProtokollConfig = DEFAULT_CONFIG): string {
  const hover = hoverAt(source, config);
  assert.ok(hover, 'expected a hover');
  assert.equal(hover.contents.kind, 'markdown');
  return hover.contents.value;
}

/** The seed with the cursor placed `offset` characters into the first `needle` after `after`. */
function seedAt(needle: string, offset = 1, after = ''): string {
  const from = SEED.indexOf(after);
  const index = SEED.indexOf(needle, from);
  assert.ok(from >= 0 && index >= 0, `the seed has ${needle}`);
  return SEED.slice(0, index + offset) + '|' + SEED.slice(index + offset);
}

const SIGNED = (adjusted: string, posted?: string): string =>
  SEED.replace(
    'Sekreterare: Hannes Berggren\n',
    `Sekreterare: Hannes Berggren\nJusterat: ${adjusted}\n${posted ? `Anslaget: ${posted}\n` : ''}`,
  );

const at = (text: string, needle: string, offset = 1): string => {
  const index = text.lastIndexOf(needle);
  assert.ok(index >= 0, `the text has ${needle}`);
  return text.slice(0, index + offset) + '|' + text.slice(index + offset);
};

describe('hover', () => {
  describe('municipalities', () => {
    it('shows official and legal names, SCB code and county in the attendance list', () => {
      const value = markdown(seedAt('Gullspångs kommun', 3));
      assert.match(value, /\*\*Gullspång\*\*/);
      assert.match(value, /Officiellt namn: Gullspångs kommun/);
      assert.match(value, /Juridiskt namn: Gullspångs kommun/);
      assert.match(value, /1447/);
      assert.match(value, /Västra Götalands län/);
    });

    it('covers exactly the organisation', () => {
      const hover = hoverAt(seedAt('Gullspångs kommun', 3));
      assert.deepEqual(hover?.range, {
        start: { line: 6, character: 17 },
        end: { line: 6, character: 34 },
      });
    });

    it('shows a round-table organisation', () => {
      assert.match(markdown(seedAt('Hjo:', 1)), /Kommunkod \(SCB\): 1497/);
    });

    it('shows an absent organisation', () => {
      assert.match(markdown(seedAt('Falköpings kommun', 2)), /1499/);
    });

    it('shows both names of a city whose official and legal forms differ', () => {
      const value = markdown(SEED.replace('Gullspångs kommun', 'Stock|holms stad'));
      assert.match(value, /Officiellt namn: Stockholms stad/);
      assert.match(value, /Juridiskt namn: Stockholms kommun/);
      assert.match(value, /0180/);
    });

    it('names the official form for a wrongly written one (Tidaholm kommun)', () => {
      assert.match(markdown(seedAt('Tidaholm kommun', 2)), /Skriv `Tidaholms kommun`/);
    });

    it('says when an organisation comes from the settings', () => {
      const config = { ...DEFAULT_CONFIG, organisations: ['Kommunalförbundet'] };
      assert.match(
        markdown(seedAt('Kommunalförbundet', 2), config),
        /inställningen `organisations`/,
      );
    });

    it('suggests the nearest municipalities for an unknown organisation', () => {
      const value = markdown(SEED.replace('Falköpings kommun', 'Falk|öpng'));
      assert.match(value, /Okänd organisation/);
      assert.match(value, /Närmaste kommuner: Falköping/);
    });

    it('speaks English with locale en', () => {
      assert.match(
        markdown(seedAt('Gullspångs kommun', 3), EN),
        /Official name: Gullspångs kommun/,
      );
    });
  });

  describe('people', () => {
    it('shows the organisation, roles and mentions of the chair', () => {
      const value = markdown(seedAt('Mattias Gustafsson', 2));
      assert.match(value, /\*\*Mattias Gustafsson\*\* — Tibro kommun/);
      assert.match(value, /Närvarande \(ordförande\)/);
      assert.match(value, /Skriver under som ordförande/);
      // "Mattias sammanfattar", "Mattias önskar" and the signature.
      assert.match(value, /Nämns 3 gånger/);
    });

    it('shows the same for a first-name mention in body text', () => {
      const value = markdown(seedAt('Mattias sammanfattar', 2));
      assert.match(value, /\*\*Mattias Gustafsson\*\*/);
      const hover = hoverAt(seedAt('Mattias sammanfattar', 2));
      assert.equal(hover?.range.end.character, hover!.range.start.character + 'Mattias'.length);
    });

    it('shows an election for the person elected in § 1', () => {
      assert.match(markdown(seedAt('Britt Andersson', 1, '§ 1')), /Vald till sekreterare i § 1/);
    });

    it('shows a signer and an action owner', () => {
      assert.match(
        markdown(seedAt('Hannes Berggren', 2, 'Sekreterare:')),
        /Skriver under som sekreterare/,
      );
      assert.match(
        markdown(seedAt('@Ulf Andersson', 3)),
        /\*\*Ulf Andersson\*\* — Gullspångs kommun/,
      );
    });

    it('says when a signer is not in the attendance list', () => {
      const value = markdown(
        SEED.replace('Sekreterare: Hannes Berggren', 'Sekreterare: Ha|ns Berg'),
      );
      assert.match(value, /står inte under Närvarande/);
    });

    it('names the people a shared first name could mean', () => {
      const text = SEED.replace(
        '- Eva Karlsson, Tidaholm kommun',
        '- Eva Karlsson, Tidaholm kommun\n- Eva Lind, Hjo kommun',
      ).replace('Eva 25 %', 'E|va 25 %');
      assert.match(markdown(text), /kan vara flera personer: Eva Karlsson och Eva Lind\./);
    });

    it('names the first eight of many namesakes and counts the rest', () => {
      const many = Array.from({ length: 30 }, (_, i) => `- Eva E${i}, Hjo kommun`).join('\n');
      const text = SEED.replace(
        '- Eva Karlsson, Tidaholm kommun',
        `- Eva Karlsson, Tidaholm kommun\n${many}`,
      ).replace('Eva 25 %', 'E|va 25 %');
      assert.match(
        markdown(text),
        /kan vara flera personer: Eva Karlsson, Eva E0, .*, Eva E6 och 23 till\.$/,
      );
    });

    it('shows nothing for a name nobody in the lists has (Magnus)', () => {
      assert.equal(hoverAt(seedAt('Magnus', 2)), null);
    });

    it('shows nothing for plain text', () => {
      assert.equal(hoverAt(seedAt('sammanfattar', 3)), null);
    });
  });

  describe('dates', () => {
    it('shows the weekday of the meeting and the adjustment deadline', () => {
      const value = markdown(seedAt('2018-12-14', 3));
      assert.match(value, /fredag 14 december 2018/);
      assert.match(value, /justeras senast 2018-12-28 \(fredag\)/);
    });

    it('shows the weekday in English with locale en', () => {
      assert.match(markdown(seedAt('2018-12-14', 3), EN), /Friday 14 December 2018/);
    });

    it('shows that Justerat is within the 14 days', () => {
      const value = markdown(at(SIGNED('2018-12-20'), '2018-12-20'));
      assert.match(value, /torsdag 20 december 2018/);
      assert.match(value, /Sista dag för justering: 2018-12-28 \(fredag\).*✓ i tid/);
      assert.match(value, /anslås senast 2018-12-22 \(lördag\)/);
    });

    it('shows how late Justerat is after 14 days', () => {
      assert.match(markdown(at(SIGNED('2019-01-02'), '2019-01-02')), /✗ 5 dagar för sent/);
    });

    it('shows that Justerat before the meeting is wrong', () => {
      assert.match(markdown(at(SIGNED('2018-12-10'), '2018-12-10')), /✗ före sammanträdet/);
    });

    it('shows the posting deadline, last day of appeal and take-down date for Anslaget', () => {
      const value = markdown(at(SIGNED('2018-12-20', '2019-01-07'), '2019-01-07'));
      assert.match(value, /måndag 7 januari 2019/);
      assert.match(value, /anslås senast 2018-12-22 \(lördag\).*✗ 16 dagar för sent/);
      assert.match(value, /Sista dag för överklagande: 2019-01-28 \(måndag\)/);
      assert.match(value, /tas ned tidigast 2019-01-29 \(tisdag\)/);
      assert.doesNotMatch(value, /1930:173/);
    });

    it('moves the last day of appeal past a weekend and Christmas (lag 1930:173)', () => {
      // Three weeks after 2018-12-01 is Saturday 22 December; 24–26 December are not working days.
      const value = markdown(at(SIGNED('2018-11-30', '2018-12-01'), '2018-12-01'));
      assert.match(value, /Sista dag för överklagande: 2018-12-27 \(torsdag\)/);
      assert.match(value, /2018-12-22 \(lördag\).*1930:173/);
      assert.match(value, /tas ned tidigast 2018-12-28/);
    });

    it('asks for Justerat when Anslaget stands alone', () => {
      const text = SEED.replace(
        'Sekreterare: Hannes Berggren\n',
        'Sekreterare: Hannes Berggren\nAnslaget: 2019-01-07\n',
      );
      assert.match(markdown(at(text, '2019-01-07')), /Ange `Justerat:`/);
    });

    it('shows the weekday of the next meeting and its distance from this one', () => {
      const value = markdown(seedAt('2019-02-01', 3));
      assert.match(value, /fredag 1 februari 2019/);
      assert.match(value, /49 dagar efter detta sammanträde/);
    });

    it('shows the weekday of an action due date', () => {
      assert.match(markdown(seedAt('2019-01-15', 3)), /tisdag 15 januari 2019/);
    });

    it('explains a date that does not exist', () => {
      assert.match(markdown(SEED.replace('2018-12-14', '2019-0|2-30')), /inget giltigt datum/);
    });
  });
});
