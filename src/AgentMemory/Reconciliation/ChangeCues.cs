using System.Text.RegularExpressions;
using AgentMemory.Lexical;

namespace AgentMemory.Reconciliation;

/// <summary>
/// The small, general signals that a statement changes something already true ("now", "no longer", "moved",
/// "switched", "replaced", "stopped", "gave up", "quit", "sold", "my new X", a correction), and the ones that say it
/// does not (a hypothetical, a plan, a trial, a visit). Used by the offline reconciler and by recall's tie rule.
/// </summary>
internal static partial class ChangeCues
{
    /// <summary>Words of the cues themselves, which say nothing about what changed (analyzed form).</summary>
    private static readonly HashSet<string> CueTerms = new(
        TextAnalyzer.Default.Analyze(
            "now nowadays no longer more anymore instead new used formerly moved relocated switched swapped changed replaced replacement traded "
            + "upgraded stopped gave quit sold retired resigned left ended finished last day started joined update correction wrong "
            + "mistake actually turns user"),
        StringComparer.Ordinal);

    /// <summary>Whether <paramref name="text"/> states a change and is not a hypothetical, plan or trial.</summary>
    public static bool SignalsChange(string text)
        => !string.IsNullOrEmpty(text) && Cue().IsMatch(text) && !NotAChange().IsMatch(text);

    /// <summary>Whether <paramref name="text"/> gives a number that <paramref name="held"/> (which also gives one) does not.</summary>
    public static bool GivesAnotherNumber(string text, string held)
    {
        var said = Number().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var known = Number().Matches(held).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return said.Count > 0 && known.Count > 0 && !said.IsSubsetOf(known) && !NotAChange().IsMatch(text);
    }

    /// <summary>
    /// Whether <paramref name="text"/> gives the <paramref name="attribute"/> to someone other than the speaker: a
    /// possessive owner that is not itself part of the attribute ("my daughter's new number", "Tom's address", but not
    /// "my manager's name" for the manager's name) within three words before one of its terms.
    /// </summary>
    public static bool GivesToSomeoneElse(string text, HashSet<string> attribute)
    {
        if (attribute.Count == 0)
        {
            return false;
        }

        foreach (Match match in OtherOwner().Matches(text))
        {
            var owner = match.Groups["owner"].Value;
            if (!NotAnOwner.Contains(owner)
                && !TextAnalyzer.Default.Analyze(owner).Any(attribute.Contains)
                && TextAnalyzer.Default.Analyze(match.Groups["then"].Value).Any(attribute.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> tells of the speaker's own move and <paramref name="held"/> (content terms) of where someone lives:
    /// a move changes the home even when no place name is shared ("I live in Austin" → "we relocated to Denver").
    /// </summary>
    public static bool MovesHome(string text, HashSet<string> held)
        => held.Overlaps(HomeTerms) && Relocation().IsMatch(text) && !NotAChange().IsMatch(text);

    /// <summary>The content terms of <paramref name="text"/> that are not change cues.</summary>
    public static HashSet<string> ContentTerms(string text)
    {
        var terms = new HashSet<string>(TextAnalyzer.Default.Analyze(text), StringComparer.Ordinal);
        terms.ExceptWith(CueTerms);
        return terms;
    }

    /// <summary>Words that say where someone lives (analyzed form), in the six languages of the cues.</summary>
    private static readonly HashSet<string> HomeTerms = new(
        TextAnalyzer.Default.Analyze(
            "live lives living home house flat apartment neighbourhood neighborhood address "
            + "vivo vivimos vive casa piso barrio habite habitons maison appartement quartier wohne wohnen wohnung haus "
            + "moro moramos apartamento abito abitiamo"),
        StringComparer.Ordinal);

    // The speaker moved: the move verb opens a sentence (after an optional "User:") or follows a first-person subject in
    // the same clause ("we finally moved", "nos mudamos", "wir sind umgezogen"); "my sister moved" is someone else's move.
    [GeneratedRegex(@"(?:^|[.!?;:]\s*|\b(?:i|we|i've|we've|i'd|we'd|me|nos|yo|nosotros|j'ai|je|nous|on|ich|wir|eu|nós|io|mi|ci|noi)\b[^.!?;,]{0,40}?)\b(?:moved|moving|relocated|mud(?:é|e|amos|ado|ada|aron|ó|o)|mudei|déménag\w*|demenag\w*|umgezogen|ziehen um|zog um|trasferit[oaie]|traslocat[oaie])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Relocation();

    /// <summary>Words whose "'s" is a contraction ("it's", "that's"), not a possessive.</summary>
    private static readonly HashSet<string> NotAnOwner = new(["It", "That", "What", "Who", "Where", "When", "How", "He", "She", "There", "Here", "Let", "This"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?:\b(?i:my|our|his|her|their)\s+(?<owner>\w+)|\b(?<owner>\p{Lu}\w*))['’]s\s+(?<then>\w+(?:\s+\w+){0,2})")]
    private static partial Regex OtherOwner();

    [GeneratedRegex(@"\d+(?:[.,:]\d+)*")]
    private static partial Regex Number();

    // Change vocabulary by family, in English, Spanish, French, German, Portuguese and Italian: "now"/"any more", an end
    // (stopped, quit, sold, left, retired, ended, finished, last day, died, broke up), a replacement (switched, swapped,
    // traded, replaced, upgraded, a new X), a move, a start elsewhere, and a correction.
    [GeneratedRegex(@"\b(now|nowadays|these days|no longer|no more|not any ?more|any ?more|instead|new|used to|formerly|"
        + @"moved|relocated|switched|swapped|changed|replaced|replacement|traded|upgraded|downgraded|"
        + @"stopped|gave up|given up|quit|sold|retired|resigned|left|ended|finished|last day|laid off|fired|"
        + @"died|passed away|broke up|split up|separated|divorced|got rid of|"
        + @"start(?:ed|ing)? (?:at|as|with|a new)|joined|promoted|transferred|rescheduled|postponed|"
        + @"re(?:painted|sprayed|named|branded|located|scheduled|placed|modelled|modeled)|"
        + @"correction|update|i was wrong|got (?:that|it) wrong|wrong|mistake|actually|turns out|"
        + @"ahora|ya no|nuevo|nueva|mud(?:é|e|amos|ado|ada|aron|ó|o)|cambi(?:é|e|amos|ado|ó|o)|dej(?:é|e|amos|ado)|vend(?:í|i|imos|ido)|"
        + @"maintenant|désormais|ne \w+ plus|plus de|nouveau|nouvel|nouvelle|déménag\w*|demenag\w*|chang[ée]|quitté|vendu|"
        + @"jetzt|inzwischen|mittlerweile|nicht mehr|keine?n? mehr|neue[rnms]?|umgezogen|gewechselt|verkauft|aufgehört|gekündigt|"
        + @"agora|já não|ja nao|não \w+ mais|novo|nova|mudei|mudamos|troquei|trocamos|vendi|deixei|"
        + @"adesso|ora|non più|nuovo|nuova|trasferit[oaie]|cambiato|venduto|lasciato|smesso)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    [GeneratedRegex(@"\b(if|would|might|maybe|perhaps|considering|thinking (?:of|about)|planning|plan to|tried|trying|try|trial|visit(?:ed|ing|s)?|(?:on|for) (?:a |the |my |our )?(?:\w+ )?(?:trip|holiday|vacation)|trip to|holiday in|vacation in|for a week|for the weekend|went back|switched back|back to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAChange();
}
