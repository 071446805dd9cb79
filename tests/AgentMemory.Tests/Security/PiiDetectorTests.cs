using AgentMemory.Security;

namespace AgentMemory.Tests.Security;

public sealed class PiiDetectorTests
{
    private readonly PiiDetector _detector = new();

    [Theory]
    [InlineData("Write to jane.doe+news@example.co.uk today.", PiiType.Email, "jane.doe+news@example.co.uk")]
    [InlineData("Call me on (415) 867-5309 tonight.", PiiType.Phone, "(415) 867-5309")]
    [InlineData("Meine Nummer: +49 30 12345678.", PiiType.Phone, "+49 30 12345678")]
    [InlineData("Card 4111 1111 1111 1111 exp 09/28", PiiType.Card, "4111 1111 1111 1111")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00 please", PiiType.Iban, "DE89 3704 0044 0532 0130 00")]
    [InlineData("SSN 123-45-6789 on file", PiiType.Ssn, "123-45-6789")]
    [InlineData("server at 192.168.10.4 is down", PiiType.IpAddress, "192.168.10.4")]
    [InlineData("login from 2001:db8::8a2e:370:7334", PiiType.IpAddress, "2001:db8::8a2e:370:7334")]
    [InlineData("I was born on 12/04/1987 in Leeds", PiiType.DateOfBirth, "12/04/1987")]
    [InlineData("Ship to 742 Evergreen Terrace please", PiiType.Address, "742 Evergreen Terrace")]
    [InlineData("IBAN GB29 NWBK 6016 1331 9268 19 for rent", PiiType.Iban, "GB29 NWBK 6016 1331 9268 19")]
    [InlineData("Geburtsdatum: 3. Mai 1979", PiiType.DateOfBirth, "3. Mai 1979")]
    [InlineData("Nasceu a 7 de outubro de 1990 em Braga.", PiiType.DateOfBirth, "7 de outubro de 1990")]
    [InlineData("Sono nato il 02/11/1984.", PiiType.DateOfBirth, "02/11/1984")]
    [InlineData("Scrivimi in Viale Monza 12, 20125 Milano.", PiiType.Address, "Viale Monza 12, 20125 Milano")]
    [InlineData("Entrega na Travessa do Carmo 9, 1200-095 Lisboa.", PiiType.Address, "Travessa do Carmo 9, 1200-095 Lisboa")]
    [InlineData("Mi numero: 340 987 6543", PiiType.Phone, "340 987 6543")]
    public void Detect_PersonalData_FindsTypedSpan(string text, PiiType type, string value)
    {
        AssertSingleSpan(text, type, value);
    }

    [Theory]
    [InlineData("Post it to 88 Wellington Parade, Level 3, Hobart TAS 7000 by Friday.", "88 Wellington Parade, Level 3, Hobart TAS 7000")]
    [InlineData("Our new flat: Herengracht 402-3, 1017 BX Amsterdam", "Herengracht 402-3, 1017 BX Amsterdam")]
    [InlineData("Adresse :\n7 bis, impasse des Orfèvres\n21000 Dijon", "7 bis, impasse des Orfèvres\n21000 Dijon")]
    [InlineData("Send it to Unit 9, 410 Kent Road, Kilkenny, R95 X2K7.", "Unit 9, 410 Kent Road, Kilkenny, R95 X2K7")]
    [InlineData("write to PO Box 4417, Tulsa, OK 74101 instead", "PO Box 4417, Tulsa, OK 74101")]
    [InlineData("Envie para Rua Halfeld, 820, sala 5, Juiz de Fora - MG, 36010-003", "Rua Halfeld, 820, sala 5, Juiz de Fora - MG, 36010-003")]
    [InlineData("Correspondance : Postfach 31 40 22, 30159 Hannover", "Postfach 31 40 22, 30159 Hannover")]
    [InlineData("She moved to 21 Rowan Mews, Glasgow G12 8QQ last year.", "21 Rowan Mews, Glasgow G12 8QQ")]
    [InlineData("Bitte liefern an Lindenring 8, 3. OG rechts, 79098 Freiburg.", "Lindenring 8, 3. OG rechts, 79098 Freiburg")]
    public void Detect_AddressAnchoredOnPostcode_FindsWholeBlock(string text, string value)
    {
        AssertSingleSpan(text, PiiType.Address, value);
    }

    [Theory]
    [InlineData("My wife's birthday is October 19 (she turns 50).", "October 19")]
    [InlineData("Mein Geburtstag ist am 2. Juli, bitte nicht vergessen.", "2. Juli")]
    [InlineData("Fallecido en 2001; nac. 14/09/1938 en Cádiz.", "14/09/1938")]
    [InlineData("Genealogy note: Ada Price (b. 30-Jun-1902) emigrated.", "30-Jun-1902")]
    [InlineData("Nació el 9 de mayo del 1961 en Quito.", "9 de mayo del 1961")]
    public void Detect_BirthContextInOtherShapes_FindsDate(string text, string value)
    {
        AssertSingleSpan(text, PiiType.DateOfBirth, value);
    }

    [Theory]
    [InlineData("Transfer to MU17 BOMM 0101 1010 3030 0200 000M UR please", "MU17 BOMM 0101 1010 3030 0200 000M UR")]
    [InlineData("IBAN: DE89-3704-0044-0532-0130-00", "DE89-3704-0044-0532-0130-00")]
    public void Detect_IbanOfRegistryCountryOrDashGrouped_FindsIt(string text, string value)
    {
        AssertSingleSpan(text, PiiType.Iban, value);
    }

    [Theory]
    [InlineData("Ship to Denver, CO 80202-1234 by ground.")]
    [InlineData("## [4.12.1.3] - 2026-02-14")]
    [InlineData("Kernel 6.8.12.4 shipped with the fix.")]
    [InlineData("Die Stadt hat 3.645.000 Einwohner.")]
    [InlineData("The house sold for $1,250,000 last spring.")]
    [InlineData("See table 12.40.3.2 for the raw numbers.")]
    [InlineData("We drove down Sunset Boulevard and then along Route 1.")]
    [InlineData("In 2019, 45000 Fans came to the stadium.")]
    [InlineData("Our 20 employees in 75008 Paris love the new office.")]
    public void Detect_NearMissOfNewRules_FindsNothingOfThatKind(string text)
    {
        _detector.Detect(text).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Card 4111 1111 1111 1112 was declined.")]
    [InlineData("Your order number is 8606531980.")]
    [InlineData("We are on version 10.0.19045 now; upgrade to v1.2.3.4.")]
    [InlineData("ISBN 978-0-306-40615-7 is the second edition.")]
    [InlineData("The job finished at 2026-11-23T14:05:09Z.")]
    [InlineData("Placeholders 000-12-3456, 666-45-1234 and 912-34-5678 are not SSNs.")]
    [InlineData("The IBAN DE89370400440532013001 has wrong check digits.")]
    [InlineData("My birthday is in March.")]
    [InlineData("Firmware update to 1.0.0.27 fixes the bug.")]
    [InlineData("Reference 4111 11 1111 1111 11 is a Luhn-valid number grouped like no card.")]
    [InlineData("Die Messe beginnt am 12.05.2027 um neun.")]
    [InlineData("Am Montag 12 Gäste, am Dienstag 14.")]
    public void Detect_NearMiss_FindsNothing(string text)
    {
        _detector.Detect(text).Should().BeEmpty();
    }

    [Fact]
    public void Detect_SeveralTypes_ReturnsNonOverlappingSpansInOrder()
    {
        var matches = _detector.Detect("Mail bob@contoso.org or call +44 20 7946 0321 from 10.1.2.3");

        matches.Select(m => m.Type).Should().Equal(PiiType.Email, PiiType.Phone, PiiType.IpAddress);
        matches.Zip(matches.Skip(1)).Should().OnlyContain(p => p.First.End <= p.Second.Start);
    }

    private void AssertSingleSpan(string text, PiiType type, string value)
    {
        var matches = _detector.Detect(text);

        matches.Should().ContainSingle(m => m.Type == type);
        var m = matches.Single(m => m.Type == type);
        text.Substring(m.Start, m.Length).Should().Be(value);
    }
}
