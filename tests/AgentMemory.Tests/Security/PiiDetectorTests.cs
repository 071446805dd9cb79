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
        var matches = _detector.Detect(text);

        matches.Should().ContainSingle(m => m.Type == type);
        var m = matches.Single(m => m.Type == type);
        text.Substring(m.Start, m.Length).Should().Be(value);
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
}
