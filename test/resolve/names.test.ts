import { expect } from 'chai';
import { isVariant, personName, sameGivenName } from '../../src/resolve/names.js';

const variant = (a: string, b: string): boolean => isVariant(personName(a)!, personName(b)!);

describe('resolve/names', () => {
  it('reads given names and a surname, particles with the surname', () => {
    expect(personName('Ludwig van Beethoven')).to.deep.include({ given: ['ludwig'], surname: 'van beethoven' });
    expect(personName('Martin Luther King Jr.')).to.deep.include({ given: ['martin', 'luther'], surname: 'king' });
    expect(personName('Blair')).to.equal(undefined);
  });

  it('reads a hyphenated last word as all surname ("Bailey-Ross", "Chŏng-sun"), a hyphenated first word as given names', () => {
    expect(personName('Claire Bailey-Ross')).to.deep.include({ given: ['claire'], surname: 'bailey ross' });
    expect(personName('Hong Chŏng-sun')).to.deep.include({ given: ['hong'], surname: 'chong sun' });
    expect(personName('Jean-Paul Sartre')).to.deep.include({ given: ['jean', 'paul'], surname: 'sartre' });
  });

  it('takes short forms, initials and pet forms of one given name as one', () => {
    expect(sameGivenName('vince', 'vincent')).to.equal(true);
    expect(sameGivenName('j', 'john')).to.equal(true);
    expect(sameGivenName('tony', 'anthony')).to.equal(true);
    expect(sameGivenName('ken', 'charles')).to.equal(false);
    expect(sameGivenName('al', 'alan')).to.equal(false);
  });

  it('takes variants of one full name as one person, and different given names as two', () => {
    expect(variant('Vince Cable', 'Vincent Cable')).to.equal(true);
    expect(variant('Joan Walsh Anglund', 'Joan Anglund')).to.equal(true);
    expect(variant('Higuchi Ichiyō', 'Ichiyō Higuchi')).to.equal(true);
    expect(variant('Higuchi Natsuko', 'Ichiyō Higuchi')).to.equal(false);
    expect(variant('Tony Blair', 'Cherie Blair')).to.equal(false);
    expect(variant('Ken Clarke', 'Charles Clarke')).to.equal(false);
    expect(variant('Ruth Kelly', 'Lorraine Kelly')).to.equal(false);
    expect(variant('George W. Bush', 'George H. W. Bush')).to.equal(false);
    expect(variant('Alan Johnson', 'Boris Johnson')).to.equal(false);
    expect(variant('Henry VII', 'Henry VIII')).to.equal(false);
    expect(variant('World War', 'World War II')).to.equal(false);
  });
});
