using System.Text.RegularExpressions;

namespace AgentMemory.Security;

internal sealed partial class PiiDetector
{
    /// <summary>IBAN length per country, from the SWIFT IBAN registry.</summary>
    private static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DJ"] = 27,
        ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FK"] = 18, ["FO"] = 18, ["FR"] = 27,
        ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22,
        ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32,
        ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19,
        ["MN"] = 20, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24, ["SC"] = 31,
        ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23,
        ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    };

    /// <summary>What may separate the groups of an IBAN: a space, a no-break space or a dash.</summary>
    private const string IbanSeparators = " \u00A0-";

    /// <summary>Whether a run of digits (spaces and dashes allowed) is a Luhn-valid card number of a known issuer range.</summary>
    internal static bool IsValidCard(string candidate)
    {
        Span<int> digits = stackalloc int[19];
        var n = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == 19)
                {
                    return false;
                }

                digits[n++] = c - '0';
            }
        }

        if (n < 13 || digits[0] is 0 or 7 or 8 or 9 || !CardGrouping().IsMatch(candidate.Trim()))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < n; i++)
        {
            var d = digits[n - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// The length of the longest prefix of <paramref name="candidate"/> ending at a group boundary that is a valid IBAN
    /// (the candidate pattern may run on into the next word: "ES91 2100 … 1332 for the rent"), or 0.
    /// </summary>
    internal static int ValidIbanPrefix(string candidate)
    {
        for (var end = candidate.Length; end >= 15; end = candidate.AsSpan(0, end - 1).LastIndexOfAny(IbanSeparators) is var space and > 0 ? space : 0)
        {
            if (IsValidIban(candidate[..end]))
            {
                return end;
            }

            if (candidate.AsSpan().IndexOfAny(IbanSeparators) < 0)
            {
                break;
            }
        }

        return 0;
    }

    /// <summary>Whether a text (spaces allowed) is an IBAN of the right length for its country with a valid mod-97 checksum.</summary>
    internal static bool IsValidIban(string candidate)
    {
        var compact = new string([.. candidate.Where(c => !IbanSeparators.Contains(c)).Select(char.ToUpperInvariant)]);
        if (compact.Length < 15 || !IbanLengths.TryGetValue(compact[..2], out var length) || compact.Length != length)
        {
            return false;
        }

        var rearranged = compact[4..] + compact[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                var v = c - 'A' + 10;
                remainder = ((remainder * 100) + v) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[A-Za-z]{2}\d{2}(?:[ \u00A0-]?[A-Za-z0-9]{4}){2,8}(?:[ \u00A0-]?[A-Za-z0-9]{1,4})?\b")]
    private static partial Regex IbanCandidate();

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")]
    private static partial Regex CardCandidate();

    [GeneratedRegex(@"(?<![\d-])(?<a>\d{3})(?<sep1>[- ]?)(?<g>\d{2})(?<sep2>[- ]?)(?<s>\d{4})(?![\d-])")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"\b(ssn|social security|social-security|soc\.? sec\.?|ss#|ss no)\b[^.\n]{0,30}$", RegexOptions.IgnoreCase)]
    private static partial Regex SsnContext();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d]|\.\d)")]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?![\w:])")]
    private static partial Regex Ipv6Candidate();

    [GeneratedRegex(@"\b(v|ver|version|versions|release|build|firmware|update|upgrade|sdk|api|package|patch|kernel|chrome|python|node|\.net|java|firmware version|os)\.?\s*(to|from|is|=|:|->)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionContext();

    [GeneratedRegex(@"\b(born|birth ?date|date of birth|birthdate|d\.?o\.?b\.?|birthday|bday|b-day|came into the world|geboren|geb\.|geburtsdatum|geb\.-datum|geburtstag|zur welt gekommen|n[ée]e? le|n[ée]e?|date de naissance|date de naiss\.|naissance|naiss\.|nasc\.|nac\.|b\.(?=\s?\d)|anniversaire|nac[ií][oó]?|nacida|nacido|fecha de nacimiento|fecha nac\.|nacimiento|cumplea[ñn]os|nasci|nasceu|nascid[oa]|naci[oó]|nacque|data de nascimento|data de nasc\.|nascimento|anivers[áa]rio|nat[oa]|data di nascita|compleanno|venut[oa] al mondo)(?=\W)\s*(?:(?:is|was|on|in|am|el|le|the|a|em|il|en|no|na)\b|[:=-])?\s*(?:(?:on|in|the|am|el|le|a|em|il|en|no|na|dia)\b)?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BirthContext();

    /// <summary>Month names and abbreviations in English, French, German, Spanish, Portuguese and Italian.</summary>
    private const string MonthNames = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre|januar|jänner|februar|märz|maerz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre";

    /// <summary>A full date: ISO, numeric (2- or 4-digit year), or with a written month ("3rd of March 1985", "26-Aug-1931", "11 de febrero del 1970", "March 3, 1985").</summary>
    [GeneratedRegex(@"^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th|er|º|°|\.)?(?: of)?[ -](?:de )?(?:" + MonthNames + @")\.?,?(?: de| del)?[ -]\d{4}|(?:" + MonthNames + @")\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})(?![\d])", RegexOptions.IgnoreCase)]
    private static partial Regex DateText();

    /// <summary>A day and a written month without a year ("4 de agosto", "18. Februar", "April 2"): a date of birth only next to a birth word.</summary>
    [GeneratedRegex(@"^\s*(?:\d{1,2}(?:st|nd|rd|th|er|º|°|\.)?(?: of)? (?:de )?(?:" + MonthNames + @")|(?:" + MonthNames + @")\.? \d{1,2}(?:st|nd|rd|th)?)(?![\p{L}\d])", RegexOptions.IgnoreCase)]
    private static partial Regex DayAndMonth();

    [GeneratedRegex(@"\b\d{1,5}[A-Za-z]?(?: [A-Z][a-zA-Z'.]*| \d{1,3}(?:st|nd|rd|th)){1,4} (?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Crescent|Close|Gardens|Loop|Row|Walk|Mews|Grove|Rise|Alley)\b\.?(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Flat|#) ?[A-Za-z0-9-]+)?")]
    private static partial Regex Address();

    [GeneratedRegex(@"\b(?:[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad)|(?:Calle|Avenida|Av\.|Avda\.|Paseo|Plaza|Carrer|Camino|Ronda|Travesía|Rua|Travessa|Praça|Praca|Largo|Alameda|Estrada|Via|Viale|Piazza|Piazzale|Corso|Vicolo|Strada|Rue|Avenue|Boulevard|Chemin|Place|Allée|Impasse|Quai|Route)(?: (?:de|del|della|delle|dei|di|da|das|dos|do|la|las|los|le|du|des|de la|d'|dell')?\s?[\p{Lu}][\p{L}'’.-]+){1,4}|(?:Am|An der|Auf der|Auf dem|Im|In der|Zum|Zur|Unter den) [\p{Lu}][\p{L}.-]+(?= \d{1,4}[a-z]?,? \d{5}\b)),? (?:n\.? ?º? ?|nº ?|no\.? )?\d{1,4}[a-zA-Z]?\b(?:,? \d{1,2}º?(?: ?[A-Za-z])?\b)?(?:,? (?:\d{4,5}(?:-\d{3})?|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}) [\p{Lu}][\p{L}-]+)?|\b\d{1,4}(?:bis|ter)?,? (?:rue|avenue|boulevard|bd|chemin|place|allée|impasse|quai|cours) (?:de |du |des |de la |d')?[A-ZÉ][\wéèêàâç'-]+(?: [A-Za-zéèêàâç'-]+){0,3}")]
    private static partial Regex EuropeanAddress();

    /// <summary>Words that make a dotted quad a version, a section or an object id rather than an address.</summary>
    [GeneratedRegex(@"\b(?:v|ver|versions?|releases?|changelog|build|firmware|sdk|kernel|sections?|sect|table|figure|fig|chapter|clause|article|oid|snmp|mib|milestone)\b\.?|§|\[$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionWords();

    /// <summary>A number written with thousands separators ("3.645.000", "1,250,000").</summary>
    [GeneratedRegex(@"^\d{1,3}(?<sep>[.,])\d{3}(?:\k<sep>\d{3})+$")]
    private static partial Regex ThousandsShape();

    [GeneratedRegex(@"(?:[€$£¥₹]|\b(?:EUR|USD|GBP|CHF|BRL|R\$))\s?$")]
    private static partial Regex CurrencyBefore();

    [GeneratedRegex(@"^\s?(?:[€$£¥₹]|(?:EUR|USD|GBP|CHF|BRL|euros?|dollars?|pounds?|reais|francs?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyAfter();

    [GeneratedRegex(@"^\d{3}-\d{2}-\d{4}$")]
    private static partial Regex SsnShape();

    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})$")]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^(?:\d{4}(?: \d{4}){2,3}(?: \d{1,4})?|\d{4}(?:-\d{4}){2,3}(?:-\d{1,4})?|\d{4}[ -]\d{6}[ -]\d{4,5}|\d{13,19})$")]
    private static partial Regex CardGrouping();

    [GeneratedRegex(@"^\s{0,3}(geboren|born|zur welt gekommen|n[ée]e?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex BirthAfter();

    [GeneratedRegex(@"\b(phone|tel|telephone|mobile|cell|call|text|txt|sms|whatsapp|signal|fax|reach|contact|ring|dial|number is|teléfono|telefono|móvil|movil|téléphone|portable|handy|telefon|nummer|numéro)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneContext();

    [GeneratedRegex(@"(order|invoice|ticket|tracking|encomenda|ordine|ordem|n\.?\s?º|nº|spedizione|envio|envío|seguimiento|suivi|colis|sendung|sendungsnummer|paket|imei|ean|upc|lot|batch|voucher|coupon|promo|code|codice|código|codigo|iban|bic|vat|tax|steuer|nif|siret|matricule|ref|reference|case|account|acct|id|isbn|serial|sku|part|model|confirmation|booking|po|transaction|txn|policy|claim|customer|bestellnummer|bestellung|auftragsnummer|auftrag|rechnungsnummer|rechnung|kundennummer|commande|facture|dossier|pedido|factura|referencia|expediente)\s*(no\.?|number|num|nr\.?|n°|#|:|id)?\s*[:#]?\s*(is\s*|es\s*|ist\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPhoneContext();

    [GeneratedRegex(@"^\d{5}-\d{3}$")]
    private static partial Regex PostalCodeShape();

    /// <summary>A US ZIP+4 code ("80299-3357"), which libphonenumber reads as a Brazilian subscriber number.</summary>
    [GeneratedRegex(@"^\d{5}-\d{4}$")]
    private static partial Regex ZipPlusFourShape();

    /// <summary>What a written phone number is made of: digits, a leading plus, spaces, dashes, dots, slashes and brackets.</summary>
    [GeneratedRegex(@"^\+?[\d\s().\/-]+(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneCharacters();

    /// <summary>A date inside a would-be phone number ("2026-03-01", "12.05.2027").</summary>
    [GeneratedRegex(@"(?<!\d)(?:(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})(?!\d)")]
    private static partial Regex EmbeddedDate();

    [GeneratedRegex(@"\b(ip|ips|ipv4|address|addr|server|host|hostname|gateway|dns|ping|router|subnet|proxy|endpoint|connect(?:ed|ion)?|adresse|direcci[oó]n|indirizzo|endere[cç]o|lan|wan|vpn|firewall)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IpContext();

    /// <summary>French/Canadian order: number (bis/ter), street type, name, optional city, optional province, postal code.</summary>
    [GeneratedRegex(@"\b\d{1,5}(?: ?(?:bis|ter|[A-Za-z]))?,? (?i:rue|avenue|boulevard|bd|place|chemin|all[ée]e|impasse|quai|route|cours|rang|mont[ée]e)(?: [\p{L}'’.-]+){1,5}(?:, [\p{Lu}][\p{L}'’ .-]{1,30})?(?:,? [A-Z]{2})?,? (?:\d{5}(?: [\p{Lu}][\p{L}-]+)?|[A-Z]\d[A-Z] ?\d[A-Z]\d)")]
    private static partial Regex NumberFirstAddress();

    /// <summary>Spanish and Portuguese abbreviated street types ("C/ Mayor 5, 3º B, 28013 Madrid").</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:C/|c/|Avda\.|Pº|P\.º|R\.|Trav\.)\s?[\p{Lu}][\p{L}'’.-]+(?: [\p{L}'’.-]+){0,4},? (?:n\.?º ?)?\d{1,4}[A-Za-z]?(?:,? \d{1,2}[ºª°]? ?[A-Za-z]?)?,? (?:\d{5}|\d{4}-\d{3})(?: [\p{Lu}][\p{L}-]+)?")]
    private static partial Regex AbbreviatedStreetAddress();
}
