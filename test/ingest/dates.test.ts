import { expect } from 'chai';
import { dateAt, fileDay, isoDay, parseDate } from '../../src/ingest/dates.js';

describe('ingest/dates', () => {
  it('reads the forms news writes a day in, as YYYY-MM-DD', () => {
    const forms: [string, string][] = [
      ['2025-09-03', '2025-09-03'],
      ['2025/9/3', '2025-09-03'],
      ['2025-09-03T22:15:00-04:00', '2025-09-03'],
      ['September 3, 2025', '2025-09-03'],
      ['Sept. 3, 2025', '2025-09-03'],
      ['Sep 3 2025', '2025-09-03'],
      ['3 September 2025', '2025-09-03'],
      ['3rd of Sept. 2025', '2025-09-03'],
      ['Wednesday, September 3, 2025', '2025-09-03'],
      ['Wed 3 Sep 2025', '2025-09-03'],
      ['Friday, July 21, 2017', '2017-07-21'],
    ];
    for (const [text, day] of forms) expect(parseDate(text), text).to.equal(day);
  });

  it('answers only real days: no 30 February, no 29 February outside leap years, no month 13', () => {
    for (const text of ['2025-02-30', 'February 29, 2025', '2025-13-01', '31 April 2024', '2025-00-10', 'September 0, 2025']) expect(parseDate(text), text).to.equal(undefined);
    expect(parseDate('February 29, 2024')).to.equal('2024-02-29');
    expect(parseDate('29 Feb 2000')).to.equal('2000-02-29');
    expect(parseDate('29 Feb 1900')).to.equal(undefined);
  });

  it('leaves ambiguous and partial dates unread', () => {
    for (const text of ['03/09/2025', '9/3/2025', 'September 2025', '2025', 'Sept. 3', 'Mayday 3, 2025', '12025-09-03']) expect(parseDate(text), text).to.equal(undefined);
  });

  it('reads a date opening a longer text, saying how long it is and whether a weekday opened it', () => {
    expect(dateAt('Thursday, March 15, 2012 Wikinews interviewed')).to.deep.equal({ date: '2012-03-15', length: 24, weekday: true });
    expect(dateAt('March 15, 2012 was a Thursday')).to.deep.equal({ date: '2012-03-15', length: 14, weekday: false });
    expect(dateAt('In March 15, 2012')).to.equal(undefined);
  });

  it('keeps to the years of news', () => {
    expect(isoDay(1799, 1, 1)).to.equal(undefined);
    expect(isoDay(2199, 12, 31)).to.equal('2199-12-31');
  });

  it("dates a file by its modification day in UTC, whatever this machine's zone", () => {
    expect(fileDay(new Date('2025-09-03T23:59:59Z'))).to.equal('2025-09-03');
    expect(fileDay(new Date('2025-09-04T00:00:00+02:00'))).to.equal('2025-09-03');
    expect(fileDay(new Date(Number.NaN))).to.equal(undefined);
  });
});
