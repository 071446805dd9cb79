using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace AgentMemory.Security;

/// <summary>
/// Finds personal data in a text: e-mail addresses, phone numbers (libphonenumber), payment cards (Luhn), IBANs
/// (mod-97), US social security numbers (with the invalid ranges excluded), IPv4/IPv6 addresses, dates of birth (a date
/// near "born", "DOB", "birthday"…) and recognisable street addresses. Stateless and thread-safe.
/// </summary>
internal sealed partial class PiiDetector
{
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly string[] _regions;

    /// <summary>Creates a detector recognising national phone formats of US, GB, DE, FR, ES, IT and PT.</summary>
    public PiiDetector()
        : this(new PiiGuardOptions())
    {
    }

    /// <summary>Creates a detector with the phone regions of <paramref name="options"/>.</summary>
    public PiiDetector(PiiGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _regions = options.PhoneRegions.Count == 0 ? ["US"] : [.. options.PhoneRegions.Select(r => r.ToUpperInvariant())];
    }

    /// <summary>Finds the personal data in <paramref name="text"/>: non-overlapping spans in text order.</summary>
    public IReadOnlyList<PiiMatch> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PiiMatch>();
        if (text.Length == 0)
        {
            return found;
        }

        // Most specific first: a later match overlapping an earlier one is dropped.
        AddAll(found, Email().Matches(text), PiiType.Email, static _ => true);
        foreach (Match m in IbanCandidate().Matches(text))
        {
            if (ValidIbanPrefix(m.Value) is > 0 and var length)
            {
                TryAdd(found, new PiiMatch(PiiType.Iban, m.Index, length));
            }
        }

        AddAll(found, CardCandidate().Matches(text), PiiType.Card, static m => IsValidCard(m.Value));
        AddSsns(found, text);
        AddAll(found, Ipv4().Matches(text), PiiType.IpAddress, m => !LooksLikeVersion(text, m.Index, m.Length) && !IsNetmask(m.Value) && !LooksLikeSectionNumber(text, m));
        AddAll(found, Ipv6Candidate().Matches(text), PiiType.IpAddress, static m => IsIpv6(m.Value));
        AddDatesOfBirth(found, text);
        AddPostcodeAddresses(found, text);
        AddAll(found, Address().Matches(text), PiiType.Address, static _ => true);
        AddAll(found, EuropeanAddress().Matches(text), PiiType.Address, static _ => true);
        AddAll(found, NumberFirstAddress().Matches(text), PiiType.Address, static _ => true);
        AddAll(found, AbbreviatedStreetAddress().Matches(text), PiiType.Address, static _ => true);
        AddPhones(found, text);
        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static void AddAll(List<PiiMatch> found, MatchCollection matches, PiiType type, Func<Match, bool> accept)
    {
        foreach (Match m in matches)
        {
            if (accept(m))
            {
                TryAdd(found, new PiiMatch(type, m.Index, m.Length));
            }
        }
    }

    private static bool TryAdd(List<PiiMatch> found, PiiMatch match)
    {
        foreach (var f in found)
        {
            if (f.Overlaps(match.Start, match.Length))
            {
                return false;
            }
        }

        found.Add(match);
        return true;
    }

    private void AddPhones(List<PiiMatch> found, string text)
    {
        foreach (var region in _regions)
        {
            IEnumerable<PhoneNumberMatch> matches;
            try
            {
                matches = _phones.FindNumbers(text, region, PhoneNumberUtil.Leniency.VALID, long.MaxValue).ToList();
            }
            catch (NumberParseException)
            {
                continue;
            }

            foreach (var m in matches)
            {
                var raw = m.RawString;
                var digits = raw.Count(char.IsDigit);
                if (digits < 7 || !PhoneCharacters().IsMatch(raw) || ZipPlusFourShape().IsMatch(raw) || EmbeddedDate().IsMatch(raw) || SsnShape().IsMatch(raw) || DateShape().IsMatch(raw) || PostalCodeShape().IsMatch(raw) || NotAPhoneContext().IsMatch(Before(text, m.Start, 32)))
                {
                    continue;
                }

                var formatted = raw.Contains('+', StringComparison.Ordinal) || raw.Any(c => c is ' ' or '-' or '.' or '(' or ')');
                if ((!formatted || ThousandsShape().IsMatch(raw) || IsAmount(text, m.Start, raw.Length)) && !PhoneContext().IsMatch(Before(text, m.Start, 40)))
                {
                    continue;
                }

                TryAdd(found, new PiiMatch(PiiType.Phone, m.Start, raw.Length));
            }
        }
    }

