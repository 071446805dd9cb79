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
        TextAnalyzer.Default.Analyze("now no longer anymore moved switched changed replaced stopped gave quit sold new instead correction wrong mistake actually user"),
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

    /// <summary>The content terms of <paramref name="text"/> that are not change cues.</summary>
    public static HashSet<string> ContentTerms(string text)
    {
        var terms = new HashSet<string>(TextAnalyzer.Default.Analyze(text), StringComparer.Ordinal);
        terms.ExceptWith(CueTerms);
        return terms;
    }

    [GeneratedRegex(@"\d+(?:[.,:]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(now|no longer|not any ?more|any ?more|moved|switched|changed|replaced|stopped|gave up|given up|quit|sold|retired|left|instead|new|correction|i was wrong|got (?:that|it) wrong|wrong|mistake|actually|these days|ahora|ya no|nuevo|nueva|jetzt|nicht mehr|neue[rn]?|maintenant|plus de|nouveau|nouvelle)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    [GeneratedRegex(@"\b(if|would|might|maybe|perhaps|considering|thinking (?:of|about)|planning|plan to|tried|trying|try|trial|visit(?:ed|ing)?|trip|holiday|vacation|for a week|for the weekend|went back|switched back|back to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAChange();
}
