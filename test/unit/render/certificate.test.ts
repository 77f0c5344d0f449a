import * as assert from 'node:assert/strict';
import {
  easterSunday,
  isWorkingDay,
  postingDates,
} from '../../../server/src/language/render/certificate.js';

describe('renderer: posting certificate dates (Anslag/Bevis)', () => {
  it('makes the last day of appeal three weeks after the posting', () => {
    assert.deepEqual(postingDates('2024-03-18'), {
      posted: '2024-03-18',
      lastDayOfAppeal: '2024-04-08',
      takenDown: '2024-04-09',
    });
  });

  it('moves a last day on a Saturday or Sunday to the Monday', () => {
    assert.equal(postingDates('2024-05-04')!.lastDayOfAppeal, '2024-05-27'); // +21 = Sat 25 May
    assert.equal(postingDates('2024-05-05')!.lastDayOfAppeal, '2024-05-27'); // +21 = Sun 26 May
  });

  it('moves a last day on a holiday or eve past the whole holiday', () => {
    assert.equal(postingDates('2024-12-03')!.lastDayOfAppeal, '2024-12-27'); // julafton, jul, annandag
    assert.equal(postingDates('2024-03-08')!.lastDayOfAppeal, '2024-04-02'); // långfredag … annandag påsk
    assert.equal(postingDates('2024-05-31')!.lastDayOfAppeal, '2024-06-24'); // midsommarafton
    assert.equal(postingDates('2024-12-10')!.lastDayOfAppeal, '2025-01-02'); // nyårsafton, nyårsdagen
    assert.equal(postingDates('2025-05-08')!.lastDayOfAppeal, '2025-05-30'); // Kristi himmelsfärd 29 May
    assert.equal(postingDates('2025-05-16')!.lastDayOfAppeal, '2025-06-09'); // nationaldagen Fri 6 June
  });

  it('crosses a year boundary', () => {
    assert.deepEqual(postingDates('2018-12-21'), {
      posted: '2018-12-21',
      lastDayOfAppeal: '2019-01-11',
      takenDown: '2019-01-12',
    });
  });

  it('gives no dates for a posting date that is not a real ISO date', () => {
    for (const text of ['2024-02-30', '21 mars 2024', '', 'igår'])
      assert.equal(postingDates(text), undefined);
  });

  it('knows Easter Sunday', () => {
    assert.deepEqual(easterSunday(2024), { year: 2024, month: 3, day: 31 });
    assert.deepEqual(easterSunday(2025), { year: 2025, month: 4, day: 20 });
    assert.deepEqual(easterSunday(2019), { year: 2019, month: 4, day: 21 });
  });

  it('treats an ordinary Wednesday as a working day and Epiphany as none', () => {
    assert.equal(isWorkingDay({ year: 2024, month: 3, day: 13 }), true);
    assert.equal(isWorkingDay({ year: 2025, month: 1, day: 6 }), false);
    assert.equal(isWorkingDay({ year: 2024, month: 5, day: 1 }), false);
  });
});
