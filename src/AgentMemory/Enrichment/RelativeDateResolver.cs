using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AgentMemory.Retrieval;

namespace AgentMemory.Enrichment;

/// <summary>
/// Resolves relative dates inside a memory's text ("yesterday", "last week", "two days ago", "last Friday",
/// "next month") against the date of the conversation it came from, so the memory stays true when read later.
/// Extractors call <see cref="Annotate"/> at formation time with the conversation's own date (not "now").
/// </summary>
/// <example>
/// <c>Annotate("I went to a support group yesterday", 8 May 2023)</c> →
/// <c>"I went to a support group yesterday (7 May 2023)"</c>.
/// </example>
internal sealed partial class RelativeDateResolver
{
    private readonly CultureInfo _culture = CultureInfo.InvariantCulture;

    /// <summary>The relative expressions in <paramref name="text"/> and their absolute windows, in order.</summary>
    /// <param name="text">The memory text.</param>
    /// <param name="reference">When the text was said (the conversation's date).</param>
    public IReadOnlyList<ResolvedDate> Resolve(string? text, DateTimeOffset reference)
    {
        var result = new List<ResolvedDate>();
        if (string.IsNullOrEmpty(text))
        {
            return result;
        }

        var today = new DateTimeOffset(reference.Year, reference.Month, reference.Day, 0, 0, 0, reference.Offset);
        foreach (Match m in ExpressionRegex().Matches(text))
        {
            if (Window(m, today, _culture) is { } window)
            {
                result.Add(new ResolvedDate(m.Index, m.Length, window with { Expression = m.Value }));
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="text"/> with each relative expression followed by its absolute date in parentheses
    /// ("yesterday (7 May 2023)", "last week (week of 1 May 2023)", "last month (April 2023)"). Unchanged when there is none.
    /// </summary>
    public string Annotate(string? text, DateTimeOffset reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = Resolve(text, reference);
        if (found.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + (found.Count * 16));
        var last = 0;
        foreach (var r in found)
        {
            var end = r.Index + r.Length;
            sb.Append(text, last, end - last).Append(" (").Append(Describe(r.Window)).Append(')');
            last = end;
        }

        return sb.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>
    /// A short absolute description of a window: "7 May 2023", "5–6 December 2026" (a weekend), "week of 1 May 2023",
    /// "April 2023", "2022".
    /// </summary>
    public string Describe(TimeWindow window)
    {
        var days = (window.End - window.Start).TotalDays;
        var inv = _culture;
        var last = window.End.AddDays(-1);
        return days switch
        {
            <= 1 => window.Start.ToString("d MMMM yyyy", inv),
            < 7 when window.Start.Month == last.Month && window.Start.Year == last.Year
                => window.Start.Day.ToString(inv) + "\u2013" + last.ToString("d MMMM yyyy", inv),
            7 when window.Start.DayOfWeek == DayOfWeek.Monday => "week of " + window.Start.ToString("d MMMM yyyy", inv),
            <= 31 when window.Start.Day == 1 => window.Start.ToString("MMMM yyyy", inv),
            >= 365 and <= 366 when window.Start.DayOfYear == 1 => window.Start.ToString("yyyy", inv),
            _ => window.Start.ToString("d MMMM yyyy", inv) + " to " + window.End.AddDays(-1).ToString("d MMMM yyyy", inv),
        };
    }

    private static TimeWindow? Window(Match m, DateTimeOffset today, CultureInfo culture)
    {
        var text = m.Value;
        if (m.Groups["day"].Success)
        {
            return m.Groups["day"].Value.ToLowerInvariant() switch
            {
                "yesterday" or "last night" => new TimeWindow(today.AddDays(-1), today, text),
                "tomorrow" => new TimeWindow(today.AddDays(1), today.AddDays(2), text),
                "the day before yesterday" => new TimeWindow(today.AddDays(-2), today.AddDays(-1), text),
                _ => new TimeWindow(today, today.AddDays(1), text),
            };
        }

        if (m.Groups["n"].Success)
        {
            var n = TimeExpressionParser.ParseCount(m.Groups["n"].Value);
            var unit = TimeExpressionParser.UnitSpan(m.Groups["agounit"].Value.ToLowerInvariant());
            var at = TimeExpressionParser.Subtract(today, unit, n);
            return unit.Days == 1
                ? new TimeWindow(at, at.AddDays(1), text)
                : unit.Days == 7 ? TimeExpressionParser.Week(at, 0, text)
                : unit.Months == 1 ? TimeExpressionParser.Month(new DateTimeOffset(at.Year, at.Month, 1, 0, 0, 0, at.Offset), text)
                : TimeExpressionParser.Year(at.Year, at.Offset, text);
        }

        var which = m.Groups["which"].Value.ToLowerInvariant();
        var offset = which is "last" or "past" or "previous" ? -1 : which == "next" ? 1 : 0;
        if (m.Groups["weekday"].Success)
        {
            var target = (DayOfWeek)Array.FindIndex(culture.DateTimeFormat.DayNames, d => d.Equals(m.Groups["weekday"].Value, StringComparison.OrdinalIgnoreCase));
            var delta = ((int)target - (int)today.DayOfWeek + 7) % 7;
            var day = offset < 0 ? today.AddDays(delta == 0 ? -7 : delta - 7) : today.AddDays(delta == 0 ? 7 : delta);
            return new TimeWindow(day, day.AddDays(1), text);
        }

        return m.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "week" => TimeExpressionParser.Week(today, offset, text),
            "weekend" => TimeExpressionParser.Weekend(today, offset, text),
            "month" => TimeExpressionParser.Month(new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, today.Offset).AddMonths(offset), text),
            "year" => TimeExpressionParser.Year(today.Year + offset, today.Offset, text),
            _ => null,
        };
    }

    [GeneratedRegex(@"\b(?:(?<day>the day before yesterday|yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening)|(?<which>last|this|next|past|previous)\s+(?:(?<unit>weekend|week|month|year)|(?<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday))|(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|several)\s+(?<agounit>days?|weeks?|months?|years?)\s+ago)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExpressionRegex();
}
