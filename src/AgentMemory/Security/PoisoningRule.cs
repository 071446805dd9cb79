using System.Text.RegularExpressions;

namespace AgentMemory.Security;

/// <summary>One pattern of the local poisoning detector.</summary>
/// <param name="Category">The machine reason suffix ("instruction-override", "exfiltration"…).</param>
/// <param name="Weight">How strongly a match alone indicates poisoning, in [0, 1].</param>
/// <param name="AppliesToUser">Whether it counts when the user said it (hijacks do; the user's own preferences do not).</param>
/// <param name="Pattern">The pattern, matched against the normalised (lower-case, accent-free) view.</param>
internal sealed record PoisoningRule(string Category, double Weight, bool AppliesToUser, Regex Pattern)
{
    /// <summary>Builds a rule; each literal space in <paramref name="pattern"/> matches a run of white space (" ?": optional white space).</summary>
    public static PoisoningRule Create(string category, double weight, bool appliesToUser, string pattern) =>
        new(category, weight, appliesToUser, new Regex(
            pattern.Replace(" ?", @"\s*", StringComparison.Ordinal).Replace(" ", @"\s+", StringComparison.Ordinal),
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled,
            MatchTimeout));

    /// <summary>
    /// A generous bound against pathological inputs. The patterns are compiled (once, when the rule set is first used):
    /// interpreted, the alternation-heavy rules cost over 10 ms at p95 per candidate; compiled, a fraction of that.
    /// </summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromSeconds(2);
}
