using System.Text.RegularExpressions;
using AgentMemory.Reconciliation;

namespace AgentMemory.Consolidation;

/// <summary>
/// Whether two similar texts state the same fact rather than two values of one attribute: the same numbers, the same
/// proper names, and both or neither negated or stating a change ("lives in Madrid" and "lives in Berlin" embed close
/// together but are not duplicates; merging them would keep the wrong one).
/// </summary>
internal static partial class NearDuplicate
{
    public static bool SameFact(string a, string b)
        => Set(Number(), a).SetEquals(Set(Number(), b))
            && Names(a).SetEquals(Names(b))
            && Negation().IsMatch(a) == Negation().IsMatch(b)
            && ChangeCues.SignalsChange(a) == ChangeCues.SignalsChange(b);

    private static HashSet<string> Set(Regex regex, string text)
        => regex.Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Capitalised words that do not open a sentence (names of people, places, organisations, products).</summary>
    private static HashSet<string> Names(string text)
        => Name().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\d+(?:[.,:]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<![.!?]\s)(?<!^)(?<=\s|[""'(])(?<name>\p{Lu}[\p{L}\p{N}'’-]+)")]
    private static partial Regex Name();

    [GeneratedRegex(@"\b(?:not|no|never|none|nothing|n't|cannot|doesn't|don't|isn't|won't|neither|nor)\b|n't\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();
}