    private static void AddSsns(List<PiiMatch> found, string text)
    {
        foreach (Match m in Ssn().Matches(text))
        {
            var area = int.Parse(m.Groups["a"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            var group = int.Parse(m.Groups["g"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            var serial = int.Parse(m.Groups["s"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
            {
                continue;
            }

            var separated = m.Value.Length == 11;
            if (!separated && !SsnContext().IsMatch(Before(text, m.Index, 40)))
            {
                continue;
            }

            if (separated && m.Groups["sep1"].Value != m.Groups["sep2"].Value)
            {
                continue;
            }

            TryAdd(found, new PiiMatch(PiiType.Ssn, m.Index, m.Length));
        }
    }

    private const int MaxBirthGap = 40;

    private static void AddDatesOfBirth(List<PiiMatch> found, string text)
    {
        foreach (Match ctx in BirthContext().Matches(text))
        {
            // The date follows the context word, possibly after a place or a format hint within the same clause
            // ("geboren in München am 3. Mai 1946", "née à Lyon le …", "Date of birth (DD/MM/YYYY): …").
            var windowStart = ctx.Index + ctx.Length;
            var end = Math.Min(text.Length, windowStart + 80);
            for (var i = windowStart; i < end && i - windowStart <= MaxBirthGap; i++)
            {
                var c = text[i];
                if (c is '.' or '!' or '?' or ';' or '\n' && i > windowStart + 1)
                {
                    break;
                }

                if (i > windowStart && !(char.IsLetterOrDigit(c) && !char.IsLetterOrDigit(text[i - 1])))
                {
                    continue;
                }

                if (i > windowStart && char.IsAsciiDigit(c) && char.IsAsciiDigit(text[i - 1]))
                {
                    continue;
                }

                var date = DateText().Match(text, i, end - i);
                if (!date.Success)
                {
                    date = DayAndMonth().Match(text, i, end - i);
                }

                if (date.Success)
                {
                    TryAdd(found, new PiiMatch(PiiType.DateOfBirth, date.Index, date.Length));
                    break;
                }

                if (char.IsAsciiDigit(c))
                {
                    break;
                }
            }
        }

        // "Ich bin am 21.06.1995 geboren": the context word after the date.
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsAsciiDigit(text[i - 1])))
            {
                continue;
            }

            var date = DateText().Match(text, i, Math.Min(40, text.Length - i));
            if (date.Success && date.Index == i && BirthAfter().IsMatch(text.AsSpan(date.Index + date.Length).ToString()))
            {
                TryAdd(found, new PiiMatch(PiiType.DateOfBirth, date.Index, date.Length));
            }
        }
    }

    /// <summary>Whether a number is an amount: a currency sign or code right before it, or a currency word right after.</summary>
    private static bool IsAmount(string text, int start, int length) =>
        CurrencyBefore().IsMatch(Before(text, start, 5)) || CurrencyAfter().IsMatch(text.AsSpan(start + length, Math.Min(12, text.Length - start - length)));

    private static string Before(string text, int index, int length)
    {
        var start = Math.Max(0, index - length);
        return text[start..index];
    }

    /// <summary>"Section 3.2.1.4", "step 1.1.2.3": four single-digit parts read as an address only next to a network word.</summary>
    private static bool LooksLikeSectionNumber(string text, Match m) =>
        m.Value.Length <= 7 && !IpContext().IsMatch(Before(text, m.Index, 40));

    /// <summary>
    /// A dotted quad is a version, a section or an object id rather than an address when a version word precedes it on
    /// its line (and no network word does, nearer), it is glued to a letter ("v1.2.3.4"), or a pre-release suffix follows.
    /// </summary>
    private static bool LooksLikeVersion(string text, int index, int length)
    {
        if (VersionContext().IsMatch(Before(text, index, 16)) || (index > 0 && char.IsLetter(text[index - 1])))
        {
            return true;
        }

        var end = index + length;
        if (end + 1 < text.Length && text[end] is '-' or '+' && char.IsLetter(text[end + 1]))
        {
            return true;
        }

        var line = Before(text, index, 40);
        line = line[(line.LastIndexOf('\n') + 1)..];
        var version = VersionWords().Matches(line).LastOrDefault();
        if (version is null)
        {
            return false;
        }

        var network = IpContext().Matches(line).LastOrDefault();
        return network is null || network.Index < version.Index;
    }

    private static bool IsNetmask(string value)
    {
        var octets = value.Split('.');
        return octets[0] == "255" && octets.All(o => o is "0" or "128" or "192" or "224" or "240" or "248" or "252" or "254" or "255");
    }

    private static bool IsIpv6(string value) =>
        value.Count(c => c == ':') >= 2
        && (value.Contains("::", StringComparison.Ordinal) || value.Count(c => c == ':') == 7)
        && value.Any(char.IsDigit)
        && IPAddress.TryParse(value, out var ip)
        && ip.AddressFamily == AddressFamily.InterNetworkV6;
}
