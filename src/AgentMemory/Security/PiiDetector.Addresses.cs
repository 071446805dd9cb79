using System.Text.RegularExpressions;

namespace AgentMemory.Security;

/// <summary>
/// Postal addresses found from their postal code: a code whose shape is valid for a country (US state + ZIP, UK postcode,
/// Canadian FSA/LDU, Irish Eircode, Dutch 1234 AB, Australian state + 4 digits, Portuguese 1234-567, Brazilian CEP,
/// 5-digit codes followed by a town) anchors the address, which is then extended back over the block before it —
/// comma-, line- or bullet-separated segments holding a house number, a PO box or names — and forward over the town.
/// </summary>
internal sealed partial class PiiDetector
{
    private const int MaxAddressLookBack = 160;
    private const int MaxAddressSegments = 7;

    /// <summary>Street types, number marks and flat or floor parts that belong to an address though written in lower case.</summary>
    private static readonly HashSet<string> AddressConnectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "nº", "n.º", "n.", "n°", "no.", "c/", "st", "st.",

        // Street types written in lower case before the name ("allée des Tilleuls", "rua do Ouro", "via dei Servi").
        "rue", "avenue", "av.", "boulevard", "bd", "allée", "allee", "impasse", "place", "chemin", "quai", "cours", "route", "via", "viale",
        "piazza", "corso", "vicolo", "calle", "carrer", "paseo", "plaza", "avenida", "avda.", "rua", "travessa", "largo", "praça", "estrada",

        // Flat, floor and building parts written in lower case ("sala 5", "apto 12", "int. 4", "esc. 2", "piso 3").
        "apt", "apt.", "apto", "apto.", "apartamento", "sala", "bloco", "andar", "piso", "puerta", "planta", "esc.", "escalera", "int.",
        "interno", "scala", "flat", "unit", "suite", "ste", "level", "floor", "étage", "bât.", "app.", "whg.", "stock", "lote", "casa",
    };

    /// <summary>Articles and prepositions inside street names: part of a name, never its first word when in lower case.</summary>
    private static readonly HashSet<string> AddressJoiners = new(StringComparer.Ordinal)
    {
        "de", "del", "della", "delle", "dei", "degli", "di", "da", "das", "dos", "do", "du", "des", "la", "las", "los", "le", "les", "d'",
        "van", "von", "der", "den", "het", "am", "an", "im", "zum", "zur", "of",
    };

    private enum SegmentKind
    {
        None,
        Names,
        Street,
        Box,
    }

    private static void AddPostcodeAddresses(List<PiiMatch> found, string text)
    {
        foreach (Match m in Postcode().Matches(text))
        {
            var strong = m.Groups["uk"].Success || m.Groups["ca"].Success || m.Groups["ie"].Success || m.Groups["nl"].Success;
            var end = m.Index + m.Length;
            var town = TownAfterPostcode().Match(text, end);
            if (town.Success && town.Index == end)
            {
                end += town.Value.TrimEnd(' ', '-', '/', '.').Length;
            }

            var (start, hasStreet, hasAny) = AddressBlockStart(found, text, m.Index);
            if (hasStreet || (strong && hasAny))
            {
                TryAdd(found, new PiiMatch(PiiType.Address, start, end - start));
            }
        }

        foreach (Match m in PostBox().Matches(text))
        {
            TryAdd(found, new PiiMatch(PiiType.Address, m.Index, m.Length));
        }
    }

    /// <summary>
    /// Walks back from a postal code over the segments of its address block; returns where the block starts, whether it
    /// holds a house number or a PO box, and whether it holds anything at all.
    /// </summary>
    private static (int Start, bool HasStreet, bool HasAny) AddressBlockStart(List<PiiMatch> found, string text, int postcode)
    {
        var start = postcode;
        bool hasStreet = false, hasAny = false;
        var segmentEnd = postcode;
        var limit = Math.Max(0, postcode - MaxAddressLookBack);
        for (var segments = 0; segments < MaxAddressSegments && segmentEnd > limit; segments++)
        {
            var i = segmentEnd - 1;
            var hardStop = false;
            while (i >= limit && !IsSegmentSeparator(text, i, out hardStop))
            {
                i--;
            }

            var segmentStart = i + 1;
            if (found.Any(f => f.Overlaps(segmentStart, segmentEnd - segmentStart)))
            {
                break;
            }

            var (kind, tailStart, whole) = ClassifySegment(text, segmentStart, segmentEnd);
            var empty = text.AsSpan(segmentStart, segmentEnd - segmentStart).Trim().IsEmpty;
            if (kind == SegmentKind.None && !(empty && segmentEnd == postcode))
            {
                break;
            }

            if (kind != SegmentKind.None)
            {
                start = tailStart;
                hasAny = true;
                hasStreet |= kind is SegmentKind.Street or SegmentKind.Box;
            }

            if ((!whole && !empty) || hardStop || i < limit)
            {
                break;
            }

            // Skip the separator run (", ", "\n", "  ", " · ").
            segmentEnd = i;
            while (segmentEnd > limit && IsSegmentSeparator(text, segmentEnd - 1, out var stop) && !stop)
            {
                segmentEnd--;
            }
        }

        return (start, hasStreet, hasAny);
    }

    private static bool IsSegmentSeparator(string text, int i, out bool hardStop)
    {
        var c = text[i];
        hardStop = c is ':' or ';' or '!' or '?' or '"' or '“' or '”' or '<' or '>' or '='
            || (c == '.' && i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2]) && IsLongLowercaseWordBefore(text, i));
        return hardStop
            || c is ',' or '\n' or '\r' or '·' or '|' or '•'
            || (c == ' ' && i > 0 && text[i - 1] == ' ')
            || (c == ' ' && i + 1 < text.Length && text[i + 1] == ' ')
            || (c is '-' or '–' && i > 0 && i + 1 < text.Length && text[i - 1] == ' ' && text[i + 1] == ' ');
    }

    private static bool IsLongLowercaseWordBefore(string text, int dot)
    {
        var j = dot - 1;
        while (j >= 0 && char.IsLower(text[j]))
        {
            j--;
        }

        return dot - 1 - j >= 4 && (j < 0 || !char.IsLetter(text[j]));
    }

    /// <summary>
    /// What one segment of an address block is, and where its address part starts: the part is the last house number with
    /// the capitalised words and connectors before it ("Calle de Alcalá 30", "Laan van Meerdervoort 277"), a PO box, or a
    /// run of capitalised words ("Co. Galway"). <c>Whole</c> is false when words that are not part of an address precede it.
    /// </summary>
    private static (SegmentKind Kind, int TailStart, bool Whole) ClassifySegment(string text, int start, int end)
    {
        var segment = text[start..end];
        var box = PostBoxKeyword().Match(segment);
        if (box.Success)
        {
            return (SegmentKind.Box, start + box.Index, box.Index == LeadingSpace(segment));
        }

        var numbers = HouseNumber().Matches(segment);
        var anchor = numbers.Count > 0 ? numbers[^1].Index : segment.TrimEnd().Length;
        var tail = WalkBackOverNames(segment, anchor);
        if (numbers.Count > 0)
        {
            var number = numbers[^1];
            var after = segment[(number.Index + number.Length)..].TrimStart(' ', '.', 'º', 'ª', '°');
            var isYear = number.Length == 4 && number.Value is ['1', '9', ..] or ['2', '0', ..] && after.Length == 0;

            // A house number sits next to a name: capitalised words or a street type before it ("Calle Mayor 5") or
            // after it ("12 Oak Street", "4 rue des Lilas"), or stands alone in its segment ("820,"). "20 employees" does not.
            var words = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var prose = words.Any(w => w.Length > 3 && char.IsLower(w[0]) && !IsAddressWord(w));
            var named = (tail < anchor && !prose) || after.Length == 0 || char.IsUpper(after[0]) || (words.Length > 0 && IsAddressWord(words[0]));
            return isYear || !named ? (SegmentKind.None, end, false) : (SegmentKind.Street, start + tail, tail == LeadingSpace(segment));
        }

        return tail < anchor ? (SegmentKind.Names, start + tail, tail == LeadingSpace(segment)) : (SegmentKind.None, end, false);
    }

    private static bool IsAddressWord(string word) => AddressConnectors.Contains(word) || AddressJoiners.Contains(word);

    private static int LeadingSpace(string segment) => segment.Length - segment.TrimStart().Length;

    /// <summary>The start of the run of capitalised words and connectors ending just before <paramref name="anchor"/>.</summary>
    private static int WalkBackOverNames(string segment, int anchor)
    {
        var start = anchor;
        var words = 0;
        var j = anchor;
        while (words < 6)
        {
            while (j > 0 && segment[j - 1] == ' ')
            {
                j--;
            }

            var wordEnd = j;
            while (j > 0 && segment[j - 1] != ' ')
            {
                j--;
            }

            if (j == wordEnd)
            {
                break;
            }

            var word = segment[j..wordEnd];
            if (!(char.IsUpper(word[0]) || IsAddressWord(word) || (word[0] == '(' && word.Length > 1 && char.IsUpper(word[1]))))
            {
                break;
            }

            if (!AddressJoiners.Contains(word))
            {
                start = j;
            }

            words++;
        }

        return start;
    }

    /// <summary>A postal code of one of the supported countries, with what identifies it as one.</summary>
    [GeneratedRegex(@"(?<us>\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]),?\s\d{5}(?:-\d{4})?\b)|(?<au>\b(?:NSW|VIC|QLD|WA|SA|TAS|NT|ACT),?\s\d{4}\b)|(?<ca>\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b)|(?<uk>\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) \d[ABD-HJLNP-UW-Z]{2}\b)|(?<ie>\b[ACDEFHKNPRTVWXY]\d[\dW] (?=[A-Z]{0,3}\d)[0-9A-Z]{4}\b)|(?<nl>\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b(?=[ \t]+\p{Lu}))|(?<pt>\b\d{4}-\d{3}\b(?=[ \t]+\p{Lu}))|(?<br>(?:\bCEP:? ?)?\b\d{5}-\d{3}\b)|(?<eu>\b\d{5}(?=[ \t]+\p{Lu}\p{L}))")]
    private static partial Regex Postcode();

    /// <summary>The town after a postal code ("Lisboa", "Rio de Janeiro - RJ", "Roma (RM)", "Paris Cedex").</summary>
    [GeneratedRegex(@"\G(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|\(\p{Lu}[\p{L} ]{0,20}\)|de|da|do|del|di|am|an|der|sur|en|-|/))+")]
    private static partial Regex TownAfterPostcode();

    /// <summary>A house number: "12", "12a", "3/317", "45-2", "3 bis".</summary>
    [GeneratedRegex(@"(?<![\w/º°-])\d{1,5}(?:[/-]\d{1,4})?(?:[ ]?(?:bis|ter)\b|[A-Za-z](?!\p{L}))?(?![\d\w])")]
    private static partial Regex HouseNumber();

    /// <summary>The words of a PO box in the supported languages, followed by its number.</summary>
    [GeneratedRegex(@"\b(?:P\.? ?O\.? Box|GPO Box|Locked Bag|Postfach|Postbus|Apartado(?: de Correos)?|Caixa Postal|Casella Postale|Bo[iî]te [Pp]ostale|BP|CP)\.? ?\d")]
    private static partial Regex PostBoxKeyword();

    /// <summary>A PO box standing alone ("PO Box 1234", "Postfach 10 12 34"): unambiguous without a postal code.</summary>
    [GeneratedRegex(@"\b(?:P\.? ?O\.? Box|GPO Box|Postfach|Postbus|Apartado de Correos|Caixa Postal|Casella Postale|Bo[iî]te [Pp]ostale) \d{1,6}(?: \d{2}){0,2}\b")]
    private static partial Regex PostBox();
}
